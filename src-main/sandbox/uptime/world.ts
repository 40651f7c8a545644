// The sandbox account's Uptime checks, their alerts and what each region has seen of the target,
// plus the account's Monitoring alert policies. Kept beside the sandbox state (one per world, like
// the app alerts' book) and seeded from the demo fleet on first use: TaskifAI's central API has
// been watched for three weeks and had one short outage; Presence360's droplets and database
// cluster carry alert policies. No check watches Task Assistant AI yet: that is Fleetdeck's to add.
import type { components } from '../../clients/digitalocean/generated';
import { seededRandom, seededUuid, type SandboxState } from '../state';

export type Check = components['schemas']['check'];
export type UptimeAlert = components['schemas']['alert'];
export type AlertPolicy = components['schemas']['alert_policy'];
export type UptimeRegion = NonNullable<NonNullable<Check['regions']>[number]>;

export const UPTIME_REGIONS: readonly UptimeRegion[] = ['us_east', 'us_west', 'eu_west', 'se_asia'];

/** A region's status from a given moment on: transitions only, oldest first. */
export interface Transition {
  at: number;
  status: 'UP' | 'DOWN';
}

export interface StoredCheck {
  check: Required<Pick<Check, 'id' | 'name' | 'type' | 'target' | 'regions' | 'enabled'>>;
  createdAt: number;
  /** Per region; a region not probed yet has none. */
  history: Partial<Record<UptimeRegion, Transition[]>>;
  lastProbeAt?: number;
  /** The probe under way, shared by reads arriving meanwhile. */
  probing?: Promise<void>;
  alerts: UptimeAlert[];
}

export interface UptimeWorld {
  checks: Map<string, StoredCheck>;
  policies: Map<string, AlertPolicy>;
  /** Emails verified on the account: alert destinations must be one of them, as the API documents. */
  verifiedEmails: Set<string>;
  nextId: () => string;
}

const worlds = new WeakMap<SandboxState, UptimeWorld>();

const DAY = 86_400_000;
const MINUTE = 60_000;

export function uptimeWorld(state: SandboxState): UptimeWorld {
  let world = worlds.get(state);
  if (!world) {
    world = seedWorld(state);
    worlds.set(state, world);
  }
  return world;
}

function seedWorld(state: SandboxState): UptimeWorld {
  const random = seededRandom(0x0b71e);
  const world: UptimeWorld = {
    checks: new Map(),
    policies: new Map(),
    verifiedEmails: new Set(['founder@taskifai.com']),
    nextId: () => seededUuid(random),
  };
  const names = new Set([...state.apps.values()].map((r) => r.app.spec.name));
  const now = state.clock.now();
  if (names.has('taskifai-central')) {
    const id = world.nextId();
    const createdAt = now - 21 * DAY;
    const outage = now - 3 * DAY - 7 * 60 * MINUTE;
    world.checks.set(id, {
      check: {
        id,
        name: 'taskifai-central central-api /api/health',
        type: 'https',
        target: 'https://app.taskifai.com/api/health',
        regions: ['us_east', 'eu_west'],
        enabled: true,
      },
      createdAt,
      history: {
        us_east: [{ at: createdAt, status: 'UP' }],
        eu_west: [
          { at: createdAt, status: 'UP' },
          { at: outage, status: 'DOWN' },
          { at: outage + 4 * MINUTE, status: 'UP' },
        ],
      },
      lastProbeAt: createdAt,
      alerts: [
        {
          id: world.nextId(),
          name: 'taskifai-central down',
          type: 'down',
          comparison: 'less_than',
          threshold: 1,
          period: '2m',
          notifications: { email: ['founder@taskifai.com'], slack: [] },
        },
      ],
    });
  }
  if (names.has('presence360-tenant')) {
    for (const email of ['platform@presence360.app']) world.verifiedEmails.add(email);
    const alerts = { email: ['platform@presence360.app'], slack: [] };
    const policy = (p: Omit<AlertPolicy, 'uuid' | 'alerts' | 'entities'> & { entities?: string[] }): void => {
      const uuid = world.nextId();
      world.policies.set(uuid, { uuid, alerts: structuredClone(alerts), entities: [], ...p });
    };
    policy({
      type: 'v1/insights/droplet/cpu',
      description: 'Presence360 API droplets: CPU high',
      compare: 'GreaterThan',
      value: 80,
      window: '5m',
      tags: ['presence360-production'],
      enabled: true,
    });
    policy({
      type: 'v1/insights/droplet/memory_utilization_percent',
      description: 'Presence360 API droplets: memory high',
      compare: 'GreaterThan',
      value: 90,
      window: '10m',
      tags: ['presence360-production'],
      enabled: true,
    });
    // Empty tags and entities: the policy covers every database cluster of the account.
    policy({
      type: 'v1/dbaas/alerts/cpu_alerts',
      description: 'Managed databases: CPU high',
      compare: 'GreaterThan',
      value: 75,
      window: '10m',
      tags: [],
      enabled: true,
    });
    policy({
      type: 'v1/dbaas/alerts/disk_utilization_alerts',
      description: 'Managed databases: disk filling up',
      compare: 'GreaterThan',
      value: 85,
      window: '30m',
      tags: [],
      enabled: false,
    });
  }
  if (names.has('task-assistant-ai')) world.verifiedEmails.add('devops@taskassistant.ai');
  return world;
}
