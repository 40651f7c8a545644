import type { ReactNode } from 'react';
import type { ComponentDetail } from '../../../src-preload/contract';
import { HealthBadge } from '../../components/HealthBadge';
import { Money } from '../../components/Money';
import { formatPercent, formatReplicas, formatScale, formatSource, kindLabel, sizeLabel } from '../../format';

interface ComponentsTableProps {
  components: ComponentDetail[];
  healthKnown: boolean;
  /** Opens the scale dialog for a service or worker; without it the table has no Scale column. */
  onScale?: (component: ComponentDetail) => void;
  /** Why scaling is off right now (tooltip); undefined when it is allowed. */
  scaleBlocked?: string;
}

/** Components that run on instances the scale dialog can resize. */
const scalable = (c: ComponentDetail) => c.kind === 'service' || c.kind === 'worker';

export function ComponentsTable({ components, healthKnown, onScale, scaleBlocked }: ComponentsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table components-table" data-testid="components-table">
        <colgroup>
          <col style={{ width: 190 }} />
          <col style={{ width: 88 }} />
          <col style={{ width: 210 }} />
          <col style={{ width: 84 }} />
          <col style={{ width: 220 }} />
          <col />
          <col style={{ width: 210 }} />
          {onScale ? <col style={{ width: 84 }} /> : null}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">Instances</th>
            <th scope="col" className="align-end">
              Per month
            </th>
            <th scope="col">Source</th>
            <th scope="col">Health</th>
            {onScale ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <ComponentRow key={`${c.kind}:${c.name}`} component={c} healthKnown={healthKnown}>
              {onScale ? (
                <td className="row-actions">
                  {scalable(c) ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onScale(c)}
                      disabled={!!scaleBlocked}
                      title={scaleBlocked ?? `Change ${c.name}'s size or instances`}
                      data-testid="scale-button"
                    >
                      Scale
                    </button>
                  ) : null}
                </td>
              ) : null}
            </ComponentRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComponentRow({
  component: c,
  healthKnown,
  children,
}: {
  component: ComponentDetail;
  healthKnown: boolean;
  children?: ReactNode;
}) {
  const size = sizeLabel(c);
  const scale = formatScale(c);
  const source = formatSource(c.source);
  const h = c.health;
  const replicas = h ? formatReplicas(h.replicasReady, h.replicasDesired) : '';
  const usage =
    h && (h.cpuPercent !== undefined || h.memoryPercent !== undefined)
      ? `cpu ${formatPercent(h.cpuPercent)} · mem ${formatPercent(h.memoryPercent)}`
      : '';
  // App Platform reports health for running components only.
  const showsHealth = c.kind === 'service' || c.kind === 'worker';
  return (
    <tr data-testid="component-row" data-component-name={c.name}>
      <td>
        <span className="strong">{c.name}</span>
        {c.httpPort ? (
          <span className="sub">
            :{c.httpPort}
            {c.healthCheckPath ?? ''}
          </span>
        ) : null}
      </td>
      <td>
        <span className={`kind-chip kind-chip--${c.kind}`}>{kindLabel(c.kind)}</span>
      </td>
      <td>
        {size ? (
          <>
            <span className="slug">{size.slug}</span>
            {size.hint ? (
              <span className="legacy-hint" title={`Legacy slug, priced as ${c.pricedAsSlug}`}>
                {size.hint}
              </span>
            ) : null}
            {c.sizeLabel ? <span className="sub">{c.sizeLabel}</span> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="tabular">
        {scale ? (
          <span title={c.autoscaling ? 'Autoscaling: min–max instances' : undefined}>
            {c.autoscaling ? `${scale} auto` : scale}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="align-end">
        {c.costNote ? (
          <span className="cost-note" title={c.costNote}>
            {c.costNote}
          </span>
        ) : (
          <Money cost={c.monthlyCost} />
        )}
      </td>
      <td>
        {source ? (
          <span className="source" title={source}>
            <span className="source__kind">{c.source.kind}</span>
            <span className="source__ref">{source}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {h ? (
          <span className="health-cell">
            <HealthBadge state={h.state} />
            {replicas ? <span className="sub-inline tabular">{replicas}</span> : null}
            {usage ? <span className="sub tabular">{usage}</span> : null}
          </span>
        ) : showsHealth && healthKnown ? (
          <HealthBadge state="unknown" />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      {children}
    </tr>
  );
}
