// A managed database cluster: engine, size, nodes, status and maintenance window with its price;
// for Postgres/MySQL its databases (each tenant's marked, with its share of the price), users and
// connection pools (sized within the cluster's connections); its trusted sources. Caches (Redis,
// Valkey) have no databases or pools.
import type { DatabaseClusterView } from '../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { formatUsd } from '../../format';
import { useInfrastructureStore } from '../../stores/infrastructureStore';

export function ClusterCard({ cluster: c, readOnly }: { cluster: DatabaseClusterView; readOnly: boolean }) {
  const open = useInfrastructureStore((s) => s.open);
  const relational = c.engine === 'pg' || c.engine === 'mysql';
  const pooled = c.pools.reduce((t, p) => t + p.size, 0);
  return (
    <article
      className="infra-card"
      data-testid="database-cluster"
      data-name={c.name}
      aria-label={`Database cluster ${c.name}`}
    >
      <header className="infra-card__header">
        <h3>
          {c.name}{' '}
          <span className="muted small">
            {engineName(c.engine)} {c.version}
          </span>
        </h3>
        <span className="muted small">
          {c.size} × {c.nodes} node{c.nodes === 1 ? '' : 's'} · {c.region}
          {c.storageMib ? ` · ${Math.round(c.storageMib / 1024)} GB storage` : ''}
          {c.maintenance ? ` · maintenance ${c.maintenance}` : ''}
        </span>
        <Badge tone={c.status === 'online' ? 'success' : 'progress'}>{c.status ?? 'unknown'}</Badge>
        <span className="infra-price" title={c.priceNote} data-testid="cluster-price">
          {c.monthlyPrice === undefined ? 'not priced' : `${formatUsd(c.monthlyPrice)}/mo *`}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly || c.status === 'resizing' || c.resizeOptions.length === 0}
          onClick={() => open({ kind: 'resize-cluster', clusterId: c.id, cluster: c.name, choice: '' })}
        >
          Resize…
        </button>
      </header>
      {c.billedWithApps.length ? (
        <p className="muted small infra-billed">
          {c.databases.some((d) => d.tenant && d.monthlyShare !== undefined)
            ? `Billed on the Costs page as each tenant’s database share in a row of its own, the rest in the rows of ${c.billedWithApps.join(' and ')}, whose specs name it.`
            : `Billed on the Costs page in the rows of ${c.billedWithApps.join(' and ')}, whose specs name it.`}
        </p>
      ) : null}
      {c.problem ? <p className="field-error">{c.problem}</p> : null}
      <div className="infra-card__body">
        {relational ? (
          <div>
            <h4>
              Databases{' '}
              <button
                type="button"
                className="button button--small"
                disabled={readOnly}
                onClick={() => open({ kind: 'create-database', clusterId: c.id, cluster: c.name, name: 'tenant_' })}
              >
                New tenant database…
              </button>
            </h4>
            <table className="data-table infra-table" data-testid="cluster-databases">
              <tbody>
                {c.databases.map((db) => (
                  <tr key={db.name} data-testid="tenant-database" data-name={db.name}>
                    <th scope="row">
                      <code>{db.name}</code>
                    </th>
                    <td>
                      {db.tenant ? (
                        <span className="infra-tag">tenant {db.tenant}</span>
                      ) : (
                        <span className="muted">shared</span>
                      )}
                    </td>
                    <td
                      className="align-end tabular"
                      title="An even share of the cluster’s price per database (estimate)"
                    >
                      {db.monthlyShare === undefined ? '' : `${formatUsd(db.monthlyShare)}/mo share`}
                    </td>
                    <td className="muted small">{db.pools.length ? `pool ${db.pools.join(', ')}` : ''}</td>
                    <td className="infra-actions">
                      {db.name === 'defaultdb' ? null : (
                        <button
                          type="button"
                          className="button button--small button--danger-quiet"
                          disabled={readOnly}
                          onClick={() =>
                            open({
                              kind: 'delete-database',
                              clusterId: c.id,
                              cluster: c.name,
                              name: db.name,
                              typed: '',
                            })
                          }
                        >
                          Delete…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div>
          {relational ? (
            <>
              <h4>
                Connection pools{' '}
                {c.connectionLimit ? (
                  <span className="muted small" data-testid="pool-budget">
                    {pooled} of {c.connectionLimit} connections
                  </span>
                ) : null}
              </h4>
              {c.pools.length === 0 ? <p className="muted small">No pools.</p> : null}
              <ul className="infra-list" data-testid="cluster-pools">
                {c.pools.map((p) => (
                  <li key={p.name} data-testid="pool" data-name={p.name}>
                    <code>{p.name}</code> → {p.db} · {p.mode} · <strong className="tabular">{p.size}</strong>{' '}
                    <button
                      type="button"
                      className="button button--small"
                      disabled={readOnly}
                      onClick={() =>
                        open({
                          kind: 'pool-size',
                          clusterId: c.id,
                          cluster: c.name,
                          pool: p.name,
                          size: String(p.size),
                        })
                      }
                    >
                      Size…
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Users</h4>
          <p className="small" data-testid="cluster-users">
            {c.users.map((u) => `${u.name}${u.role === 'primary' ? ' (admin)' : ''}`).join(', ') || '—'}
          </p>
          <h4>Trusted sources</h4>
          <ul className="infra-list small" data-testid="cluster-firewall">
            {c.trustedSources.length === 0 ? <li className="muted">Open to any source with the password</li> : null}
            {c.trustedSources.map((r) => (
              <li key={`${r.type}:${r.value}`}>
                {r.type} {r.value}
                {r.label ? <span className="muted"> — {r.label}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}

const ENGINES: Record<string, string> = {
  pg: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  valkey: 'Valkey',
  mongodb: 'MongoDB',
};
export const engineName = (engine: string) => ENGINES[engine] ?? engine;
