// The app page's header: where it runs, its name (with a "pinned" tag after a rollback), its
// facts, and the buttons that act on it.
import type { ReactNode } from 'react';
import type { FleetApp } from '../../../src-preload/contract';
import { shortId } from '../../actionFormat';
import { Money } from '../../components/Money';
import { RelativeTime } from '../../components/RelativeTime';
import { displayUrl } from '../../format';
import { hrefFor } from '../../stores/navigationStore';
import './detailHeader.css';

interface DetailHeaderProps {
  app: FleetApp;
  defaultIngress?: string;
  createdAt?: string;
  loading: boolean;
  onRefresh?: () => void;
  /** Buttons that act on the app (Deploy, Restart), placed beside Refresh. */
  actions?: ReactNode;
}

export function DetailHeader({ app, defaultIngress, createdAt, loading, onRefresh, actions }: DetailHeaderProps) {
  const ingress = defaultIngress && defaultIngress !== app.liveUrl ? defaultIngress : undefined;
  return (
    <div className="detail-header">
      <div className="detail-header__main">
        <div className="detail-header__eyebrow">
          <span className="group-chip" title="Product group">
            {app.group}
          </span>
          <span className="region" title={app.regionLabel}>
            {app.regionLabel ? `${app.regionLabel} (${app.region})` : app.region}
          </span>
          {createdAt ? (
            <span className="muted">
              created <RelativeTime iso={createdAt} />
            </span>
          ) : null}
        </div>
        <div className="detail-header__title-row">
          <h1 className="detail-header__title">{app.name}</h1>
          {app.pinnedDeploymentId ? (
            <span
              className="pin-tag"
              title={`Pinned to deployment ${shortId(app.pinnedDeploymentId)} by a rollback: deploys are blocked`}
              data-testid="detail-pinned"
            >
              pinned
            </span>
          ) : null}
        </div>
        <dl className="facts">
          <div className="fact">
            <dt>Live URL</dt>
            <dd>
              {app.liveUrl ? (
                <a className="url" href={app.liveUrl} target="_blank" rel="noreferrer" title={app.liveUrl}>
                  {displayUrl(app.liveUrl)}
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt>Default ingress</dt>
            <dd>
              {ingress ? (
                <a className="url" href={ingress} target="_blank" rel="noreferrer" title={ingress}>
                  {displayUrl(ingress)}
                </a>
              ) : defaultIngress ? (
                <span className="muted">same as live URL</span>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt>Monthly cost</dt>
            <dd>
              <Money cost={app.monthlyCost} suffix="/mo" />
            </dd>
          </div>
          <div className="fact">
            <dt>App ID</dt>
            <dd>
              <code className="selectable id-code">{app.id}</code>
            </dd>
          </div>
        </dl>
      </div>
      <div className="detail-header__tools">
        {onRefresh ? (
          <button
            type="button"
            className="button refresh"
            onClick={onRefresh}
            disabled={loading}
            data-testid="detail-refresh"
          >
            <svg
              className={loading ? 'refresh__icon refresh__icon--spin' : 'refresh__icon'}
              viewBox="0 0 16 16"
              aria-hidden="true"
            >
              <path d="M13.6 2.4v3.8H9.8l1.5-1.5A4.5 4.5 0 1 0 12.4 9h1.5A6 6 0 1 1 12.4 3.6l1.2-1.2Z" />
            </svg>
            {loading ? 'Refreshing' : 'Refresh'}
          </button>
        ) : null}
        <a className="button" href={hrefFor({ name: 'spec', appId: app.id })} data-testid="edit-spec-link">
          Edit spec
        </a>
        {actions}
      </div>
    </div>
  );
}
