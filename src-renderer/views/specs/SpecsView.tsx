// #/specs: the open drafts (each links to its editor; Discard asks first) and a new tenant made from
// a template tenant's spec.
import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, InlineWarning } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { hrefFor } from '../../stores/navigationStore';
import { useSpecDraftsStore } from '../../stores/specDraftsStore';
import { useSpecEditorStore } from '../../stores/specEditorStore';
import { NewTenantPanel } from './NewTenantPanel';
import '../../components/dataTable.css';
import './specs.css';

export function SpecsView() {
  const drafts = useSpecDraftsStore((s) => s.drafts);
  const [discarding, setDiscarding] = useState<DraftSummary>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useSpecDraftsStore.getState().loadDrafts();
  }, []);

  const discard = async (draft: DraftSummary) => {
    setBusy(true);
    await useSpecEditorStore.getState().discard(draft.appId);
    setBusy(false);
    setDiscarding(undefined);
  };

  return (
    <main className="view view--specs" data-testid="specs-view">
      <header className="spec-header">
        <div>
          <h1 className="spec-header__title">Specs</h1>
          <p className="muted spec-header__sub">
            Drafts of app specs you are editing, and new tenants made from an existing one. To edit a spec, open an app
            and choose Edit spec.
          </p>
        </div>
      </header>

      <section className="section" aria-labelledby="drafts-title">
        <h2 className="section__title" id="drafts-title">
          Open drafts {drafts.list ? <span className="section__count">{drafts.list.length}</span> : null}
        </h2>
        {drafts.list && drafts.error ? (
          <InlineWarning error={drafts.error}>The drafts list could not be refreshed.</InlineWarning>
        ) : null}
        {!drafts.list && drafts.error ? (
          <ErrorState
            title="Couldn’t list the drafts"
            error={drafts.error}
            onRetry={() => void useSpecDraftsStore.getState().loadDrafts()}
            retrying={drafts.loading}
          />
        ) : !drafts.list ? (
          <LoadingState label="Loading drafts…" rows={3} columns={5} />
        ) : drafts.list.length === 0 ? (
          <EmptyState title="No open drafts">
            Edit an app’s spec from its page; unapplied changes are kept here until you apply or discard them.
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table spec-drafts" data-testid="drafts-table">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Origin</th>
                  <th scope="col" className="align-end">
                    Changed lines
                  </th>
                  <th scope="col">Last saved</th>
                  <th scope="col" className="align-end">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {drafts.list.map((d) => (
                  <tr key={d.appId} data-testid="draft-row" data-app-id={d.appId}>
                    <td>
                      <a href={hrefFor({ name: 'spec', appId: d.appId })} className="app-link">
                        {d.appName}
                      </a>
                    </td>
                    <td>{d.origin === 'import' ? 'imported app.yaml' : 'edited'}</td>
                    <td className="align-end tabular">{d.changedLines}</td>
                    <td>
                      <RelativeTime iso={d.updatedAt} />
                    </td>
                    <td className="align-end">
                      <a className="button button--small" href={hrefFor({ name: 'spec', appId: d.appId })}>
                        Open
                      </a>{' '}
                      <button
                        type="button"
                        className="button button--small button--danger-quiet"
                        onClick={() => setDiscarding(d)}
                        data-testid="draft-discard"
                      >
                        Discard
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="tenant-title">
        <h2 className="section__title" id="tenant-title">
          New tenant from a template
        </h2>
        <NewTenantPanel />
      </section>

      {discarding ? (
        <ConfirmDialog
          title={`Discard the draft of ${discarding.appName}?`}
          subtitle={`${discarding.changedLines} changed line${discarding.changedLines === 1 ? '' : 's'}`}
          confirmLabel="Discard draft"
          tone="danger"
          busy={busy}
          testId="discard-dialog"
          onConfirm={() => void discard(discarding)}
          onClose={() => setDiscarding(undefined)}
        >
          <p className="dialog__lead">
            Its changes and any new secret values are thrown away. The live app is not touched.
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
