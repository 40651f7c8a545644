// Light, dark or the system's choice. The stylesheets say dark with `@media (prefers-color-scheme:
// dark)` blocks; rather than a second copy of every dark block keyed by a class, a chosen theme
// rewrites those blocks' media queries in place: "all" (always on) for dark, a print-only query
// (never on screen) for light, and back to the original for system. Every stylesheet, the ones
// lazy views load later included, follows with no change to its CSS. public/theme-boot.js does the
// same before the first paint; keep the two in step.
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'fleetdeck.theme';
const DARK = /prefers-color-scheme:\s*dark/;
const QUERY: Record<ThemeChoice, string> = {
  system: '(prefers-color-scheme: dark)',
  dark: 'all, (prefers-color-scheme: dark)',
  light: 'print and (prefers-color-scheme: dark)',
};

export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const stored = storage?.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system'; // storage refused (a locked-down profile): the system decides
  }
}

function rewrite(rules: CSSRuleList, query: string): void {
  for (const rule of Array.from(rules)) {
    if ('media' in rule && DARK.test((rule as CSSMediaRule).media.mediaText)) {
      (rule as CSSMediaRule).media.mediaText = query;
    } else if ('cssRules' in rule) {
      rewrite((rule as CSSGroupingRule).cssRules, query);
    }
  }
}

/** Sets the page's theme: its dark blocks' queries, and the color-scheme of native controls. */
export function applyTheme(choice: ThemeChoice, doc: Document = document): void {
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      rewrite(sheet.cssRules, QUERY[choice]);
    } catch {
      // A sheet from another origin cannot be read; Fleetdeck loads none.
    }
  }
  const root = doc.documentElement;
  if (choice === 'system') {
    delete root.dataset.theme;
    root.style.removeProperty('color-scheme');
  } else {
    root.dataset.theme = choice;
    root.style.setProperty('color-scheme', choice);
  }
}

/** Applies the choice to stylesheets that load later (a lazy view's CSS). Returns the stop. */
export function followNewStylesheets(current: () => ThemeChoice, doc: Document = document): () => void {
  const onLoad = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.tagName === 'LINK' || target?.tagName === 'STYLE') applyTheme(current(), doc);
  };
  // A <link>'s load does not bubble; the capture phase still passes the document.
  doc.addEventListener('load', onLoad, true);
  const observer = new MutationObserver((changes) => {
    if (changes.some((c) => [...c.addedNodes].some((n) => n.nodeName === 'STYLE'))) applyTheme(current(), doc);
  });
  observer.observe(doc.head, { childList: true });
  return () => {
    doc.removeEventListener('load', onLoad, true);
    observer.disconnect();
  };
}
