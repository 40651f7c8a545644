// Which components to follow: quick picks, then every service and worker of the fleet by
// product and app, each with the state of its stream once it is followed.
import { useMemo } from 'react';
import type { SubscriptionStatus } from '../../stores/logsStore';
import { useLogsStore } from '../../stores/logsStore';
import { colourOf, groupOptions, groupWorkerPicks, quickPicks, type SourceOption } from '../../stores/logs/logSources';

const STATE_LABEL: Record<SubscriptionStatus['state'], string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  ended: 'ended',
  failed: 'failed',
};

export function SourceState({ status }: { status: SubscriptionStatus | undefined }) {
  if (!status) return null;
  return (
    <span
      className={`stream-state stream-state--${status.state}`}
      title={status.message ?? STATE_LABEL[status.state]}
      data-testid="stream-state"
      data-state={status.state}
    >
      <span className="stream-state__dot" aria-hidden="true" />
      {STATE_LABEL[status.state]}
    </span>
  );
}

export function SourcePicker({ options }: { options: SourceOption[] }) {
  const selected = useLogsStore((s) => s.selected);
  const subs = useLogsStore((s) => s.subs);
  const setSelection = useLogsStore((s) => s.setSelection);
  const pickSources = useLogsStore((s) => s.pickSources);
  const toggleSource = useLogsStore((s) => s.toggleSource);
  const groups = useMemo(() => groupOptions(options), [options]);
  const picks = useMemo(() => [...quickPicks(options), ...groupWorkerPicks(options)], [options]);
  const chosen = new Set(selected.map((s) => s.key));
  const pick = (keys: string[], add: boolean) =>
    pickSources(
      options.filter((o) => keys.includes(o.key)),
      add,
    );

  return (
    <aside className="logs-sidebar" aria-label="Log sources" data-testid="source-picker">
      <div className="logs-sidebar__head">
        <span className="logs-sidebar__title">Sources</span>
        <span className="muted tabular">{selected.length} selected</span>
        {selected.length > 0 ? (
          <button type="button" className="link-button" onClick={() => setSelection([])} data-testid="clear-sources">
            Clear
          </button>
        ) : null}
      </div>
      <div className="quick-picks" role="group" aria-label="Quick picks" aria-describedby="quick-picks-hint">
        {picks.map((p) => (
          <button
            key={p.id}
            type="button"
            className="chip"
            onClick={(e) => pick(p.keys, e.shiftKey)}
            data-testid="quick-pick"
            data-pick={p.id}
            title={`${p.keys.length} components · Shift+click adds them to the selection`}
          >
            {p.label}
          </button>
        ))}
        <p id="quick-picks-hint" className="quick-picks__hint muted">
          A click picks just these; Shift+click adds them.
        </p>
      </div>
      {groups.map(({ group, apps }) => (
        <section key={group} className="source-group">
          <h3 className="source-group__title">{group}</h3>
          {apps.map((app) => (
            <fieldset key={app.appId} className="source-app">
              <legend className="source-app__name">{app.appName}</legend>
              {app.options.map((o) => (
                <label key={o.key} className="source-option" data-testid="source-option" data-source={o.label}>
                  <input type="checkbox" checked={chosen.has(o.key)} onChange={() => toggleSource(o)} />
                  <span className={`source-swatch src-c${colourOf(o.label)}`} aria-hidden="true" />
                  <span className="source-option__name">{o.component}</span>
                  <span className="source-option__kind">{o.kind}</span>
                  {chosen.has(o.key) ? <SourceState status={subs[o.key]} /> : null}
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      ))}
      {options.length === 0 ? <p className="muted logs-sidebar__empty">Loading the fleet…</p> : null}
    </aside>
  );
}
