// Tenants matrix refresh for 50 tenants: how many requests one refresh costs on each provider,
// against the documented budgets — Supabase 120 a minute per endpoint and scope (project or
// organization), GitHub 5,000 an hour. Every synthetic tenant gets its own Supabase project with
// a schema history; the GitHub world is derived from the apps' repos and deployed commits.
import { silentLogger } from '../../src-main/logging/logger';
import { startRuntime } from '../../src-main/runtime';
import { supabaseWorldOf } from '../../src-main/sandbox/supabaseApi';
import { emptyDetail } from '../../src-main/sandbox/supabase/world';
import { TENANT_MIGRATIONS } from '../../src-main/sandbox/supabase/migrationHistory';
import { splitStatements } from '../../src-main/sandbox/supabase/sql';
import { refInValue } from '../../src-main/services/tenants/supabaseRefs';
import type { TenantsMatrix, Result } from '../../src-preload/contract';

const TENANTS = 50;
const SUPABASE_PER_MINUTE = 120;
const GITHUB_PER_HOUR = 5000;

export async function benchTenantsRefresh(): Promise<Record<string, number | string>> {
  const runtime = await startRuntime({
    logger: silentLogger,
    sandbox: { syntheticApps: TENANTS, rateLimits: { perHour: 1e9, perMinute: 1e9 } },
  });
  try {
    seedProjects(runtime.sandbox.state);
    const refresh = async () => {
      const from = runtime.sandbox.requests.length;
      const started = performance.now();
      const result = (await runtime.dispatcher.call('listTenants', undefined)) as Result<TenantsMatrix>;
      if (!result.ok) throw new Error(result.error.message);
      const linked = result.value.tenants.filter((t) => t.supabase?.project).length;
      if (linked !== TENANTS) throw new Error(`${linked} of ${TENANTS} tenants matched a Supabase project`);
      return { ms: performance.now() - started, requests: runtime.sandbox.requests.slice(from) };
    };
    const cold = await refresh();
    const warm = await refresh();
    const count = (list: string[], prefix: string) => list.filter((r) => r.split(' ')[1]!.startsWith(prefix)).length;
    // Supabase counts per endpoint and scope: the busiest bucket of one refresh.
    const buckets = new Map<string, number>();
    for (const request of cold.requests) {
      const [method, target] = request.split(' ');
      if (!target!.startsWith('/supabase/')) continue;
      const key = `${method} ${target!.split('?')[0]}`;
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
    }
    const busiestBucket = Math.max(0, ...buckets.values());
    const githubCold = count(cold.requests, '/github/');
    return {
      tenants: TENANTS,
      coldMs: Math.round(cold.ms),
      warmMs: Math.round(warm.ms),
      digitaloceanRequestsCold: count(cold.requests, '/v2/'),
      supabaseRequestsCold: count(cold.requests, '/supabase/'),
      supabaseRequestsWarm: count(warm.requests, '/supabase/'),
      supabaseBusiestEndpointAndScope: busiestBucket,
      supabaseGoal: `≤ ${SUPABASE_PER_MINUTE} per endpoint and scope a minute`,
      githubRequestsCold: githubCold,
      githubRequestsWarm: count(warm.requests, '/github/'),
      githubRefreshesPerHourWithinLimit: githubCold ? Math.floor(GITHUB_PER_HOUR / githubCold) : 'unbounded',
      verdict:
        busiestBucket <= SUPABASE_PER_MINUTE && githubCold < GITHUB_PER_HOUR ? 'within both budgets' : 'over budget',
    };
  } finally {
    await runtime.dispose();
  }
}

/** One Pro project per synthetic tenant, at the ref its spec names, with the tenant schema applied. */
function seedProjects(state: Parameters<typeof supabaseWorldOf>[0]): void {
  const world = supabaseWorldOf(state);
  const projects = world.projects['taskifai'] ?? (world.projects['taskifai'] = []);
  for (const record of state.apps.values()) {
    const spec = record.app.spec;
    const envs = [spec, ...(spec.services ?? []), ...(spec.workers ?? [])].flatMap((c) => c.envs ?? []);
    const ref = envs.map((e) => (typeof e.value === 'string' ? refInValue(e.value) : undefined)).find(Boolean);
    if (!ref || projects.some((p) => p.ref === ref)) continue;
    projects.push({
      ref,
      name: spec.name,
      cloud_provider: 'AWS',
      region: 'eu-central-1',
      is_branch: false,
      status: 'ACTIVE_HEALTHY',
      inserted_at: '2026-06-01T00:00:00.000Z',
      databases: [
        {
          infra_compute_size: 'micro',
          region: 'eu-central-1',
          status: 'ACTIVE_HEALTHY',
          cloud_provider: 'AWS',
          identifier: ref,
          type: 'PRIMARY',
        },
      ],
    });
    const detail = emptyDetail(ref);
    detail.dailyBackups = 7;
    detail.migrations = TENANT_MIGRATIONS.map((m) => ({
      version: m.version,
      name: m.name,
      statements: splitStatements(m.sql),
    }));
    world.details[ref] = detail;
  }
}
