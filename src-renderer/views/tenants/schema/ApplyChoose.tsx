// The first step of "Apply to tenants…": where the SQL comes from (a tenant that has the
// migration, as its project recorded it, or .sql files read here in the window) and the tenants
// it goes to, in the order they will be applied. Nothing is sent from this step but the review.
import type { SchemaDrift } from '../../../../src-preload/contract';
import { useSchemaDriftStore, type ApplyFlow, type PickedSet } from '../../../stores/schemaDriftStore';

/** Chromium's folder picker: the input then hands over every file under the folder picked. */
const FOLDER_PICKER = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** One file keeps the single-file flow (its name can be edited); several go as one migration each. */
function picked(list: FileList | null) {
  const files = [...(list ?? [])];
  const actions = useSchemaDriftStore.getState();
  if (files.length === 1) void actions.pickFile(files[0]!);
  else if (files.length > 1) void actions.pickFiles(files);
}

function PickedFiles({ set }: { set: PickedSet }) {
  const bad = set.files.filter((f) => f.error).length;
  return (
    <div className="drift-files" data-testid="apply-files">
      {set.error ? <p className="field-error">{set.error}</p> : null}
      {set.files.length > 0 ? (
        <p className="muted">
          {set.files.length} migrations, applied in this order
          {set.ignored > 0 ? ` · ${set.ignored} file${set.ignored === 1 ? '' : 's'} not ending in .sql left out` : ''}
          {bad > 0 ? ` · ${bad} cannot be used: pick the files again without ${bad === 1 ? 'it' : 'them'}` : ''}
        </p>
      ) : null}
      <ol className="drift-files__list">
        {set.files.map((f) => (
          <li key={f.fileName} data-testid="apply-file" data-migration={f.name} data-bad={f.error ? true : undefined}>
            <span className="strong">{f.name}</span> <span className="muted">{f.fileName}</span>
            {f.error ? <span className="field-error"> {f.error}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

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
          <span>
            <span className="strong">From .sql files…</span>
            <span className="check__hint">
              One file, several, or a folder such as supabase/migrations: each file is one migration, named from its
              file name, applied in file-name order.
            </span>
          </span>
        </label>
        {flow.source === 'file' ? (
          <div className="drift-file">
            <label className="drift-file__pick">
              <span>Files</span>
              <input
                type="file"
                accept=".sql"
                multiple
                aria-label="SQL files to apply"
                onChange={(e) => picked(e.target.files)}
                data-testid="apply-file-input"
              />
            </label>
            <label className="drift-file__pick">
              <span>Or a folder</span>
              <input
                type="file"
                aria-label="Folder of SQL migrations"
                onChange={(e) => picked(e.target.files)}
                data-testid="apply-folder-input"
                {...FOLDER_PICKER}
              />
            </label>
            {flow.reading ? (
              <p className="muted">Reading {flow.file?.fileName ?? 'the files'}…</p>
            ) : flow.files ? (
              <PickedFiles set={flow.files} />
            ) : null}
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
