// An app's components: size, instances, cost, source and health, with Scale per row. In a narrow
// window Kind goes under the name and Instances beside the size, so Source and Scale stay in view
// without a sideways scroll.
import { useRef, type ReactNode } from 'react';
import type { ComponentDetail } from '../../../src-preload/contract';
import { useRovingRows } from '../../components/useRovingRows';
import { HealthBadge } from '../../components/HealthBadge';
import { Money } from '../../components/Money';
import { formatPercent, formatReplicas, formatScale, formatSource, kindLabel, sizeLabel } from '../../format';
import { useInnerWidth } from '../overview/priorityColumns';

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

/** Below this inner width the table folds Kind and Instances (the wide columns plus 200 px of Source). */
const WIDE_FROM = 190 + 88 + 210 + 84 + 220 + 210 + 84 + 200;

export function ComponentsTable({ components, healthKnown, onScale, scaleBlocked }: ComponentsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useInnerWidth(scrollRef);
  const narrow = width !== undefined && width < WIDE_FROM;
  // One Tab stop; Enter on a row opens its Scale dialog (the button marked data-row-open).
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table
        className={narrow ? 'data-table components-table is-narrow' : 'data-table components-table'}
        data-testid="components-table"
        aria-label="Components: arrow keys move between rows, Enter opens Scale"
        ref={rowsRef}
      >
        {narrow ? (
          <colgroup>
            <col style={{ width: 170 }} />
            <col style={{ width: 190 }} />
            <col style={{ width: 130 }} />
            <col />
            <col style={{ width: 164 }} />
            {onScale ? <col style={{ width: 76 }} /> : null}
          </colgroup>
        ) : (
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
        )}
        <thead>
          <tr>
            <th scope="col">Component</th>
            {narrow ? null : <th scope="col">Kind</th>}
            <th scope="col">Size</th>
            {narrow ? null : <th scope="col">Instances</th>}
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
            <ComponentRow key={`${c.kind}:${c.name}`} component={c} healthKnown={healthKnown} narrow={narrow}>
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
                      data-row-open
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
  narrow,
  children,
}: {
  component: ComponentDetail;
  healthKnown: boolean;
  /** Kind folds under the name, Instances beside the size. */
  narrow: boolean;
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
        {narrow || c.httpPort ? (
          <span className="sub">
            {narrow ? kindLabel(c.kind) : null}
            {narrow && c.httpPort ? ' · ' : null}
            {c.httpPort ? `:${c.httpPort}${c.healthCheckPath ?? ''}` : null}
          </span>
        ) : null}
      </td>
      {narrow ? null : (
        <td>
          <span className={`kind-chip kind-chip--${c.kind}`}>{kindLabel(c.kind)}</span>
        </td>
      )}
      <td>
        {size ? (
          <>
            <span className="slug">{size.slug}</span>
            {narrow && scale ? <Instances component={c} scale={scale} /> : null}
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
      {narrow ? null : (
        <td className="tabular">
          {scale ? <Instances component={c} scale={scale} /> : <span className="muted">—</span>}
        </td>
      )}
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

function Instances({ component: c, scale }: { component: ComponentDetail; scale: string }) {
  return (
    <span className="instances tabular" title={c.autoscaling ? 'Autoscaling: min–max instances' : undefined}>
      {c.autoscaling ? `${scale} auto` : scale}
    </span>
  );
}
