// The ? overlay: every keyboard shortcut, by where it works. Esc, ? or Close puts focus back.
import { useRef, type KeyboardEvent } from 'react';
import { usePaletteStore } from '../../stores/paletteStore';
import { SHORTCUTS } from './shortcuts';
import { useModalFocus } from './useModalFocus';
import './palette.css';

export function ShortcutsOverlay() {
  const hide = usePaletteStore((s) => s.hideShortcuts);
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === '?') {
      event.preventDefault();
      hide();
    } else trapTab(event);
  };

  return (
    <div
      className="palette-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) hide();
      }}
    >
      <div
        ref={ref}
        className="palette shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={onKeyDown}
        data-testid="shortcuts-overlay"
        data-modal-root
      >
        <header className="shortcuts__header">
          <h2 id="shortcuts-title" className="shortcuts__title">
            Keyboard shortcuts
          </h2>
          <button type="button" className="button button--small" onClick={hide} autoFocus>
            Close
          </button>
        </header>
        <div className="shortcuts__body">
          {SHORTCUTS.map((group) => (
            <section key={group.where} className="shortcuts__group" aria-labelledby={`shortcuts-${group.where}`}>
              <h3 id={`shortcuts-${group.where}`} className="palette__group-title">
                {group.where}
              </h3>
              <dl className="shortcuts__list">
                {group.shortcuts.map((s) => (
                  <div key={s.keys.join('+') + s.does} className="shortcuts__row" data-testid="shortcut">
                    <dt>
                      {s.keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </dt>
                    <dd>{s.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
