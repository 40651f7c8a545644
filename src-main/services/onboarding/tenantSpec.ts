// The new tenant's app spec: the template's, renamed (the specs domain's tenantFromTemplate, which
// never copies a SECRET value), served on the tenant's hostname, pointed at its own Supabase
// project. The keys go in as SECRET envs, in clear only in this request: App Platform encrypts them.
import { randomBytes } from 'node:crypto';
import type { OnboardingRequest, OnboardingSecretEnv } from '../../../src-preload/contract';
import type { App, AppEnv, AppSpec } from '../../clients/digitalocean/types';
import { COMPONENT_GROUPS } from '../specs/secrets';
import { domainsInUse, tenantFromTemplate } from '../specs/tenantTemplate';

export interface ProjectKeys {
  anon: string;
  serviceRole: string;
}

type Named = { name?: string; envs?: AppEnv[]; health_check?: { http_path?: string } };

const components = (spec: AppSpec): Named[] => COMPONENT_GROUPS.flatMap((group) => (spec[group] ?? []) as Named[]);

/** The first path a component declares for its health check; "/" when none does. */
export function healthPathOf(spec: AppSpec): string {
  return components(spec).find((c) => c.health_check?.http_path)?.health_check?.http_path ?? '/';
}

/** The template's tenant slug (the first label of its first domain), replaced by the new one's. */
function replacements(template: AppSpec, request: OnboardingRequest, hostname: string) {
  const from = template.domains?.[0]?.domain?.split('.')[0];
  const to = hostname.split('.')[0]!;
  return from && from !== to && !from.startsWith('*') ? [{ from, to }] : [];
}

/** Names a fresh random value suits: the app's own signing and encryption secrets. */
const GENERATED = /^(SECRET_KEY|SECRET_KEY_BASE|JWT_SECRET|SESSION_SECRET|ENCRYPTION_KEY|APP_SECRET)$/;
const FROM_SUPABASE = /SUPABASE.*(ANON|SERVICE)|^SUPABASE_URL$/i;

/** Every SECRET env of the template and where the new app's value comes from. */
export function secretPlan(template: AppSpec, provided: ReadonlySet<string>): OnboardingSecretEnv[] {
  const keys = new Set(
    [template, ...components(template)].flatMap((h) =>
      (h.envs ?? []).filter((e) => e.type === 'SECRET').map((e) => e.key),
    ),
  );
  return [...keys].map((key) => ({
    key,
    how: FROM_SUPABASE.test(key)
      ? 'from_supabase'
      : provided.has(key)
        ? 'provided'
        : GENERATED.test(key)
          ? 'generated'
          : 'missing',
  }));
}

/** Values for the generated secrets of a plan: 48 random bytes each. */
export function generatedSecrets(plan: readonly OnboardingSecretEnv[]): Array<{ key: string; value: string }> {
  return plan
    .filter((s) => s.how === 'generated')
    .map((s) => ({ key: s.key, value: randomBytes(48).toString('base64url') }));
}

export function tenantSpec(
  template: AppSpec,
  request: OnboardingRequest,
  hostname: string,
  apps: ReadonlyArray<Pick<App, 'spec'>>,
  project?: { ref: string; keys: ProjectKeys; secrets: ReadonlyMap<string, string> },
): AppSpec {
  const copy = tenantFromTemplate(
    template,
    {
      templateAppId: request.templateAppId,
      name: request.name,
      replacements: replacements(template, request, hostname),
    },
    domainsInUse(apps),
  ).spec;
  copy.domains = [{ domain: hostname, type: 'PRIMARY' }];
  if (request.region) copy.region = request.region as AppSpec['region'];
  if (project) {
    setSupabaseEnvs(copy, project.ref, project.keys);
    for (const holder of [copy, ...components(copy)])
      for (const env of holder.envs ?? []) {
        const value = project.secrets.get(env.key);
        if (value !== undefined && env.type === 'SECRET') env.value = value;
      }
  }
  return copy;
}

/**
 * SUPABASE_URL stays a plain env (the tenants matrix reads the project from it); every env whose
 * key names the anon or service key becomes SECRET with the new project's value. A spec with none
 * gets SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY beside its SUPABASE_URL.
 */
function setSupabaseEnvs(spec: AppSpec, ref: string, keys: ProjectKeys): void {
  const url = `https://${ref}.supabase.co`;
  const holders: Array<{ envs?: AppEnv[] }> = [spec, ...components(spec)];
  let keysSet = false;
  for (const holder of holders) {
    for (const env of holder.envs ?? []) {
      if (env.key === 'SUPABASE_URL') {
        env.value = url;
        env.type = 'GENERAL';
      } else if (/SUPABASE.*ANON/i.test(env.key)) {
        Object.assign(env, { value: keys.anon, type: 'SECRET' });
        keysSet = true;
      } else if (/SUPABASE.*SERVICE/i.test(env.key)) {
        Object.assign(env, { value: keys.serviceRole, type: 'SECRET' });
        keysSet = true;
      }
    }
  }
  const withUrl = holders.find((h) => h.envs?.some((e) => e.key === 'SUPABASE_URL'));
  const target = withUrl ?? spec;
  if (!withUrl)
    (target.envs ??= []).push({ key: 'SUPABASE_URL', value: url, scope: 'RUN_AND_BUILD_TIME', type: 'GENERAL' });
  if (!keysSet)
    (target.envs ??= []).push(
      { key: 'SUPABASE_ANON_KEY', value: keys.anon, scope: 'RUN_AND_BUILD_TIME', type: 'SECRET' },
      { key: 'SUPABASE_SERVICE_ROLE_KEY', value: keys.serviceRole, scope: 'RUN_TIME', type: 'SECRET' },
    );
}
