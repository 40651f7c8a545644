// A small fleet for the stories about what a fleet watch sends and what the window takes in: one
// service per app, $12 a month each, made active or building.
import type { FleetApp, FleetSnapshot } from '../../src-preload/contract';

export const fleetApp = (id: string, phase: 'ACTIVE' | 'BUILDING' = 'ACTIVE'): FleetApp => ({
  id,
  name: `tenant-${id}`,
  group: 'tenant',
  region: 'fra',
  components: [{ name: 'api', kind: 'service', monthlyCost: { min: 12, max: 12 } }],
  monthlyCost: { min: 12, max: 12 },
  activeDeployment: { id: `d-${id}`, phase, cause: 'manual', createdAt: '2026-12-01T10:00:00Z' },
});

export const fleetSnapshot = (fetchedAt: string, apps: FleetApp[]): FleetSnapshot => ({
  fetchedAt,
  apps,
  monthlyCost: { min: 12 * apps.length, max: 12 * apps.length },
});
