// A new tenant from an existing tenant's spec (seed 000: demo → bibbi → customer3, one app per
// customer). The copy gets the new name and the template's slug replaced in names, domains and
// env values. Nothing that belongs to the template alone comes along: SECRET values are never
// copied (they are left empty, to be set), and a domain that would still be the template's is
// dropped rather than fought over.
import type { SpecProblem, TemplateLeftover, TenantTemplateRequest } from '../../../src-preload/contract';
import type { AppEnv, AppSpec } from '../../clients/digitalocean/types';
import { COMPONENT_GROUPS } from './secrets';

type Named = { name?: string; envs?: AppEnv[] };
type IngressRule = NonNullable<NonNullable<AppSpec['ingress']>['rules']>[number];

export interface TenantCopy {
  spec: AppSpec;
  /** Things the founder should know about the copy; located later, in the printed YAML. */
  notes: SpecProblem[];
  leftovers: TemplateLeftover[];
}

/** `usedDomains`: hostnames other apps of the fleet already serve, with the app that serves them. */
export function tenantFromTemplate(
  template: AppSpec,
  request: TenantTemplateRequest,
  usedDomains: ReadonlyMap<string, string>,
): TenantCopy {
  const replace = (text: string) => request.replacements.reduce((out, r) => out.split(r.from).join(r.to), text);
  const spec = structuredClone(template);
  const notes: SpecProblem[] = [];
  const leftovers: TemplateLeftover[] = [];
  const note = (severity: SpecProblem['severity'], message: string, path?: string) =>
    notes.push({ source: 'schema', severity, message, ...(path ? { path } : {}) });
  spec.name = request.name;

  for (const group of COMPONENT_GROUPS) {
    for (const component of (spec[group] ?? []) as Named[]) {
      if (component.name) component.name = replace(component.name);
    }
  }
  for (const database of spec.databases ?? []) {
    if (database.name) database.name = replace(database.name);
  }
  for (const rule of spec.ingress?.rules ?? []) replaceInRule(rule, replace);

  const domains = (spec.domains ?? []).flatMap((d) => {
    const host = replace(d.domain);
    if (host === d.domain) {
      note(
        'warning',
        `${d.domain} was left out: it is the template's own domain. Add the new tenant's domain under domains:.`,
        'domains',
      );
      return [];
    }
    const owner = usedDomains.get(host.replace(/^\*\./, ''));
    if (owner) {
      note('error', `${host} is already served by ${owner}: pick another hostname.`, 'domains');
    }
    return [{ ...d, domain: host }];
  });
  if (spec.domains) {
    if (domains.length) spec.domains = domains;
    else delete spec.domains;
  }

  const copyEnvs = (envs: AppEnv[] | undefined, where: string, component?: string) => {
    for (const env of envs ?? []) {
      if (env.type === 'SECRET') {
        // Never copied: the template's encrypted value would be the template's secret.
        env.value = '';
        continue;
      }
      if (typeof env.value !== 'string') continue;
      const next = replace(env.value);
      if (next === env.value && /\.supabase\.co\b/.test(env.value)) {
        const message = `${where}${env.key} still points at the template's Supabase project (${env.value}).`;
        note('warning', message);
        leftovers.push({ ...(component ? { component } : {}), key: env.key ?? '', value: env.value, message });
      }
      env.value = next;
    }
  };
  copyEnvs(spec.envs, '');
  for (const group of COMPONENT_GROUPS) {
    for (const component of (spec[group] ?? []) as Named[])
      copyEnvs(component.envs, `${component.name ?? '?'}: `, component.name);
  }
  return { spec, notes, leftovers };
}

function replaceInRule(rule: IngressRule, replace: (text: string) => string): void {
  if (rule.component?.name) rule.component.name = replace(rule.component.name);
  const authority = rule.match?.authority as { exact?: string } | undefined;
  if (authority?.exact) authority.exact = replace(authority.exact);
  const redirect = rule.redirect;
  if (redirect?.authority) redirect.authority = replace(redirect.authority);
}

/** Hostnames each app of the fleet serves, to spot a copy that would clash. */
export function domainsInUse(apps: ReadonlyArray<{ spec: AppSpec }>): Map<string, string> {
  const used = new Map<string, string>();
  for (const app of apps) {
    for (const d of app.spec.domains ?? []) used.set(d.domain.replace(/^\*\./, ''), app.spec.name);
  }
  return used;
}
