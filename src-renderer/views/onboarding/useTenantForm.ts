// The new-tenant form's fields, the suggestions they start with (hostname, organization, Supabase
// region from the template), the problems found while typing, and the planTenant request they
// make. Form text lives here, in the component's memory; the plan lives in the onboarding store.
import { useMemo, useState } from 'react';
import type { OnboardingRequest, SupabaseInstanceSize, SupabaseRegion, TenantRow } from '../../../src-preload/contract';
import { SUPABASE_REGIONS } from '../../../src-preload/contract/onboarding';
import { appNameProblem } from '../../specSchema/tenantNames';
import type { OrganizationChoice } from '../../stores/onboardingStore';
import { hostnameProblem, registryParameters, REGISTRY_SQL, suggestHostname, zoneOf } from './onboardingModel';

export interface TenantFormInput {
  tenants: readonly TenantRow[];
  organizations?: readonly OrganizationChoice[];
  zones?: readonly string[];
  /** Supabase projects a registry row may go to, by ref. */
  registryProjects: ReadonlyArray<{ ref: string; name: string }>;
  /** The last plan's SECRET envs that need a value from the founder (never copied from the template). */
  secretKeys: readonly string[];
}

export interface RegistryFields {
  on: boolean;
  ref: string;
  sql: string;
  /** undefined: follow the hostname. */
  parameters?: string[];
}

const isRegion = (region: string | undefined): region is SupabaseRegion =>
  (SUPABASE_REGIONS as readonly string[]).includes(region ?? '');

export function useTenantForm({ tenants, organizations, zones, registryProjects, secretKeys }: TenantFormInput) {
  const [templateAppId, setTemplateAppId] = useState('');
  const [name, setName] = useState('');
  // undefined: follow the suggestion until the founder types their own.
  const [typedHostname, setHostname] = useState<string>();
  const [region, setRegion] = useState('');
  const [organization, setOrganization] = useState<string>();
  const [supabaseRegion, setSupabaseRegion] = useState<SupabaseRegion>();
  const [instanceSize, setInstanceSize] = useState<SupabaseInstanceSize | ''>('');
  const [registry, setRegistry] = useState<RegistryFields>({ on: false, ref: '', sql: REGISTRY_SQL });
  // In this form's memory only; main keeps them in the keychain for the run, never in a file.
  const [secrets, setSecrets] = useState<Record<string, string>>({});

  const template = tenants.find((t) => t.appId === templateAppId);
  const project = template?.supabase?.project;
  const hostname = typedHostname ?? suggestHostname(template, name);
  // The template's organization and region until the founder picks others.
  const organizationSlug =
    organization ??
    organizations?.find((o) => o.name === project?.organization || o.slug === project?.organization)?.slug ??
    '';
  const projectRegion = supabaseRegion ?? (isRegion(project?.region) ? project.region : undefined);
  // TaskifAI's central login keeps its tenants in a project named like "TaskifAI-Registry".
  const group = template?.group.toLowerCase();
  const registryRef =
    registry.ref ||
    registryProjects.find((p) => group && /central|registry/i.test(p.name) && p.name.toLowerCase().startsWith(group))
      ?.ref ||
    '';
  const parameters = registry.parameters ?? registryParameters(hostname);

  const problems = useMemo(() => {
    const taken = tenants.some((t) => t.name === name);
    const hostTaken = tenants.find((t) => t.domains.some((d) => d.name === hostname));
    const hostFormat = hostname ? hostnameProblem(hostname) : undefined;
    const zone = zones && hostname && !hostFormat ? zoneOf(hostname, zones) : undefined;
    return {
      name: name ? (taken ? `A tenant named ${name} already exists.` : appNameProblem(name)) : undefined,
      hostname: hostFormat ?? (hostTaken ? `${hostname} is already ${hostTaken.name}’s domain.` : undefined),
      // Not a refusal here: the plan checks the zone against the account in its own words.
      zone:
        zones && hostname && !hostFormat && !zone
          ? `No DNS zone of this account holds ${hostname} (zones: ${zones.join(', ') || 'none'}).`
          : undefined,
      zoneName: zone,
    };
  }, [tenants, name, hostname, zones]);

  const request: OnboardingRequest = {
    name,
    hostname,
    templateAppId,
    ...(region ? { region } : {}),
    supabase: {
      organizationSlug,
      region: projectRegion ?? 'us-east-1',
      ...(instanceSize ? { instanceSize } : {}),
    },
    ...(registry.on && registryRef ? { registry: { ref: registryRef, sql: registry.sql, parameters } } : {}),
  };
  const given = secretKeys.filter((key) => secrets[key]).map((key) => ({ key, value: secrets[key]! }));
  if (given.length > 0) request.secrets = given;

  const complete =
    !!template &&
    !!name &&
    !!hostname &&
    !!organizationSlug &&
    !!projectRegion &&
    !problems.name &&
    !problems.hostname &&
    (!registry.on || (!!registryRef && registry.sql.trim() !== ''));

  return {
    template,
    templateAppId,
    setTemplateAppId,
    name,
    setName,
    hostname,
    hostnameSuggested: typedHostname === undefined,
    setHostname,
    region,
    setRegion,
    organizationSlug,
    setOrganization,
    supabaseRegion: projectRegion,
    setSupabaseRegion,
    instanceSize,
    setInstanceSize,
    registry: { ...registry, ref: registryRef, parameters },
    setRegistry: (change: Partial<RegistryFields>) => setRegistry({ ...registry, ...change }),
    secretKeys,
    secrets,
    setSecret: (key: string, value: string) => setSecrets({ ...secrets, [key]: value }),
    problems,
    request,
    complete,
  };
}

export type TenantForm = ReturnType<typeof useTenantForm>;
