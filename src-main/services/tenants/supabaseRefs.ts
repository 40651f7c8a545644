// Which Supabase project an app uses, read from its spec the way the seeds wire it: SUPABASE_URL
// (https://<ref>.supabase.co), a direct database host (db.<ref>.supabase.co) or a pooler
// connection, whose user is postgres.<ref> on aws-*.pooler.supabase.com. SECRET values come back
// from the API encrypted (EV[…]), so only plain values can name a project; a tenant whose only
// reference is a secret is linked by hand.
import type { AppEnv, AppSpec } from '../../clients/digitalocean/types';

export interface SupabaseReference {
  ref: string;
  /** "central-api · SUPABASE_URL", or "app · DATABASE_URL" for an app-level env. */
  from: string;
}

/** A project ref is 20 lowercase letters (the Management API's pattern for it). */
const REF = '[a-z]{20}';
const PATTERNS = [
  new RegExp(`(?:^|[/@.])(${REF})\\.supabase\\.(?:co|in)(?:[:/]|$)`),
  new RegExp(`\\bpostgres\\.(${REF})(?=[:@]|$)`),
];

/** The ref a value names, if any. */
export function refInValue(value: string): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(value.trim().toLowerCase());
    if (match?.[1]) return match[1];
  }
  return undefined;
}

type Component = { name?: string; envs?: AppEnv[] };

/** Every plain env of the spec that names a project, components first, in spec order. */
export function supabaseReferences(spec: AppSpec): SupabaseReference[] {
  const components: Component[] = [
    ...(spec.services ?? []),
    ...(spec.workers ?? []),
    ...(spec.jobs ?? []),
    ...(spec.static_sites ?? []),
    ...((spec.functions ?? []) as Component[]),
  ];
  const found: SupabaseReference[] = [];
  const scan = (owner: string, envs: readonly AppEnv[] | undefined) => {
    for (const env of envs ?? []) {
      if (env.type === 'SECRET' || typeof env.value !== 'string') continue;
      const ref = refInValue(env.value);
      if (ref) found.push({ ref, from: `${owner} · ${env.key}` });
    }
  };
  for (const component of components) scan(component.name ?? 'component', component.envs);
  scan('app', spec.envs);
  return found;
}

/**
 * The project an app uses: the one most of its references name (a tenant API and its worker both
 * point at the tenant's project), the first in spec order on a tie.
 */
export function primarySupabaseReference(spec: AppSpec): SupabaseReference | undefined {
  const references = supabaseReferences(spec);
  const counts = new Map<string, number>();
  for (const r of references) counts.set(r.ref, (counts.get(r.ref) ?? 0) + 1);
  let best: SupabaseReference | undefined;
  for (const r of references) if (!best || counts.get(r.ref)! > counts.get(best.ref)!) best = r;
  return best;
}
