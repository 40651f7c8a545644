// The first step of "Apply to tenants…": where the SQL comes from (a tenant that has the
// migration, as its project recorded it, or a .sql file read here in the window) and the tenants
// it goes to, in the order they will be applied. Nothing is sent from this step but the review.
import type { SchemaDrift } from '../../../../src-preload/contract';
import { useSchemaDriftStore, type ApplyFlow } from '../../../stores/schemaDriftStore';

export function ApplyChoose({ flow, drift }: { flow: ApplyFlow; drift: SchemaDrift }) {
  const actions = useSchemaDriftStore.getState();
  const listed = drift.migrations.find((m) => (m.name ?? m.version) === flow.migration);
  const nameOf = (appId: string) => drift.tenants.find((t) => t.appId === appId)?.name ?? appId;
  const chosen = flow.targets.filter((t) => t.chosen);

  return (
    <>
      <fieldset className="drift-fieldset" data-testid="apply-source">
        <legend className="drift-fieldset__legend">Where the SQL comes from</legend>
        {(listed?.appliedOn ?? []).map((appId) => (
          <label key={appId} className="check check--row">
            <input
              type="radio"
              name="migration-source"
              checked={flow.source === 'tenant' && flow.fromAppId === appId}
              onChange={() => actions.chooseSource('tenant', appId)}
              data-testid="apply-source-tenant"
              data-tenant={nameOf(appId)}
            />
            <span>
              From <span className="strong">{nameOf(appId)}</span>
              <span className="check__hint">The statements as that tenant’s project recorded them.</span>
            </span>
          </label>
        ))}
        <label className="check check--row">
          <input
            type="radio"
            name="migration-source"
            checked={flow.source === 'file'}
            onChange={() => actions.chooseSource('file')}
            data-testid="apply-source-file"
          />
          <span className="strong">From a .sql file…</span>
        </label>
        {flow.source === 'file' ? (
          <div className="drift-file">
            <input
              type="file"
              accept=".sql"
              aria-label="SQL file to apply"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void actions.pickFile(file);
              }}
              data-testid="apply-file-input"
            />
            {flow.reading ? <p className="muted">Reading {flow.file?.fileName}…</p> : null}
            {flow.file?.error ? <p className="field-error">{flow.file.error}</p> : null}
            {flow.file?.sql !== undefined ? (
              <label className="drift-file__name">
                <span>Migration name</span>
                <input
                  className="input"
                  value={flow.fileName}
                  onChange={(e) => actions.setFileName(e.target.value)}
                  data-testid="apply-file-name"
                />
              </label>
            ) : null}
            {flow.file?.sql !== undefined && !flow.fileName.trim() ? (
              <p className="field-error">Give the migration a name: it is recorded under it in each project.</p>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="drift-fieldset" data-testid="apply-targets">
        <legend className="drift-fieldset__legend">Apply to, one at a time from the top</legend>
        {flow.targets.length === 0 ? (
          <p className="muted">No readable tenant lacks this migration.</p>
        ) : (
          <ol className="drift-targets">
            {flow.targets.map((target, i) => (
              <li
                key={target.appId}
                className="drift-target"
                data-testid="apply-target"
                data-tenant={target.name}
                data-chosen={target.chosen}
              >
                <span className="drift-target__order tabular" aria-hidden="true">
                  {target.chosen ? chosen.indexOf(target) + 1 : '·'}
                </span>
                <label className="check check--row drift-target__check">
                  <input type="checkbox" checked={target.chosen} onChange={() => actions.toggleTarget(target.appId)} />
                  <span>{target.name}</span>
                </label>
                <span className="drift-target__move">
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => actions.moveTarget(target.appId, -1)}
                    disabled={i === 0}
                    aria-label={`Move ${target.name} earlier`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => actions.moveTarget(target.appId, 1)}
                    disabled={i === flow.targets.length - 1}
                    aria-label={`Move ${target.name} later`}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {flow.targets.length > 0 && chosen.length === 0 ? (
          <p className="field-error">Choose at least one tenant.</p>
        ) : null}
      </fieldset>
    </>
  );
}
