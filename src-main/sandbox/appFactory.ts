// POST /v2/apps in the sandbox cloud: a new app record as the platform makes one — a fresh id, a
// default ingress `https://<name>-<random>.ondigitalocean.app`, its custom domains PENDING until
// DNS points at it, and its first deployment started at once through the deploy engine. A spec
// update keeps the domains in step the same way (domainsInStep).
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppDomain, AppSpec } from '../clients/digitalocean/types';
import { SANDBOX_REGIONS } from './catalog';
import { startDeployment } from './deployEngine';
import { SANDBOX_OWNER_UUID, projectIdFor } from './seed/random';
import { tierOf } from './seed/specBuilders';
import type { AppRecord, SandboxState } from './state';

/** Apps created without a project land in the account's default project. */
const DEFAULT_GROUP = 'Default';

export function createAppRecord(state: SandboxState, spec: AppSpec, projectId?: string): AppRecord {
  const now = new Date(state.clock.now()).toISOString();
  const sibling = projectId ? [...state.apps.values()].find((r) => r.app.project_id === projectId) : undefined;
  const suffix = [...randomBytes(5)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(b % 36)).join('');
  const ingress = `https://${spec.name}-${suffix}.ondigitalocean.app`;
  const region = SANDBOX_REGIONS.find((r) => r.slug === (spec.region ?? 'nyc')) ?? SANDBOX_REGIONS[0];
  const domains = domainsInStep([], spec.domains);
  const compute = [...(spec.services ?? []), ...(spec.workers ?? [])];
  const record: AppRecord = {
    app: {
      id: randomUUID(),
      owner_uuid: SANDBOX_OWNER_UUID,
      spec: structuredClone(spec),
      ...(region ? { region: structuredClone(region) } : {}),
      tier_slug: tierOf(spec),
      default_ingress: ingress,
      live_url: ingress,
      live_url_base: ingress,
      live_domain: ingress.slice('https://'.length),
      project_id: sibling?.app.project_id ?? projectId ?? projectIdFor(DEFAULT_GROUP),
      domains,
      created_at: now,
      updated_at: now,
    },
    deployments: [],
    behaviour: Object.fromEntries(compute.map((c) => [c.name ?? '', { cpuPercent: 3, memoryPercent: 20 }])),
    tenantGroup: sibling?.tenantGroup ?? DEFAULT_GROUP,
  };
  state.apps.set(record.app.id!, record);
  const deployment = startDeployment(state, record, { cause: 'initial deployment', causeType: 'MANUAL', spec });
  // Read-only to API clients, not to the server that keeps it.
  (record.app as { last_deployment_created_at?: string }).last_deployment_created_at = deployment.created_at;
  return record;
}

type DomainSpec = NonNullable<AppSpec['domains']>[number];

/**
 * An app's domains after its spec names `wanted`, as App Platform keeps them: a hostname already
 * there keeps its id, phase, validation and certificate (with the new settings); a new one starts
 * PENDING with the TXT record that proves it; one no longer named is gone.
 */
export function domainsInStep(current: readonly AppDomain[], wanted: readonly DomainSpec[] | undefined): AppDomain[] {
  const byName = new Map(current.map((d) => [d.spec?.domain?.toLowerCase(), d]));
  return (wanted ?? []).map((d) => {
    const kept = byName.get(d.domain.toLowerCase());
    return kept ? { ...kept, spec: structuredClone(d) } : pendingDomain(d);
  });
}

function pendingDomain(d: DomainSpec): AppDomain {
  const base = d.domain.replace(/^\*\./, '');
  return {
    id: randomUUID(),
    spec: structuredClone(d),
    phase: 'PENDING',
    rotate_validation_records: false,
    validations: [{ txt_name: `_acme-challenge.${base}`, txt_value: randomBytes(32).toString('base64url') }],
  };
}

/** The platform keeps app names unique per account. */
export function nameTaken(state: SandboxState, name: string | undefined, exceptAppId?: string): boolean {
  return [...state.apps.values()].some((r) => r.app.spec.name === name && r.app.id !== exceptAppId);
}
