// Encrypted SECRET values (EV[…]) are drawn as dots with a "change" button; the cursor steps over
// them as one unit, so a secret is never typed over in the YAML — it changes through a password field.
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { encryptedRanges } from '../../../specSchema/secrets';

class SecretWidget extends WidgetType {
  constructor(
    readonly at: number,
    readonly onChange: ((text: string, pos: number) => void) | undefined,
  ) {
    super();
  }

  override eq(other: SecretWidget): boolean {
    return other.at === this.at && other.onChange === this.onChange;
  }

  toDOM(view: EditorView): HTMLElement {
    const wrap = document.createElement('span');
    wrap.className = 'cm-secret';
    wrap.setAttribute('data-testid', 'masked-secret');
    const dots = document.createElement('span');
    dots.className = 'cm-secret__dots';
    dots.textContent = '••••••••';
    dots.title = 'Encrypted SECRET value, kept as DigitalOcean returned it';
    wrap.append(dots);
    if (this.onChange) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cm-secret__change';
      button.textContent = 'change';
      button.setAttribute('data-testid', 'secret-change');
      button.setAttribute('aria-label', 'Change this secret');
      const open = this.onChange;
      const at = this.at;
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', (event) => {
        event.preventDefault();
        open(view.state.doc.toString(), at);
      });
      wrap.append(button);
    }
    return wrap;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

function build(view: EditorView, onChange: ((text: string, pos: number) => void) | undefined): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const text = view.state.doc.toString();
  for (const range of encryptedRanges(text)) {
    builder.add(range.from, range.to, Decoration.replace({ widget: new SecretWidget(range.from, onChange) }));
  }
  return builder.finish();
}

/** `onChange` gets the text and the masked value's position; without it the mask only hides (diff views). */
export function secretMask(onChange?: (text: string, pos: number) => void): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view, onChange);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = build(update.view, onChange);
      }
    },
    {
      decorations: (v) => v.decorations,
      provide: (p) => EditorView.atomicRanges.of((view) => view.plugin(p)?.decorations ?? Decoration.none),
    },
  );
  return plugin;
}
