// The tenant page's App Platform and GitHub panels. The app's components come from the app
// detail the App Platform page reads too (one cache); the sources are the matrix row's.
import type { TenantRow } from '../../../src-preload/contract';
import { HealthBadge } from '../../components/HealthBadge';
import { Money } from '../../components/Money';
import { PhaseBadge } from '../../components/PhaseBadge';
import { kindLabel, sizeLabel } from '../../format';
import { EMPTY_DETAIL_ENTRY, useAppDetailStore } from '../../stores/appDetailStore';
import { hrefFor } from '../../stores/navigationStore';
import { BehindText, CiDot, DomainsCell } from './tenantCells';
import { shortSha } from './tenantModel';

function sizeText(component: Parameters<typeof sizeLabel>[0]): string {
  const label = sizeLabel(component);
  return label ? `${label.slug} ${label.scale}`.trim() : '';
}

export function AppPanel({ row }: { row: TenantRow }) {
  const entry = useAppDetailStore((s) => s.byId[row.appId] ?? EMPTY_DETAIL_ENTRY);
  const health = entry.detail?.health;
  return (
    <section className="tenant-panel" aria-labelledby="panel-app" data-testid="panel-app">
      <h2 className="tenant-panel__title" id="panel-app">
        App Platform
      </h2>
      <dl className="panel-facts">
        <div>
          <dt>Phase</dt>
          <dd>
            {row.phase ? <PhaseBadge phase={row.phase} /> : <span className="muted">no deployment</span>}
            {row.inProgress ? <span className="tenant-deploying">deploying</span> : null}
          </dd>
        </div>
        <div>
          <dt>Health</dt>
          <dd>
            <HealthBadge state={health?.state} loading={entry.loading} title={entry.detail?.healthError?.message} />
          </dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{row.region}</dd>
        </div>
        <div>
          <dt>Domains</dt>
          <dd>
            <DomainsCell row={row} />
          </dd>
        </div>
      </dl>
      <h3 className="project-part__title">Components</h3>
      {entry.detail ? (
        <ul className="project-list" data-testid="app-components">
          {entry.detail.components.map((c) => (
            <li key={c.name} className="component-line">
              <span className="component-line__name">{c.name}</span>
              <span className="muted">{kindLabel(c.kind)}</span>
              <span className="muted">{sizeText(c)}</span>
              <span className="project-list__end">{c.costNote ? null : <Money cost={c.monthlyCost} />}</span>
              {c.costNote ? <span className="component-line__note">{c.costNote}</span> : null}
            </li>
          ))}
        </ul>
      ) : entry.error ? (
        <p className="project-part__error" role="status">
          {entry.error.message}
        </p>
      ) : (
        <p className="muted">Reading the app…</p>
      )}
      <div className="panel-actions">
        <a className="button button--small" href={hrefFor({ name: 'app', appId: row.appId })} data-testid="open-app">
          Open app page
        </a>
      </div>
    </section>
  );
}

export function SourcePanel({ row }: { row: TenantRow }) {
  let body;
  if (!row.sources) {
    body = <p className="muted">No component builds from a GitHub repo.</p>;
  } else if (!row.sources.ok) {
    body = (
      <p className="project-part__error" role="status" data-testid="source-error">
        {row.sources.error.message}
      </p>
    );
  } else {
    body = (
      <ul className="sources">
        {row.sources.value.map((s) => (
          <li key={`${s.repo}@${s.branch}-${s.component}`} className="source-entry" data-testid="source-entry">
            <div className="source-entry__head">
              <CiDot state={s.ci} />
              <code className="source-entry__repo">
                {s.repo}@{s.branch}
              </code>
            </div>
            <div className="source-entry__line">
              <BehindText source={s} />
              <span className="muted">
                deployed <code>{shortSha(s.deployedSha) || 'unknown'}</code> · head <code>{shortSha(s.headSha)}</code>
              </span>
            </div>
            <p className="source-entry__title" title={s.headTitle}>
              {s.headTitle}
            </p>
            <p className="muted source-entry__component">
              {s.component} · CI{' '}
              {s.ci === 'success'
                ? 'green'
                : s.ci === 'failure'
                  ? 'red'
                  : s.ci === 'pending'
                    ? 'running'
                    : 'none reported'}
            </p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="tenant-panel" aria-labelledby="panel-source" data-testid="panel-source">
      <h2 className="tenant-panel__title" id="panel-source">
        Source
      </h2>
      {body}
    </section>
  );
}
