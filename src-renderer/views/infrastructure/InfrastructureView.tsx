// The Infrastructure view: what runs beside App Platform, by product and environment — droplets
// (size, region, status, tags, addresses, price), block storage volumes (attached or still billed
// on their own), load balancers (rules, health check, each
// target's health), managed database clusters with their per-tenant databases, users, pools and
// trusted sources, and caches — each priced, with the actions a founder takes on them.
import { useEffect } from 'react';
import type { InfrastructureInventory } from '../../../src-preload/contract';
import { EmptyState } from '../../components/EmptyState';
import { InlineWarning } from '../../components/ErrorState';
import { LoadedSection } from '../../components/LoadedSection';
import { RelativeTime } from '../../components/RelativeTime';
import { formatUsd } from '../../format';
import { useEnvironmentStore } from '../../stores/environmentStore';
import { useInfrastructureStore } from '../../stores/infrastructureStore';
import { ClusterCard } from './ClusterCard';
import { DropletsTable } from './DropletsTable';
import { InfraDialogs } from './InfraDialogs';
import { LoadBalancerCard } from './LoadBalancerCard';
import { VolumesTable } from './VolumesTable';
import '../../components/pageHeader.css';
import '../../components/dataTable.css';
import './infrastructure.css';

interface Section {
  key: string;
  group: string;
  environment?: string;
  inventory: InfrastructureInventory;
}

/** One section per product environment, production first, in the order products appear. */
function sectionsOf(inventory: InfrastructureInventory): Section[] {
  const sections = new Map<string, Section>();
  const place = (group: string, environment: string | undefined) => {
    const key = `${group} · ${environment ?? 'no environment'}`;
    if (!sections.has(key)) {
      sections.set(key, {
        key,
        group,
        ...(environment ? { environment } : {}),
        inventory: { ...inventory, droplets: [], volumes: [], loadBalancers: [], clusters: [], tenants: [] },
      });
    }
    return sections.get(key)!.inventory;
  };
  for (const d of inventory.droplets) place(d.group, d.environment).droplets.push(d);
  for (const v of inventory.volumes) place(v.group, v.environment).volumes.push(v);
  for (const lb of inventory.loadBalancers) place(lb.group, lb.environment).loadBalancers.push(lb);
  for (const c of inventory.clusters) place(c.group, c.environment).clusters.push(c);
  for (const t of inventory.tenants) place(t.group, t.environment).tenants.push(t);
  const rank = (env?: string) => (env === 'production' ? 0 : env === 'staging' ? 1 : 2);
  return [...sections.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || rank(a.environment) - rank(b.environment),
  );
}

const count = (v: InfrastructureInventory) =>
  v.droplets.length + v.volumes.length + v.loadBalancers.length + v.clusters.length;

function sectionTotal(s: InfrastructureInventory): number {
  const n =
    s.droplets.reduce((t, d) => t + (d.monthlyPrice ?? 0), 0) +
    s.volumes.reduce((t, v) => t + v.monthlyPrice, 0) +
    s.loadBalancers.reduce((t, l) => t + (l.monthlyPrice ?? 0), 0) +
    s.clusters.filter((c) => c.billedWithApps.length === 0).reduce((t, c) => t + (c.monthlyPrice ?? 0), 0);
  return Math.round(n * 100) / 100;
}

export function InfrastructureView() {
  const inventory = useInfrastructureStore((s) => s.inventory);
  const load = useInfrastructureStore((s) => s.load);
  const readOnly = useEnvironmentStore((s) => s.environment?.readOnlyReason);

  useEffect(() => {
    void useInfrastructureStore.getState().load();
  }, []);

  const value = inventory.value;
  return (
    <main className="view view--infrastructure" aria-labelledby="infra-title" aria-busy={inventory.loading}>
      <div className="overview-header">
        <div className="overview-header__title">
          <h1 id="infra-title">Infrastructure</h1>
          {value ? (
            <span className="muted" data-testid="infra-total">
              {counted(value.droplets.length, 'droplet')} · {counted(value.volumes.length, 'volume')} ·{' '}
              {counted(value.loadBalancers.length, 'load balancer')} ·{' '}
              {counted(value.clusters.length, 'database cluster')} · {formatUsd(value.monthlyCost)}/mo
              {value.estimated ? ' *' : ''} · read <RelativeTime iso={value.fetchedAt} />
            </span>
          ) : null}
        </div>
        <div className="overview-header__tools">
          <button type="button" className="button refresh" onClick={() => void load()} disabled={inventory.loading}>
            {inventory.loading ? 'Refreshing' : 'Refresh'}
          </button>
        </div>
      </div>
      {readOnly ? <InlineWarning>Changes are off: {readOnly}</InlineWarning> : null}
      <LoadedSection
        what="infrastructure"
        state={inventory}
        retry={load}
        rows={6}
        columns={6}
        isEmpty={(v) => count(v) === 0 && v.problems.length === 0}
      >
        {(v) => (
          <>
            {v.problems.map((p) => (
              <InlineWarning key={p}>
                <span data-testid="infra-problem">{p}</span>
              </InlineWarning>
            ))}
            {count(v) === 0 ? (
              <EmptyState title="Nothing beside App Platform">
                This account has no droplets, volumes, load balancers or database clusters Fleetdeck may read.
              </EmptyState>
            ) : null}
            <p className="muted infra-note">
              * Droplets are priced from the API’s size list; volumes, load balancers and database clusters from
              DigitalOcean’s published prices (estimates). On the Costs page each tenant’s database share is a row of
              its own; the rest of a cluster an app’s spec names is billed in that app’s row.
            </p>
            {sectionsOf(v).map((section) => (
              <section
                key={section.key}
                className="section infra-section"
                aria-label={section.key}
                data-testid="infra-section"
                data-environment={section.environment ?? ''}
              >
                <h2 className="section__title">
                  {section.group}
                  {section.environment ? <span className="infra-env">{section.environment}</span> : null}
                  <span className="muted section__hint" data-testid="infra-section-total">
                    {formatUsd(sectionTotal(section.inventory))}/mo
                  </span>
                </h2>
                {section.inventory.droplets.length ? (
                  <DropletsTable droplets={section.inventory.droplets} readOnly={!!readOnly} />
                ) : null}
                {section.inventory.volumes.length ? <VolumesTable volumes={section.inventory.volumes} /> : null}
                {section.inventory.loadBalancers.map((lb) => (
                  <LoadBalancerCard key={lb.id} lb={lb} />
                ))}
                {section.inventory.tenants.length ? <TenantShares tenants={section.inventory.tenants} /> : null}
                {section.inventory.clusters.map((c) => (
                  <ClusterCard key={c.id} cluster={c} readOnly={!!readOnly} />
                ))}
              </section>
            ))}
          </>
        )}
      </LoadedSection>
      <InfraDialogs />
    </main>
  );
}

/** Each tenant of the environment by its databases in the shared clusters, with what they carry of the price. */
function TenantShares({ tenants }: { tenants: InfrastructureInventory['tenants'] }) {
  return (
    <p className="infra-tenants small" data-testid="infra-tenants">
      <strong>Tenants</strong> (by their databases):{' '}
      {tenants.map((t, i) => (
        <span key={t.tenant} data-testid="infra-tenant" data-tenant={t.tenant}>
          {i > 0 ? ' · ' : null}
          {t.tenant} <span className="muted">{t.databases.map((d) => `${d.name} in ${d.cluster}`).join(', ')}</span>{' '}
          {t.monthlyShare > 0 ? `${formatUsd(t.monthlyShare)}/mo share *` : null}
        </span>
      ))}
    </p>
  );
}

/** "1 droplet", "4 droplets": a staging account holds one of each. */
const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
