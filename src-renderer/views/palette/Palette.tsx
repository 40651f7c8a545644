// The command palette: one text field (a combobox) over a grouped list of results (a listbox).
// Focus never leaves the field; the arrows move the active option (aria-activedescendant) and
// Enter runs it. What is listed comes from the stores as they are: while the fleet loads, views
// and recent items are already there.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../../actionFormat';
import { useActionsStore } from '../../stores/actionsStore';
import { useAppDetailStore } from '../../stores/appDetailStore';
import { useDnsStore } from '../../stores/dnsStore';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { useFleetStore } from '../../stores/fleetStore';
import { usePaletteStore } from '../../stores/paletteStore';
import { paletteItems, type PaletteItem } from './paletteItems';
import { rank } from './rank';
import { MOD_KEY, useModalFocus } from './useModalFocus';
import './palette.css';

const optionId = (index: number) => `palette-option-${index}`;

/** The results to show; the fleet's loading and failure are said in the list, not instead of it. */
function useResults() {
  const snapshot = useFleetStore((s) => s.snapshot);
  const details = useAppDetailStore((s) => s.byId);
  const dnsReport = useDnsStore((s) => s.report.value);
  const zones = useDnsStore((s) => s.domains.value);
  const readOnlyReason = useEnvironmentStore((s) => s.environment?.readOnlyReason);
  const actions = useActionsStore((s) => s.byApp);
  const query = usePaletteStore((s) => s.query);
  const recent = usePaletteStore((s) => s.recent);
  const items = useMemo(
    () => paletteItems({ snapshot, details, dnsReport, zones, readOnlyReason, actions }),
    [snapshot, details, dnsReport, zones, readOnlyReason, actions],
  );
  return useMemo(() => rank(items, query, { recent }), [items, query, recent]);
}

export function Palette() {
  const query = usePaletteStore((s) => s.query);
  const { setQuery, hide, run } = usePaletteStore.getState();
  const fleetLoading = useFleetStore((s) => !s.snapshot && s.loading);
  const fleetError = useFleetStore((s) => (s.snapshot ? undefined : s.error));
  const readOnlyReason = useEnvironmentStore((s) => s.environment?.readOnlyReason);
  const groups = useResults();
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const trapTab = useModalFocus(ref);

  const activeIndex = Math.min(active, flat.length - 1);
  const current = flat[activeIndex];

  useEffect(() => {
    listRef.current?.querySelector(`#${optionId(activeIndex)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const choose = (item: PaletteItem | undefined) => {
    if (item && !item.disabledReason) void run(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The page's own shortcuts (the overview's arrows and Enter) must not act behind the palette.
    event.stopPropagation();
    const move = (to: number) => {
      event.preventDefault();
      if (flat.length > 0) setActive((to + flat.length) % flat.length);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(Math.min(activeIndex + 8, flat.length - 1));
    else if (event.key === 'PageUp') move(Math.max(activeIndex - 8, 0));
    else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'Escape' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')) {
      event.preventDefault();
      hide();
    } else trapTab(event);
  };

  let index = 0;
  return (
    <div
      className="palette-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) hide();
      }}
    >
      <div
        ref={ref}
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onKeyDown={onKeyDown}
        data-testid="palette"
        data-modal-root
      >
        <div className="palette__search">
          <span className="palette__prompt" aria-hidden="true">
            ›
          </span>
          <input
            className="palette__input"
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-listbox"
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(activeIndex) : undefined}
            aria-label="Jump to or run"
            placeholder="Jump to an app, component, domain or view — or type “deploy bibbi”"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              // A new query starts again at the best match.
              setActive(0);
            }}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            data-testid="palette-input"
          />
        </div>
        {readOnlyReason ? (
          <p className="palette__note" data-testid="palette-readonly">
            Read-only: {readOnlyReason}
          </p>
        ) : null}
        <ul ref={listRef} id="palette-listbox" className="palette__list" role="listbox" aria-label="Results">
          {groups.map((group) => (
            <li key={group.group} role="presentation" className="palette__group">
              <div className="palette__group-title" id={`palette-group-${group.group}`} role="presentation">
                {group.group}
              </div>
              <ul role="group" aria-labelledby={`palette-group-${group.group}`} className="palette__options">
                {group.items.map((item) => {
                  const at = index++;
                  return (
                    <li
                      key={item.id}
                      id={optionId(at)}
                      role="option"
                      aria-selected={at === activeIndex}
                      aria-disabled={item.disabledReason ? true : undefined}
                      className={`palette__option${at === activeIndex ? ' palette__option--active' : ''}${item.disabledReason ? ' palette__option--disabled' : ''}`}
                      onMouseMove={() => {
                        if (at !== activeIndex) setActive(at);
                      }}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(item)}
                      data-testid="palette-option"
                      data-item-id={item.id}
                    >
                      <span className="palette__label">{item.label}</span>
                      {item.detail ? <span className="palette__detail">{item.detail}</span> : null}
                      {item.disabledReason ? (
                        <span className="palette__reason" data-testid="palette-reason">
                          {item.disabledReason}
                        </span>
                      ) : at === activeIndex ? (
                        <kbd className="palette__enter" aria-hidden="true">
                          Enter
                        </kbd>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        <Status empty={flat.length === 0} query={query} loading={fleetLoading} error={fleetError} />
        <footer className="palette__footer" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> go or run
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
          <span className="palette__footer-end">
            <kbd>{MOD_KEY}</kbd>
            <kbd>K</kbd> anywhere · <kbd>?</kbd> all shortcuts
          </span>
        </footer>
      </div>
    </div>
  );
}

interface StatusProps {
  empty: boolean;
  query: string;
  loading: boolean;
  error?: Parameters<typeof describeError>[0];
}

/** Loading, failure and no match, said where the results would be. */
function Status({ empty, query, loading, error }: StatusProps) {
  if (loading) {
    return (
      <p className="palette__status" role="status" data-testid="palette-loading">
        Loading the fleet… apps, components and their actions appear as soon as it arrives.
      </p>
    );
  }
  if (error) {
    return (
      <p className="palette__status palette__status--error" role="alert" data-testid="palette-error">
        Couldn’t load the fleet, so no apps are listed: {describeError(error).title}{' '}
        <button type="button" className="button button--small" onClick={() => void useFleetStore.getState().load()}>
          Try again
        </button>
      </p>
    );
  }
  if (empty) {
    return (
      <p className="palette__status" role="status" data-testid="palette-empty">
        Nothing matches “{query.trim()}”. Try an app or component name, or a verb: deploy, restart, scale, roll back,
        logs.
      </p>
    );
  }
  return null;
}
