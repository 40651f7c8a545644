// Turns a compact AppDef into the AppRecord the sandbox stores, and checks the fleet-wide
// invariants both the demo and the synthetic fleet rely on. Everything is derived from the seeded
// Rand and the caller's nowMs, so the same inputs always give the same fleet.
import type { AppDomain, AppSpec } from '../../clients/digitalocean/types';
import type { AppRecord, ComponentBehaviour } from '../state';
import { makeDeploymentHistory, type HistoryStep } from './deploymentHistory';
import { B64URL, DAY, SANDBOX_OWNER_UUID, clone, iso, projectIdFor, type Rand } from './random';
import { regionOf, tierOf } from './specBuilders';

export type DomainPhase = NonNullable<AppDomain['phase']>;

export interface AppDef {
  spec: AppSpec;
  tenantGroup: string;
  history: HistoryStep[];
  spanDays: number;
  newestAgoMinutes?: number;
  deployer?: string;
  /** Per component; unset numbers are drawn at random (mostly idle-ish). */
  behaviour?: Record<string, Partial<ComponentBehaviour>>;
  /** Domain phases by hostname; default ACTIVE. */
  domainPhases?: Record<string, DomainPhase>;
  /** Pin the newest deployment (a rollback not yet committed). */
  pinNewest?: boolean;
}

function makeDomains(r: Rand, spec: AppSpec, phases: Record<string, DomainPhase>, nowMs: number): AppDomain[] {
  return (spec.domains ?? []).map((d) => {
    const phase = phases[d.domain] ?? 'ACTIVE';
    const out: AppDomain = { id: r.uuid(), spec: clone(d), phase, rotate_validation_records: false };
    const base = d.domain.replace(/^\*\./, '');
    if (phase !== 'ACTIVE' || d.wildcard) {
      out.validations = [{ txt_name: `_acme-challenge.${base}`, txt_value: r.chars(43, B64URL) }];
    }
    if (phase === 'ACTIVE') {
      (out as { certificate_expires_at?: string }).certificate_expires_at = iso(nowMs + r.int(20 * DAY, 85 * DAY));
    }
    return out;
  });
}

export function makeApp(r: Rand, def: AppDef, nowMs: number): AppRecord {
  const id = r.uuid();
  const { deployments, createdAtMs } = makeDeploymentHistory(r, def.spec, def.history, nowMs, {
    spanDays: def.spanDays,
    ...(def.newestAgoMinutes === undefined ? {} : { newestAgoMinutes: def.newestAgoMinutes }),
    ...(def.deployer === undefined ? {} : { deployer: def.deployer }),
  });
  const phases = def.domainPhases ?? {};
  const domains = makeDomains(r, def.spec, phases, nowMs);
  const host = `${def.spec.name}-${r.chars(5)}.ondigitalocean.app`;
  const primary = def.spec.domains?.find((d) => d.type === 'PRIMARY');
  const liveHost = primary && (phases[primary.domain] ?? 'ACTIVE') === 'ACTIVE' ? primary.domain : host;

  const compute = [...(def.spec.services ?? []), ...(def.spec.workers ?? [])];
  const names = new Set(compute.map((c) => c.name ?? ''));
  for (const name of Object.keys(def.behaviour ?? {})) {
    if (!names.has(name)) throw new Error(`${def.spec.name}: behaviour for unknown component ${name}`);
  }
  const behaviour: Record<string, ComponentBehaviour> = {};
  for (const c of compute) {
    const o = def.behaviour?.[c.name ?? ''] ?? {};
    const b: ComponentBehaviour = {
      cpuPercent: o.cpuPercent ?? r.int(6, 38),
      memoryPercent: o.memoryPercent ?? r.int(28, 62),
    };
    if (o.state) b.state = o.state;
    behaviour[c.name ?? ''] = b;
  }

  const newest = deployments[0]!;
  const record: AppRecord = {
    app: {
      id,
      owner_uuid: SANDBOX_OWNER_UUID,
      spec: clone(def.spec),
      region: regionOf(def.spec.region ?? 'nyc'),
      tier_slug: tierOf(def.spec),
      default_ingress: `https://${host}`,
      live_url: `https://${liveHost}`,
      live_url_base: `https://${liveHost}`,
      live_domain: liveHost,
      project_id: projectIdFor(def.tenantGroup),
      domains,
      created_at: iso(createdAtMs),
      updated_at: newest.created_at ?? iso(nowMs),
      last_deployment_created_at: newest.created_at ?? iso(nowMs),
    },
    deployments,
    behaviour,
    tenantGroup: def.tenantGroup,
  };
  if (def.pinNewest) {
    if (newest.cause_details?.type !== 'MANUAL_ROLLBACK')
      throw new Error(`${def.spec.name}: only a rollback can be pinned`);
    record.pinnedDeploymentId = newest.id ?? '';
  }
  return record;
}

/** Every app name and every id (app, deployment, domain) must be unique across a fleet. */
export function assertFleetInvariants(fleet: readonly AppRecord[]): void {
  const names = new Set<string>();
  const ids = new Set<string>();
  const unique = (set: Set<string>, value: string | undefined, what: string) => {
    if (!value || set.has(value)) throw new Error(`duplicate or missing ${what}: ${value ?? '(none)'}`);
    set.add(value);
  };
  for (const { app, deployments } of fleet) {
    unique(names, app.spec.name, 'app name');
    unique(ids, app.id, 'id');
    for (const d of deployments) unique(ids, d.id, 'id');
    for (const d of app.domains ?? []) unique(ids, d.id, 'id');
    for (const c of [...(app.spec.services ?? []), ...(app.spec.workers ?? [])]) {
      if (c.autoscaling && (c as { instance_count?: number }).instance_count !== undefined) {
        throw new Error(`${app.spec.name}/${c.name ?? '?'}: instance_count set together with autoscaling`);
      }
    }
  }
}
