// Tenants with no app of their own, known by their databases in a shared managed cluster
// (tenant_<slug>: Presence360's churches in presence360-pg). Each row says where its database
// is and what share of the cluster's price it carries — an even split, an estimate from
// DigitalOcean's published prices — the same figure as its row on the Costs page.
import type { TenantsMatrix } from '../../../src-preload/contract';
import { InlineWarning } from '../../components/ErrorState';
import { formatUsd } from '../../format';
import { hrefFor } from '../../stores/navigationStore';

export function DatabaseTenants({ matrix }: { matrix: TenantsMatrix }) {
  const tenants = matrix.databaseTenants ?? [];
  if (matrix.databaseTenantsProblem) {
    return (
      <InlineWarning>
        <span data-testid="database-tenants-problem">{matrix.databaseTenantsProblem}</span>
      </InlineWarning>
    );
  }
  if (tenants.length === 0) return null;
  return (
    <section className="section" aria-labelledby="database-tenants-title" data-testid="database-tenants">
      <h2 className="section__title" id="database-tenants-title">
        Tenants by their databases
        <span className="section__count">{tenants.length}</span>
        <span className="muted section__hint">
          no app of their own: a database each in a shared cluster, with its share of the price (estimate)
        </span>
      </h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Group</th>
              <th scope="col">Environment</th>
              <th scope="col">Database</th>
              <th scope="col" className="align-end">
                Share per month
              </th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((t) => (
              <tr
                key={`${t.group}:${t.environment ?? ''}:${t.tenant}`}
                data-testid="database-tenant"
                data-tenant={t.tenant}
              >
                <td>
                  <strong>{t.tenant}</strong>
                </td>
                <td className="muted">{t.group}</td>
                <td className="muted">{t.environment ?? '—'}</td>
                <td>
                  {t.databases.map((d, i) => (
                    <span key={`${d.cluster}:${d.name}`}>
                      {i > 0 ? ', ' : null}
                      <code>{d.name}</code> <span className="muted">in</span>{' '}
                      <a href={hrefFor({ name: 'infrastructure' })}>{d.cluster}</a>
                    </span>
                  ))}
                </td>
                <td
                  className="align-end tabular"
                  title="An even share of the cluster's published price: an estimate"
                  data-testid="database-tenant-share"
                >
                  {formatUsd(t.monthlyShare)} share *
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
