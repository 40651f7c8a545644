// An app's deployments, newest first, with Roll back on earlier successful ones. In a narrow
// window the cause type goes under the cause and the duration beside the creation time, so the
// row keeps its logs and rollback in view without a sideways scroll.
import { useRef, type ReactNode } from 'react';
import type { DeploymentSummary } from '../../../src-preload/contract';
import { PhaseBadge } from '../../components/PhaseBadge';
import { useRovingRows } from '../../components/useRovingRows';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration, formatProgress, isInProgress } from '../../format';
import { WithShortIds } from '../actions/ShortIds';
import { DeploymentLogsLinks } from '../logs/DeploymentLogsLinks';
import { useInnerWidth } from '../overview/priorityColumns';

interface DeploymentsTableProps {
  deployments: DeploymentSummary[];
  activeId?: string;
  pinnedId?: string;
  /** Opens the rollback dialog; offered on past successful (SUPERSEDED) deployments only. */
  onRollback?: (deployment: DeploymentSummary) => void;
  /** Why rolling back is off right now (tooltip). */
  rollbackBlocked?: string;
}

/** Below this inner width the table folds Cause type and Duration (the wide layout's fixed columns,
 * its 24% for progress and 150 px for the cause). */
const WIDE_FROM = Math.ceil((184 + 150 + 90 + 100 + 90 + 116 + 138 + 150) / 0.76);

export function DeploymentsTable({
  deployments,
  activeId,
  pinnedId,
  onRollback,
  rollbackBlocked,
}: DeploymentsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useInnerWidth(scrollRef);
  const narrow = width !== undefined && width < WIDE_FROM;
  // One Tab stop; Enter on a row opens its build log (its first link).
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table
        className={narrow ? 'data-table deployments-table is-narrow' : 'data-table deployments-table'}
        data-testid="deployments-table"
        aria-label="Deployments: arrow keys move between rows, Enter opens the build log"
        ref={rowsRef}
      >
        {narrow ? (
          <colgroup>
            <col style={{ width: 170 }} />
            <col />
            <col style={{ width: 84 }} />
            <col style={{ width: 136 }} />
            <col style={{ width: 150 }} />
            <col style={{ width: 110 }} />
            {onRollback ? <col style={{ width: 132 }} /> : null}
          </colgroup>
        ) : (
          <colgroup>
            <col style={{ width: 184 }} />
            <col />
            <col style={{ width: 150 }} />
            <col style={{ width: 90 }} />
            <col style={{ width: 100 }} />
            <col style={{ width: 90 }} />
            <col style={{ width: '24%' }} />
            <col style={{ width: 116 }} />
            {onRollback ? <col style={{ width: 138 }} /> : null}
          </colgroup>
        )}
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Cause</th>
            {narrow ? null : <th scope="col">Cause type</th>}
            <th scope="col">Commit</th>
            <th scope="col">{narrow ? 'Created · took' : 'Created'}</th>
            {narrow ? null : (
              <th scope="col" className="align-end">
                Duration
              </th>
            )}
            <th scope="col">Progress / failure</th>
            <th scope="col">Logs</th>
            {onRollback ? (
              <th scope="col">
                <span className="visually-hidden">Rollback</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
            <DeploymentRow
              key={d.id}
              deployment={d}
              active={d.id === activeId}
              pinned={d.id === pinnedId}
              narrow={narrow}
            >
              {onRollback ? (
                <td className="row-actions">
                  {d.phase === 'SUPERSEDED' ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onRollback(d)}
                      disabled={!!rollbackBlocked}
                      title={rollbackBlocked ?? 'Redeploy this earlier version and pin the app to it'}
                      data-testid="rollback-button"
                    >
                      Roll back to this
                    </button>
                  ) : null}
                </td>
              ) : null}
            </DeploymentRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface DeploymentRowProps {
  deployment: DeploymentSummary;
  active: boolean;
  pinned: boolean;
  /** Cause type folds under the cause, duration beside the creation time. */
  narrow: boolean;
  /** Trailing action cells. */
  children?: ReactNode;
}

function DeploymentRow({ deployment: d, active, pinned, narrow, children }: DeploymentRowProps) {
  const running = isInProgress(d.phase);
  const progress = formatProgress(d);
  const duration =
    d.durationSeconds !== undefined ? (
      formatDuration(d.durationSeconds)
    ) : running ? (
      <span className="muted">running</span>
    ) : (
      <span className="muted">—</span>
    );
  const causeType = d.causeType ? <span className="code-chip">{d.causeType}</span> : <span className="muted">—</span>;
  return (
    <tr
      data-testid="deployment-row"
      data-deployment-id={d.id}
      data-phase={d.phase}
      className={active ? 'is-current' : undefined}
    >
      <td>
        <span className="phase-cell">
          <PhaseBadge phase={d.phase} />
          {pinned ? (
            <span className="pin-tag" title="The app is pinned to this deployment">
              pinned
            </span>
          ) : null}
        </span>
      </td>
      {narrow ? (
        <td title={d.cause}>
          <span className="truncate-line">
            {d.cause ? <WithShortIds text={d.cause} /> : <span className="muted">—</span>}
          </span>
          {d.causeType ? <span className="sub">{causeType}</span> : null}
        </td>
      ) : (
        <td className="truncate" title={d.cause}>
          {d.cause ? <WithShortIds text={d.cause} /> : <span className="muted">—</span>}
        </td>
      )}
      {narrow ? null : <td>{causeType}</td>}
      <td>{d.commit ? <code className="commit selectable">{d.commit}</code> : <span className="muted">—</span>}</td>
      <td>
        <RelativeTime iso={d.createdAt} />
        {narrow ? (
          <span className="tabular">
            <span className="sep" aria-hidden="true">
              {' · '}
            </span>
            {duration}
          </span>
        ) : null}
      </td>
      {narrow ? null : <td className="align-end tabular">{duration}</td>}
      <td>
        {d.progress?.failedStep ? (
          <span className="failed-step" title={d.progress.failedStep}>
            {d.progress.failedStep}
          </span>
        ) : running && progress ? (
          <ProgressBar done={d.progress?.done ?? 0} total={d.progress?.total ?? 0} label={progress} />
        ) : progress ? (
          <span className="muted tabular">{progress} steps</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <DeploymentLogsLinks deployment={d} />
      </td>
      {children}
    </tr>
  );
}

function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span className="progress">
      <span
        className="progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label="Deployment progress"
      >
        <span className="progress__fill" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </span>
      <span className="progress__label tabular">{label}</span>
    </span>
  );
}
