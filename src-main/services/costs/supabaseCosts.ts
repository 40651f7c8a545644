// What each tenant's Supabase project and its organization's plan cost, estimated from the
// documented prices (supabasePlans.ts). The plan and the compute sizes are the account's own,
// read from the Management API; the Management API has no invoice endpoint, so every dollar
// figure is an estimate and carries its source.
import type { SupabaseCosts, SupabaseOrganizationCost, SupabaseProjectCost } from '../../../src-preload/contract';
import { SupabaseClient } from '../../clients/supabase/client';
import type { SupabaseOrganization, SupabaseOrganizationProject } from '../../clients/supabase/types';
import { ApiError } from '../../clients/http/apiError';
import { redact } from '../../logging/redact';
import { mapWithConcurrency } from '../../base/concurrency';
import { estimateOrganization, projectComputePrice, SUPABASE_BILLING_SOURCE, SUPABASE_SOURCES } from './supabasePlans';

export interface SupabaseAccess {
  /** The Management API's base URL (the sandbox's /supabase for the demo fleet). */
  baseUrl: string;
  /** The context's Supabase token; undefined when the context has no Supabase account. */
  token: () => Promise<string | undefined>;
  /** Told when Supabase refuses the token, so the account can say it needs attention. */
  onUnauthorized?: (message: string) => void;
}

/** Two calls per organization: a few organizations at a time stays far under 120 a minute. */
const ORGANIZATION_CONCURRENCY = 3;

export class SupabaseCostsService {
  private readonly client: SupabaseClient;
  private reading: Promise<SupabaseCosts> | undefined;

  constructor(
    private readonly access: SupabaseAccess,
    /** The fleet's tenant group names, to match projects to; empty when they cannot be read. */
    private readonly tenantGroups: () => Promise<string[]>,
    private readonly now: () => number = Date.now,
  ) {
    this.client = new SupabaseClient({
      baseUrl: access.baseUrl,
      token: async () => {
        const token = await access.token();
        if (!token) throw new ApiError({ code: 'unauthorized', message: NOT_CONNECTED });
        return token;
      },
      onUnauthorized: (error) => access.onUnauthorized?.(error.message),
    });
  }

  /** Calls made together share one read. */
  getSupabaseCosts(): Promise<SupabaseCosts> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<SupabaseCosts> {
    const base = {
      fetchedAt: new Date(this.now()).toISOString(),
      source: SUPABASE_BILLING_SOURCE,
      sources: SUPABASE_SOURCES,
      organizations: [] as SupabaseOrganizationCost[],
      monthlyEstimate: 0,
      partial: false,
    };
    if (!(await this.access.token())) return { ...base, connected: false };
    try {
      const [organizations, groups] = await Promise.all([
        this.client.listOrganizations(),
        this.tenantGroups().catch(() => []),
      ]);
      const costs = await mapWithConcurrency(organizations, ORGANIZATION_CONCURRENCY, (org) =>
        this.organization(org, groups),
      );
      const estimated = costs.filter((o) => o.monthlyEstimate !== undefined);
      return {
        ...base,
        connected: true,
        organizations: costs,
        monthlyEstimate: roundCents(estimated.reduce((sum, o) => sum + (o.monthlyEstimate ?? 0), 0)),
        partial: costs.some((o) => o.partial || o.monthlyEstimate === undefined),
      };
    } catch (error) {
      return { ...base, connected: true, problem: problemOf(error, 'read your organizations') };
    }
  }

  private async organization(org: SupabaseOrganization, groups: readonly string[]): Promise<SupabaseOrganizationCost> {
    const [detail, listed] = await Promise.allSettled([
      this.client.getOrganization(org.slug),
      this.client.listOrganizationProjects(org.slug),
    ]);
    // A refused token fails the whole read: every other call would be refused as well.
    for (const result of [detail, listed]) {
      if (result.status === 'rejected' && isRefused(result.reason)) throw result.reason;
    }
    const plan = detail.status === 'fulfilled' ? detail.value.plan : undefined;
    const projects = listed.status === 'fulfilled' ? listed.value.map((p) => projectCost(p, plan, org, groups)) : [];
    const problems = [
      detail.status === 'rejected' ? problemOf(detail.reason, 'read the organization’s plan') : undefined,
      listed.status === 'rejected' ? problemOf(listed.reason, 'list the organization’s projects') : undefined,
    ].filter((p): p is string => p !== undefined);
    if (detail.status === 'fulfilled' && !plan) problems.push('Supabase did not report this organization’s plan.');
    const estimate = estimateOrganization(plan, projects);
    if (listed.status === 'rejected') {
      // Without the project list the compute is unknown, whatever the plan costs.
      delete estimate.monthlyEstimate;
      estimate.partial = true;
    }
    return {
      slug: org.slug,
      name: org.name,
      ...(plan ? { plan } : {}),
      projects,
      ...estimate,
      ...(problems.length ? { problem: problems.join(' ') } : {}),
    };
  }
}

const NOT_CONNECTED = 'This context has no Supabase account: add one in Settings → Accounts.';

function projectCost(
  project: SupabaseOrganizationProject,
  plan: SupabaseOrganizationCost['plan'],
  org: SupabaseOrganization,
  groups: readonly string[],
): SupabaseProjectCost {
  const databases = Array.isArray(project.databases) ? project.databases : [];
  const primary = databases.find((d) => d.type === 'PRIMARY') ?? databases[0];
  const replicas = databases.filter((d) => d.type === 'READ_REPLICA').length;
  const price = projectComputePrice(primary?.infra_compute_size, plan, project.status);
  const notes = [price.note, replicas ? `${replicas} read replica${replicas === 1 ? '' : 's'} not priced.` : undefined];
  const group = groupFor(project.name, groups) ?? groupFor(org.name, groups);
  const note = notes.filter(Boolean).join(' ');
  return {
    ref: project.ref,
    name: project.name,
    ...(project.region ? { region: project.region } : {}),
    ...(project.status ? { status: project.status } : {}),
    ...(primary?.infra_compute_size ? { computeSize: primary.infra_compute_size } : {}),
    ...(group ? { group } : {}),
    ...(price.monthly !== undefined ? { computeEstimate: price.monthly } : {}),
    ...(note ? { computeNote: note } : {}),
  };
}

const words = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The tenant group a Supabase name belongs to: "TaskifAI-BIBBI" and "taskifai_bibbi" are
 * TaskifAI's; "Task Assistant AI" also matches "taskassistantai-prod". The longest match wins, so
 * one group's name being the start of another's does not steal its projects.
 */
export function groupFor(name: string, groups: readonly string[]): string | undefined {
  const named = words(name);
  let best: { group: string; length: number } | undefined;
  for (const group of groups) {
    const wanted = words(group);
    if (wanted.length === 0) continue;
    const byWords = wanted.every((w, i) => named[i] === w);
    const joined = named[0] === wanted.join('');
    const length = wanted.join('').length;
    if ((byWords || joined) && (!best || length > best.length)) best = { group, length };
  }
  return best?.group;
}

function isRefused(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthorized';
}

/** What went wrong, in words; API messages pass through redaction so no token can ride along. */
function problemOf(error: unknown, doing: string): string {
  if (!(error instanceof ApiError)) throw error;
  if (error.message === NOT_CONNECTED) return NOT_CONNECTED;
  const explained: Partial<Record<ApiError['code'], string>> = {
    unauthorized: 'Supabase refused the token (401): it may be revoked or expired. Replace it in Settings → Accounts.',
    forbidden: `The Supabase token may not ${doing} (403): a scoped token needs read access to organizations and projects.`,
    rate_limited: `Supabase’s rate limit was reached (429) while trying to ${doing}: try again in a minute.`,
    not_found: `Supabase could not find what it was asked to ${doing} (404).`,
    server_error: `Supabase had an internal error while trying to ${doing}: try again later.`,
  };
  return redact(explained[error.code] ?? `Could not ${doing}: ${error.message}`);
}

const roundCents = (amount: number) => Math.round(amount * 100) / 100;
