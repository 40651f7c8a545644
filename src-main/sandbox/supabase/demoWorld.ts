// The demo fleet's Supabase account, after the seed guides: TaskifAI runs one Supabase project
// per tenant (Demo, BIBBI, Customer3) plus its central tenant registry, on Pro; InsightPulse keeps
// its Odoo/Superset database on the Free tier in us-east-1, where a week of low activity has
// auto-paused it (Free projects are paused after 7 days of low activity, per the docs).
import type { SupabaseAdvisorLint } from '../../clients/supabase/projectTypes';
import type { SupabaseOrganizationProject } from '../../clients/supabase/types';
import { REGISTRY_MIGRATIONS, TENANT_MIGRATIONS, type MigrationSource } from './migrationHistory';
import { applyToTables, splitStatements } from './sql';
import type { SandboxState } from '../state';
import { FaultInjector } from '../faults';
import { emptyDetail, type ProjectDetail, type SupabaseTiming, type SupabaseWorld, DEFAULT_TIMING } from './world';

const GIB = 2 ** 30;
const DAY = 86_400_000;

type ProjectSeed = Pick<SupabaseOrganizationProject, 'ref' | 'name' | 'region' | 'inserted_at'> & {
  size: string;
  status?: SupabaseOrganizationProject['status'];
};

function project(seed: ProjectSeed): SupabaseOrganizationProject {
  const status = seed.status ?? 'ACTIVE_HEALTHY';
  return {
    ref: seed.ref,
    name: seed.name,
    cloud_provider: 'AWS',
    region: seed.region,
    is_branch: false,
    status,
    inserted_at: seed.inserted_at,
    databases: [
      {
        infra_compute_size: seed.size,
        region: seed.region,
        status: status === 'INACTIVE' ? 'UNKNOWN' : 'ACTIVE_HEALTHY',
        cloud_provider: 'AWS',
        identifier: seed.ref,
        type: 'PRIMARY',
        disk_volume_size_gb: 8,
        disk_type: 'gp3',
      },
    ],
  };
}

/** A project's detail after its migrations ran, plus tables made by hand outside them. */
function detail(
  ref: string,
  migrations: readonly MigrationSource[],
  extra: Partial<ProjectDetail> & { handMadeTables?: string[] } = {},
): ProjectDetail {
  const { handMadeTables = [], ...rest } = extra;
  const base = emptyDetail(ref);
  let tables = new Set(handMadeTables);
  for (const migration of migrations) {
    const statements = splitStatements(migration.sql);
    const applied = applyToTables(tables, statements);
    if ('failure' in applied) throw new Error(`demo migration ${migration.version} fails: ${applied.failure.message}`);
    tables = applied.tables;
    base.migrations.push({ version: migration.version, name: migration.name, statements });
  }
  return { ...base, tables, ...rest };
}

const disk = (usedGib: number) => ({ sizeBytes: Math.round(8 * GIB * 0.972), usedBytes: Math.round(usedGib * GIB) });

/** BIBBI's lints: a function made by hand in the SQL editor, and an index its users never need. */
const BIBBI_SECURITY: SupabaseAdvisorLint[] = [
  {
    name: 'function_search_path_mutable',
    title: 'Function Search Path Mutable',
    level: 'WARN',
    facing: 'EXTERNAL',
    categories: ['SECURITY'],
    description: 'Detects functions where the search_path parameter is not set.',
    detail: 'Function `public.refresh_sales_summary` has a role mutable search_path',
    remediation: 'https://supabase.com/docs/guides/database/database-linter?lint=0011_function_search_path_mutable',
    metadata: { name: 'refresh_sales_summary', type: 'function', schema: 'public' },
    cache_key: 'function_search_path_mutable_public_refresh_sales_summary_4f3a1c2d0e9b8a7c6d5e4f3a2b1c0d9e',
  },
];

const BIBBI_PERFORMANCE: SupabaseAdvisorLint[] = [
  {
    name: 'unused_index',
    title: 'Unused Index',
    level: 'INFO',
    facing: 'EXTERNAL',
    categories: ['PERFORMANCE'],
    description: 'Detects if an index has never been used and may be a candidate for removal.',
    detail: 'Index `idx_conversation_history_session` on table `public.conversation_history` has not been used',
    remediation: 'https://supabase.com/docs/guides/database/database-linter?lint=0005_unused_index',
    metadata: { name: 'conversation_history', type: 'table', schema: 'public' },
    cache_key: 'unused_index_public_conversation_history_idx_conversation_history_session',
  },
];

const ALL_BUT_LATEST = TENANT_MIGRATIONS.slice(0, -1);

export function demoWorld(now: number): SupabaseWorld {
  return {
    // The order and names are what account checks report ("organizations TaskifAI, InsightPulse").
    organizations: [
      { id: 'taskifai', slug: 'taskifai', name: 'TaskifAI', plan: 'pro' },
      { id: 'insightpulse', slug: 'insightpulse', name: 'InsightPulse', plan: 'free' },
    ],
    projects: {
      taskifai: [
        project({
          ref: 'qhwzrtkvylmbnpjsdgfa',
          name: 'TaskifAI-Registry',
          region: 'eu-central-1',
          size: 'micro',
          inserted_at: '2026-03-02T10:14:08.512Z',
        }),
        // Created on Free as Nano and kept at that size after the upgrade: billed at Micro now.
        project({
          ref: 'mvdkxoprtazlyqwcbnje',
          name: 'TaskifAI-Demo',
          region: 'eu-central-1',
          size: 'nano',
          inserted_at: '2026-03-02T10:31:47.090Z',
        }),
        project({
          ref: 'bibzfwkqmtrlxhcevnoa',
          name: 'TaskifAI-BIBBI',
          region: 'eu-central-1',
          size: 'small',
          inserted_at: '2026-05-18T08:02:33.871Z',
        }),
        project({
          ref: 'cuxtrnwqplzhkvjmbyda',
          name: 'TaskifAI-Customer3',
          region: 'eu-west-1',
          size: 'micro',
          inserted_at: '2026-11-13T15:46:20.004Z',
        }),
      ],
      insightpulse: [
        project({
          ref: 'spdtwktxdalcfigzeqrz',
          name: 'insightpulse-odoo',
          region: 'us-east-1',
          size: 'nano',
          inserted_at: '2026-10-21T19:05:11.663Z',
          status: 'INACTIVE',
        }),
      ],
    },
    details: {
      qhwzrtkvylmbnpjsdgfa: detail('qhwzrtkvylmbnpjsdgfa', REGISTRY_MIGRATIONS, { dailyBackups: 7, disk: disk(0.42) }),
      mvdkxoprtazlyqwcbnje: detail('mvdkxoprtazlyqwcbnje', ALL_BUT_LATEST, { dailyBackups: 7, disk: disk(1.35) }),
      bibzfwkqmtrlxhcevnoa: detail('bibzfwkqmtrlxhcevnoa', TENANT_MIGRATIONS, {
        dailyBackups: 7,
        pitrEnabled: true,
        disk: disk(6.1),
        advisors: { security: BIBBI_SECURITY, performance: BIBBI_PERFORMANCE },
      }),
      // report_schedules was made by hand while the feature was tried out, before its migration:
      // applying 20261118093000 here meets it and fails.
      cuxtrnwqplzhkvjmbyda: detail('cuxtrnwqplzhkvjmbyda', ALL_BUT_LATEST, {
        dailyBackups: 7,
        disk: disk(0.58),
        handMadeTables: ['public.report_schedules'],
      }),
      // Odoo keeps its own schema (no Supabase migrations); Free projects keep no downloadable backups here.
      spdtwktxdalcfigzeqrz: detail('spdtwktxdalcfigzeqrz', [], {
        disk: disk(0.91),
        pausedAt: now - 3 * DAY,
        tables: new Set(['public.res_partner', 'public.res_users', 'public.account_move', 'public.ir_module_module']),
      }),
    },
    timing: { ...DEFAULT_TIMING },
    rateLimit: { perMinute: 120 },
    faults: new FaultInjector(),
  };
}

const worlds = new WeakMap<SandboxState, SupabaseWorld>();

/** The Supabase side of one sandbox: tests may change plans, projects, timings and limits here. */
export function supabaseWorldOf(state: SandboxState): SupabaseWorld {
  let world = worlds.get(state);
  if (!world) {
    world = demoWorld(state.clock.now());
    worlds.set(state, world);
  }
  return world;
}

export function setSupabaseTiming(state: SandboxState, timing: Partial<SupabaseTiming>): void {
  const world = supabaseWorldOf(state);
  world.timing = { ...world.timing, ...timing };
}
