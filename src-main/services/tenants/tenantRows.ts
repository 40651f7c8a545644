// Assembles the tenants matrix: the DigitalOcean apps joined with the Supabase projects the
// account can see (through the spec's references or a hand link) and their GitHub sources.
import type {
  FleetApp,
  Result,
  SupabaseCosts,
  SupabaseProjectState,
  TenantRow,
  TenantSchemaState,
  TenantSupabaseLink,
  TenantSupabaseShare,
} from '../../../src-preload/contract';
import { SUPABASE_PROJECT_STATES } from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';
import { primarySupabaseReference } from './supabaseRefs';

export interface KnownProject {
  ref: string;
  name: string;
  organization: string;
  plan?: string;
  status: SupabaseProjectState;
  region: string;
  computeEstimate?: number;
}

/** Every project the Supabase account can see, by ref, read from the costs domain's one read. */
export function projectDirectory(costs: SupabaseCosts): Map<string, KnownProject> {
  const out = new Map<string, KnownProject>();
  for (const org of costs.organizations) {
    for (const p of org.projects) {
      out.set(p.ref, {
        ref: p.ref,
        name: p.name,
        organization: org.name,
        ...(org.plan ? { plan: org.plan } : {}),
        status: asState(p.status),
        region: p.region ?? '',
        ...(p.computeEstimate !== undefined ? { computeEstimate: p.computeEstimate } : {}),
      });
    }
  }
  return out;
}

const asState = (status: string | undefined): SupabaseProjectState =>
  (SUPABASE_PROJECT_STATES as readonly string[]).includes(status ?? '') ? (status as SupabaseProjectState) : 'UNKNOWN';

/** A hand link wins over the spec; `null` means "no project of its own". */
export function linkOf(
  app: App,
  handLink: string | null | undefined,
  directory: ReadonlyMap<string, KnownProject>,
  supabaseReadable: boolean,
): TenantSupabaseLink | null {
  let link: TenantSupabaseLink;
  if (handLink === null) return null;
  if (handLink) link = { ref: handLink, how: 'linked' };
  else {
    const derived = primarySupabaseReference(app.spec);
    if (!derived) return null;
    link = { ref: derived.ref, how: 'derived', from: derived.from };
  }
  const project = directory.get(link.ref);
  if (project) {
    return {
      ...link,
      project: {
        name: project.name,
        organization: project.organization,
        status: project.status,
        region: project.region,
      },
    };
  }
  return supabaseReadable
    ? {
        ...link,
        unmatched: `Project ${link.ref} is not one this Supabase account can see (another organization, or deleted).`,
      }
    : link;
}

export function domainsOf(app: App): TenantRow['domains'] {
  const listed = (app.domains ?? []).map((d) => ({
    name: d.spec?.domain ?? '',
    ...(d.phase ? { phase: d.phase } : {}),
    ok: d.phase === 'ACTIVE',
  }));
  if (listed.length) return listed.filter((d) => d.name);
  // An app whose domains the API has not reported yet: the spec's, not known to be OK.
  return (app.spec.domains ?? []).map((d) => ({ name: d.domain, ok: false }));
}

/**
 * Marks each link whose project other tenants point at too (InsightPulse's apps share one
 * database) with whom: the share below then splits its compute evenly, no dollar counted twice.
 */
export function markShared(rows: Iterable<{ app: App; link: TenantSupabaseLink | null }>): void {
  const all = [...rows];
  const users = new Map<string, string[]>();
  for (const { app, link } of all) {
    if (link) users.set(link.ref, [...(users.get(link.ref) ?? []), app.spec.name]);
  }
  for (const row of all) {
    const others = row.link ? (users.get(row.link.ref) ?? []).filter((name) => name !== row.app.spec.name) : [];
    if (row.link && others.length) row.link = { ...row.link, sharedWith: others };
  }
}

/**
 * A tenant's monthly Supabase figure: its project's compute at the documented prices, an even
 * share when the project is shared. The one place it is computed: the matrix's combined total
 * and the Costs page's by-tenant bars both read it.
 */
export function supabaseShareOf(
  link: TenantSupabaseLink | null,
  project: KnownProject | undefined,
): number | undefined {
  if (!link?.project || project?.computeEstimate === undefined) return undefined;
  return round(project.computeEstimate / (1 + (link.sharedWith?.length ?? 0)));
}

/** Every app's Supabase share, joined as the matrix joins them (spec references, hand links, sharing). */
export function supabaseShares(
  apps: readonly App[],
  handLinks: ReadonlyMap<string, string | null>,
  directory: ReadonlyMap<string, KnownProject>,
): Map<string, TenantSupabaseShare> {
  const rows = apps.flatMap((app): Array<{ app: App; link: TenantSupabaseLink | null }> => {
    const link = app.id ? linkOf(app, handLinks.get(app.id), directory, true) : null;
    return app.id && link ? [{ app, link }] : [];
  });
  markShared(rows);
  const out = new Map<string, TenantSupabaseShare>();
  for (const { app, link } of rows) {
    if (!link) continue;
    const project = directory.get(link.ref);
    const monthly = supabaseShareOf(link, project);
    out.set(app.id!, {
      ref: link.ref,
      ...(project ? { project: project.name } : {}),
      ...(monthly !== undefined ? { monthly } : {}),
      ...(project?.computeEstimate !== undefined ? { projectMonthly: project.computeEstimate } : {}),
      ...(link.sharedWith?.length ? { sharedWith: link.sharedWith } : {}),
    });
  }
  return out;
}

export function rowOf(input: {
  app: App;
  fleetApp: FleetApp;
  supabase: TenantSupabaseLink | null;
  project?: KnownProject;
  schema?: Result<TenantSchemaState>;
  backups?: TenantRow['backups'];
  sources?: TenantRow['sources'];
}): TenantRow {
  const { fleetApp, project } = input;
  const supabaseCost = supabaseShareOf(input.supabase, project);
  const digitalocean = fleetApp.monthlyCost;
  return {
    appId: fleetApp.id,
    name: fleetApp.name,
    group: fleetApp.group,
    region: fleetApp.region,
    ...(fleetApp.activeDeployment ? { phase: fleetApp.activeDeployment.phase } : {}),
    inProgress: Boolean(fleetApp.inProgressDeployment),
    domains: domainsOf(input.app),
    supabase: input.supabase,
    ...(input.schema ? { schema: input.schema } : {}),
    ...(input.backups ? { backups: input.backups } : {}),
    ...(input.sources ? { sources: input.sources } : {}),
    cost: {
      digitalocean,
      ...(supabaseCost !== undefined ? { supabase: supabaseCost } : {}),
      total: {
        min: round(digitalocean.min + (supabaseCost ?? 0)),
        max: round(digitalocean.max + (supabaseCost ?? 0)),
      },
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function schemaState(
  applied: readonly { version: string; name?: string }[],
  missing: string[],
): TenantSchemaState {
  const latest = [...applied].sort((a, b) => a.version.localeCompare(b.version)).at(-1);
  return {
    applied: applied.length,
    missing,
    ...(latest ? { latest: { version: latest.version, ...(latest.name ? { name: latest.name } : {}) } } : {}),
  };
}

/** Supabase pauses Free-plan projects only (its docs); anything else is refused before asking. */
export function pausePolicy(project: KnownProject): { allowed: boolean; reason?: string } {
  if (project.status !== 'ACTIVE_HEALTHY' && project.status !== 'ACTIVE_UNHEALTHY')
    return { allowed: false, reason: `The project is ${project.status}: only a running project can be paused.` };
  if (project.plan && project.plan !== 'free')
    return {
      allowed: false,
      reason: `${project.organization} is on the ${project.plan} plan: Supabase pauses projects on the Free plan only.`,
    };
  return { allowed: true };
}
