// The top bar's context menu. A custom menu rather than a <select> so the demo context, the
// providers of each context and a switch in progress can be shown, and so it looks the same on
// every platform.
import { useEffect, useRef, useState } from 'react';
import type { ContextSummary } from '../../../src-preload/contract';
import { useAccountsStore } from '../../stores/accountsStore';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { hrefFor } from '../../stores/navigationStore';
import { PROVIDER_NAMES } from './providers';
import './context-switcher.css';

function ordered(contexts: ContextSummary[]): ContextSummary[] {
  return [...contexts].sort((a, b) => (a.demo === b.demo ? a.name.localeCompare(b.name) : a.demo ? -1 : 1));
}

export function ContextSwitcher() {
  const overview = useAccountsStore((s) => s.overview);
  const switching = useAccountsStore((s) => s.switching);
  const switchError = useAccountsStore((s) => s.switchError);
  const switchContext = useAccountsStore((s) => s.switchContext);
  const fallbackName = useEnvironmentStore((s) => s.environment?.contextName);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const active = overview?.activeContext ?? fallbackName;
  if (!active) return null;
  const contexts = overview ? ordered(overview.contexts) : [];
  const needsAttention = overview?.accounts.some(
    (a) => a.context === overview.activeContext && a.status === 'needs_attention',
  );

  return (
    <div className="context-switcher" ref={root}>
      <span className="topbar__sep" aria-hidden="true">
        /
      </span>
      <button
        type="button"
        className="context-switcher__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Context: ${active}. Switch context`}
        data-testid="context-switcher"
        disabled={!overview || !!switching}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="context-switcher__name">{switching ? `Switching to ${switching}…` : active}</span>
        <svg className="context-switcher__caret" viewBox="0 0 10 6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {needsAttention ? (
        <a
          className="context-switcher__warning"
          href={hrefFor({ name: 'settings' })}
          title="An account in this context needs attention — open Settings"
          aria-label="An account in this context needs attention — open Settings"
          data-testid="context-warning"
        />
      ) : null}
      {switchError ? (
        <span className="context-switcher__error" role="alert" title={switchError.message}>
          Couldn’t switch: {switchError.message}
        </span>
      ) : null}
      {open ? (
        <div className="context-menu" role="menu" aria-label="Contexts">
          {contexts.map((c) => (
            <button
              key={c.name}
              type="button"
              role="menuitemradio"
              aria-checked={c.name === active}
              className="context-menu__item"
              onClick={() => {
                setOpen(false);
                void switchContext(c.name);
              }}
            >
              <span className="context-menu__check" aria-hidden="true">
                {c.name === active ? '✓' : ''}
              </span>
              <span className="context-menu__name">{c.name}</span>
              <span className="context-menu__meta">
                {c.demo
                  ? c.description
                    ? `sandbox · ${c.description}`
                    : 'sandbox'
                  : c.providers.map((p) => PROVIDER_NAMES[p]).join(', ') || 'no accounts'}
              </span>
            </button>
          ))}
          <div className="context-menu__sep" role="separator" />
          <a
            className="context-menu__item context-menu__link"
            role="menuitem"
            href={hrefFor({ name: 'settings' })}
            onClick={() => setOpen(false)}
          >
            <span className="context-menu__check" aria-hidden="true" />
            Manage accounts…
          </a>
        </div>
      ) : null}
    </div>
  );
}
