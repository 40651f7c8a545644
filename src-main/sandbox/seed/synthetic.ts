// A large, deterministic fleet of TaskifAI-shaped tenants (frontend + api + worker + migrate job)
// for benchmarks: tenant-0001 … tenant-NNNN, spread over a few products and regions, three
// deployments each. A small, fixed share of tenants is failing, building or unhealthy so list
// views have something to sort and filter.
import type { AppRecord } from '../state';
import { assertFleetInvariants, makeApp } from './builders';
import type { DeployKind } from './deploymentHistory';
import { Rand } from './random';
import { tenantSpec, type RegionSlug, type SizeSlug } from './specBuilders';

const PRODUCTS = [
  { group: 'TaskifAI', product: 'TaskifAI Analytics Platform', slug: 'taskifai', mail: 'taskifai.com' },
  { group: 'Ledgerly', product: 'Ledgerly Books', slug: 'ledgerly', mail: 'ledgerly.example' },
  { group: 'ShiftPilot', product: 'ShiftPilot Scheduling', slug: 'shiftpilot', mail: 'shiftpilot.example' },
  { group: 'Clinicflow', product: 'Clinicflow Records', slug: 'clinicflow', mail: 'clinicflow.example' },
] as const;
const REGIONS: readonly RegionSlug[] = ['fra', 'ams', 'nyc', 'sfo', 'lon', 'sgp', 'tor', 'blr'];
const API_SIZES: readonly SizeSlug[] = [
  'apps-s-1vcpu-1gb',
  'apps-s-1vcpu-1gb',
  'apps-s-1vcpu-2gb',
  'professional-xs',
  'basic-xs',
];
const WORKER_SIZES: readonly SizeSlug[] = ['apps-s-1vcpu-0.5gb', 'apps-s-1vcpu-1gb', 'basic-xxs'];

function historyFor(i: number): DeployKind[] {
  if (i % 23 === 5) return ['building', 'push', 'manual'];
  if (i % 17 === 3) return ['fail-health', 'push', 'manual'];
  if (i % 13 === 8) return ['push', 'fail-build', 'manual'];
  if (i % 11 === 7) return ['push', 'cancel', 'push'];
  return ['push', 'push', 'manual'];
}

export function buildSyntheticFleet(opts: { count: number; nowMs: number; seed?: number }): AppRecord[] {
  // Offset the seed so ids never line up with the demo fleet's when both use the same seed.
  const r = Rand.fromSeed(((opts.seed ?? 2026) ^ 0x5f3759df) >>> 0);
  const width = Math.max(4, String(opts.count).length);
  const fleet: AppRecord[] = [];
  for (let i = 1; i <= opts.count; i++) {
    const num = String(i).padStart(width, '0');
    const p = PRODUCTS[i % PRODUCTS.length]!;
    const hasDomain = i % 3 !== 0;
    const host = `tenant-${num}.${p.mail}`;
    const spec = tenantSpec(r, {
      name: `tenant-${num}`,
      prefix: `t${num}`,
      region: r.pick(REGIONS),
      repo: `${p.slug}/${p.slug}-platform`,
      ...(hasDomain ? { host } : {}),
      productName: p.product,
      displayName: `Tenant ${num}`,
      mailDomain: p.mail,
      apiSize: r.pick(API_SIZES),
      workerSize: r.pick(WORKER_SIZES),
      jobSize: 'apps-s-1vcpu-0.5gb',
    });
    const unhealthy = i % 29 === 11;
    const hot = i % 19 === 2;
    fleet.push(
      makeApp(
        r,
        {
          spec,
          tenantGroup: p.group,
          spanDays: r.int(5, 90),
          history: historyFor(i).map((kind) => ({ kind })),
          deployer: `ops@${p.mail}`,
          ...(hasDomain && i % 31 === 4 ? { domainPhases: { [host]: 'PENDING' as const } } : {}),
          behaviour: {
            ...(hot ? { [`t${num}-api`]: { cpuPercent: r.int(82, 97), memoryPercent: r.int(65, 90) } } : {}),
            ...(unhealthy ? { [`t${num}-worker`]: { state: 'UNHEALTHY' as const } } : {}),
          },
        },
        opts.nowMs,
      ),
    );
  }
  assertFleetInvariants(fleet);
  return fleet;
}
