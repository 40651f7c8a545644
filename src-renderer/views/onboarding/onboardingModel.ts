// Pure helpers behind the new-tenant form and the onboarding run: the hostname rules checked while
// typing, the suggestions the form starts with, and a run's state in words. No React, no stores.
import type { OnboardingRun, OnboardingRunState, OnboardingStepState, TenantRow } from '../../../src-preload/contract';
import { dnsNameProblem } from '../../../src-preload/contract/nameRules';
import { HOST_LABEL_SOURCE, TLD_SOURCE } from '../../../src-preload/contract/namePatterns';
import type { Tone } from '../../format';
import { suggestReplacements } from '../../specSchema/tenantNames';

// A tenant's hostname is a website's name: RFC 1123 labels, no wildcard, no trailing dot.
const HOSTNAME = new RegExp(`^(${HOST_LABEL_SOURCE}\\.)+${TLD_SOURCE}$`);

/** What is wrong with a hostname as typed, in words; undefined when it is a valid hostname. */
export function hostnameProblem(hostname: string): string | undefined {
  if (!hostname) return 'Enter the tenant’s hostname, such as acme.example.com.';
  if (hostname !== hostname.toLowerCase()) return 'Write the hostname in lowercase.';
  if (hostname.startsWith('*')) return 'A tenant has its own hostname, not a wildcard.';
  if (hostname.endsWith('.')) return 'Leave out the trailing dot.';
  if (hostname.includes('_')) return 'A hostname has only letters, digits, dashes and dots (no “_”).';
  const rule = dnsNameProblem(hostname);
  if (rule) return rule;
  if (!hostname.includes('.')) return 'A hostname has a domain after the subdomain, such as acme.example.com.';
  if (!HOSTNAME.test(hostname)) {
    return 'Not a valid hostname: each part between dots is letters, digits and dashes, not starting or ending with a dash.';
  }
  return undefined;
}

/** The account's DNS zone that holds the hostname (the longest match), if any. */
export function zoneOf(hostname: string, zones: readonly string[]): string | undefined {
  return zones
    .filter((zone) => hostname === zone || hostname.endsWith(`.${zone}`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The hostname the form suggests: the template's first domain with the template's tenant slug
 * replaced by the new one ("bibbi.taskifai.com" → "acme.taskifai.com"), or the slug under the
 * template domain's zone.
 */
export function suggestHostname(template: TenantRow | undefined, name: string): string {
  const domain = template?.domains[0]?.name;
  if (!template || !domain || !name) return '';
  const [first] = suggestReplacements(template.name, name);
  if (first && domain.split('.').includes(first.from)) {
    return domain
      .split('.')
      .map((label) => (label === first.from ? first.to : label))
      .join('.');
  }
  const slug = first?.to ?? name;
  return `${slug}.${domain.split('.').slice(1).join('.')}`;
}

/**
 * The TaskifAI registry row: the central login's `tenants` table (see the registry migrations).
 * No "on conflict do nothing": a subdomain already registered must fail, not be counted as ours
 * (Remove would then delete another tenant's row).
 */
export const REGISTRY_SQL = `insert into public.tenants (subdomain, display_name, database_url, database_anon_key)
values ($1, $2, $3, $4)`;

/** The registry parameters: the subdomain, a display name, the project's URL and anon key. */
export function registryParameters(hostname: string): string[] {
  const slug = hostname.split('.')[0] ?? '';
  const display = slug.charAt(0).toUpperCase() + slug.slice(1);
  return ['{{subdomain}}', display, '{{supabase_url}}', '{{anon_key}}'];
}

export const STEP_STATE_WORDS: Record<OnboardingStepState, string> = {
  pending: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

export const STEP_STATE_TONE: Record<OnboardingStepState, Tone> = {
  pending: 'muted',
  running: 'progress',
  done: 'success',
  failed: 'danger',
  skipped: 'neutral',
};

export const RUN_STATE_WORDS: Record<OnboardingRunState, string> = {
  running: 'Running',
  failed: 'Stopped at a failed step',
  interrupted: 'Stopped (Fleetdeck closed mid-step)',
  done: 'Live',
  removed: 'Removed',
};

export const RUN_STATE_TONE: Record<OnboardingRunState, Tone> = {
  running: 'progress',
  failed: 'danger',
  interrupted: 'warning',
  done: 'success',
  removed: 'neutral',
};

/** A run that stopped before the end and still holds what it created. */
export function isUnfinished(run: OnboardingRun): boolean {
  return run.state === 'running' || run.state === 'failed' || run.state === 'interrupted';
}

/** Where a run is or stopped, in words: "Failed at Apply 4 migrations: relation exists". */
export function whereStopped(run: OnboardingRun): string {
  const step = run.steps.find((s) => s.state === 'failed') ?? run.steps.find((s) => s.state === 'running');
  const next = step ?? run.steps.find((s) => s.state === 'pending');
  if (run.state === 'done') return 'Live';
  if (run.state === 'removed') return 'What it created was removed';
  if (!next) return RUN_STATE_WORDS[run.state];
  if (next.state === 'failed') return `Failed at “${next.title}”${next.error ? `: ${next.error}` : ''}`;
  if (run.state === 'running') return `Running “${next.title}”${next.progress ? ` — ${next.progress}` : ''}`;
  return `Stopped before “${next.title}”`;
}

/** Resources the run created that are still there. */
export function remaining(run: OnboardingRun) {
  return run.created.filter((r) => !r.removedAt);
}
