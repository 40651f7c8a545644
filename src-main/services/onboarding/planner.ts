// The plan of a new tenant, made before anything is created: every step in words, the new monthly
// cost (the template's spec priced by DigitalOcean for the new name, plus the project's Supabase
// compute), and every reason to refuse it — a taken app or project name, a hostname that is not
// one or that another app serves, a zone the account does not hold, a Free org at its limit.
import { randomUUID } from 'node:crypto';
import type {
  OnboardingPlan,
  OnboardingPlanStep,
  OnboardingProblem,
  OnboardingRequest,
  SupabasePlan,
} from '../../../src-preload/contract';
import { HOSTNAME_PATTERN } from '../../../src-preload/contract/namePatterns';
import type { AppSpec } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { proposedCost } from '../../clients/digitalocean/client';
import { computePrice } from '../costs/supabasePlans';
import { domainsInUse } from '../specs/tenantTemplate';
import { primarySupabaseReference } from '../tenants/supabaseRefs';
import type { OnboardingDomainDeps } from './index';
import { healthPathOf, secretPlan, tenantSpec } from './tenantSpec';

/** The docs: a Free plan allows two active projects per user (paused ones do not count). */
export const FREE_PROJECT_LIMIT = 2;

export interface MadePlan {
  plan: OnboardingPlan;
  templateRef: string;
  /** The request's SECRET values, for the keychain when the run starts; never in the plan. */
  secretValues: Array<{ key: string; value: string }>;
}

type PlanDeps = Pick<OnboardingDomainDeps, 'client' | 'dns' | 'supabase'>;

export async function makePlan(deps: PlanDeps, request: OnboardingRequest): Promise<MadePlan> {
  const problems: OnboardingProblem[] = [];
  const refuse = (kind: OnboardingProblem['kind'], message: string) => problems.push({ kind, message });
  const supabase = await deps.supabase();
  if (!supabase)
    throw new ApiError({
      code: 'unauthorized',
      message: 'This context has no Supabase account: add a Supabase token in Settings → Accounts to onboard a tenant.',
    });
  const hostname = request.hostname.trim().toLowerCase();
  const [apps, template] = await Promise.all([
    deps.client.listApps(),
    deps.client.getApp(request.templateAppId).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_found') return undefined;
      throw error;
    }),
  ]);

  if (apps.some((a) => a.spec.name === request.name))
    refuse('app_name_taken', `An app named "${request.name}" already exists: choose another name.`);
  if (!template) refuse('template_not_found', 'The template tenant no longer exists: choose another.');
  const templateRef = template ? primarySupabaseReference(template.spec)?.ref : undefined;
  if (template && !templateRef)
    refuse(
      'template_has_no_supabase',
      `${template.spec.name} names no Supabase project (no SUPABASE_URL): its migrations cannot be copied.`,
    );

  const validHost = HOSTNAME_PATTERN.test(hostname) && !hostname.endsWith('.') && hostname.split('.').length >= 3;
  if (!validHost)
    refuse(
      'invalid_hostname',
      `"${request.hostname}" is not a valid hostname for a tenant: use lowercase letters, digits and dashes, such as acme.example.com.`,
    );
  const owner = domainsInUse(apps).get(hostname);
  if (validHost && owner) refuse('hostname_taken', `${hostname} is already served by ${owner}.`);

  const dns = validHost
    ? await dnsPlan(deps, hostname, refuse)
    : { zone: '', record: '', action: 'create_cname' as const };

  const [organization, migrations, registryName] = await Promise.all([
    organizationPlan(supabase, request, refuse),
    templateRef ? supabase.listMigrations(templateRef) : Promise.resolve([]),
    request.registry ? registryProjectName(supabase, request.registry.ref, refuse) : Promise.resolve(undefined),
  ]);

  const spec = template ? tenantSpec(template.spec, request, hostname, apps) : undefined;
  const digitalocean = spec && !problems.some((p) => p.kind === 'app_name_taken') ? await priceOf(deps, spec) : 0;
  const size = request.supabase.instanceSize ?? (organization.plan === 'free' ? 'nano' : 'micro');
  const price = computePrice(size, organization.plan as SupabasePlan);
  const supabaseMonthly = price.monthly ?? 0;
  const healthPath = template ? healthPathOf(template.spec) : '/';
  const secrets = template ? secretPlan(template.spec, new Set((request.secrets ?? []).map((s) => s.key))) : [];
  for (const secret of secrets.filter((s) => s.how === 'missing'))
    refuse('secret_missing', `${secret.key} is a SECRET of the template, never copied: give the new tenant its value.`);
  // The values stay with the service (then the keychain); the plan the window sees names only keys.
  const { secrets: _values, ...shownRequest } = request;
  const plan: OnboardingPlan = {
    planId: randomUUID(),
    request: { ...shownRequest, hostname },
    templateName: template?.spec.name ?? request.templateAppId,
    steps: planSteps(request, hostname, migrations.length, dns, healthPath),
    migrations: migrations.map((m) => ({ version: m.version, ...(m.name ? { name: m.name } : {}) })),
    ...(request.registry
      ? { registry: { ...request.registry, ...(registryName ? { projectName: registryName } : {}) } }
      : {}),
    secrets,
    dns,
    healthPath,
    cost: {
      digitalocean: { min: digitalocean, max: digitalocean },
      supabase: supabaseMonthly,
      total: { min: digitalocean + supabaseMonthly, max: digitalocean + supabaseMonthly },
      note: `${organization.name} (${organization.plan} plan): ${size} compute $${supabaseMonthly}/mo${price.note ? `. ${price.note}` : ''}`,
    },
    organization,
    problems,
  };
  return { plan, templateRef: templateRef ?? '', secretValues: request.secrets ?? [] };
}

async function dnsPlan(
  deps: PlanDeps,
  hostname: string,
  refuse: (kind: OnboardingProblem['kind'], message: string) => void,
): Promise<OnboardingPlan['dns']> {
  const domains = await deps.dns.listDomains();
  const zone = domains
    .map((d) => d.name)
    .filter((name) => hostname.endsWith(`.${name}`))
    .sort((a, b) => b.length - a.length)[0];
  if (!zone) {
    refuse(
      'zone_not_found',
      `None of this account's DNS domains holds ${hostname}: add its domain to DigitalOcean DNS first.`,
    );
    return { zone: '', record: '', action: 'create_cname' };
  }
  const record = hostname.slice(0, -(zone.length + 1));
  const records = await deps.dns.listRecords(zone);
  const own = records.find((r) => r.name === record);
  if (own && own.type !== 'CNAME')
    refuse(
      'hostname_taken',
      `${hostname} already has a ${own.type} record (${own.data}): remove it or pick another hostname.`,
    );
  if (own) return { zone, record, action: 'existing_record', covering: `${own.type} ${own.data}` };
  const wildcard = records.find((r) => r.name === '*' && r.type === 'CNAME');
  // A wildcard covers the tenant only if it points at the new app, which does not exist yet: the
  // DNS step decides then, and makes a record of its own when the wildcard points elsewhere.
  return { zone, record, action: 'create_cname', ...(wildcard ? { covering: `* CNAME ${wildcard.data}` } : {}) };
}

type Supabase = NonNullable<Awaited<ReturnType<PlanDeps['supabase']>>>;

async function organizationPlan(
  supabase: Supabase,
  request: OnboardingRequest,
  refuse: (kind: OnboardingProblem['kind'], message: string) => void,
): Promise<OnboardingPlan['organization']> {
  const slug = request.supabase.organizationSlug;
  const organizations = await supabase.listOrganizations();
  const details = await Promise.all(
    organizations.map(async (o) => ({
      slug: o.slug,
      name: o.name,
      plan: (await supabase.getOrganization(o.slug)).plan ?? 'free',
    })),
  );
  const chosen = details.find((o) => o.slug === slug);
  if (!chosen) {
    refuse('org_project_limit', `The Supabase account has no organization "${slug}".`);
    return { slug, name: slug, plan: 'unknown', activeProjects: 0 };
  }
  const projects = await supabase.listOrganizationProjects(slug);
  if (projects.some((p) => p.name.toLowerCase() === request.name.toLowerCase()))
    refuse('supabase_name_taken', `${chosen.name} already has a Supabase project named "${request.name}".`);
  const active = (list: typeof projects) =>
    list.filter((p) => p.status !== 'INACTIVE' && p.status !== 'REMOVED').length;
  if (chosen.plan !== 'free') return { ...chosen, activeProjects: active(projects) };
  // The Free limit counts active projects over every Free org the user administers.
  const free = details.filter((o) => o.plan === 'free');
  const counts = await Promise.all(
    free.map(async (o) =>
      o.slug === slug ? active(projects) : active(await supabase.listOrganizationProjects(o.slug)),
    ),
  );
  const activeProjects = counts.reduce((a, b) => a + b, 0);
  if (activeProjects >= FREE_PROJECT_LIMIT)
    refuse(
      'org_project_limit',
      `${chosen.name} is on the Free plan, which allows ${FREE_PROJECT_LIMIT} active projects, and ${activeProjects} are active: pause one or upgrade the organization.`,
    );
  return { ...chosen, activeProjects, projectLimit: FREE_PROJECT_LIMIT };
}

async function registryProjectName(
  supabase: Supabase,
  ref: string,
  refuse: (kind: OnboardingProblem['kind'], message: string) => void,
): Promise<string | undefined> {
  try {
    return (await supabase.getProject(ref)).name;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'not_found') throw error;
    refuse('invalid_registry', `The registry project ${ref} is not one this Supabase account can see.`);
    return undefined;
  }
}

async function priceOf(deps: PlanDeps, spec: AppSpec): Promise<number> {
  // A refusal here (the spec itself is wrong) leaves the price unknown rather than the plan unmade.
  return deps.client.propose(spec).then(proposedCost, () => 0);
}

function planSteps(
  request: OnboardingRequest,
  hostname: string,
  migrations: number,
  dns: OnboardingPlan['dns'],
  healthPath: string,
): OnboardingPlanStep[] {
  const size = request.supabase.instanceSize ?? 'default size';
  const steps: OnboardingPlanStep[] = [
    {
      kind: 'supabase_project',
      title: `Create Supabase project ${request.name} (${request.supabase.region}, ${size})`,
      detail: 'Waits until the project is ACTIVE_HEALTHY. A generated database password is kept in the keychain.',
    },
    {
      kind: 'api_keys',
      title: 'Read the project’s API keys',
      detail: 'Held in memory only, for the app’s SECRET envs.',
    },
    {
      kind: 'migrations',
      title: `Apply ${migrations} migrations from the template`,
      detail: 'In the template’s order; any already there are skipped.',
    },
  ];
  if (request.registry)
    steps.push({
      kind: 'registry',
      title: `Register the tenant in ${request.registry.ref}`,
      detail: request.registry.sql,
    });
  steps.push(
    {
      kind: 'app',
      title: `Create app ${request.name} from the template`,
      detail: `Domain ${hostname}; SUPABASE_URL and the keys set, the keys as SECRET envs.`,
    },
    {
      kind: 'dns',
      title:
        dns.action === 'existing_record'
          ? `Check the DNS record of ${hostname}`
          : `Point ${hostname} at the app (CNAME)`,
      ...(dns.covering ? { detail: `Now: ${dns.covering}` } : {}),
    },
    { kind: 'healthy', title: `Wait for the deployment and ${healthPath} to answer` },
  );
  return steps;
}
