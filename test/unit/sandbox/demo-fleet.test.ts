import { describe, expect, it } from 'vitest';
import { buildDemoFleet } from '../../../src-main/sandbox/seed/demoFleet';
import { buildSyntheticFleet } from '../../../src-main/sandbox/seed/synthetic';
import { validateSpec } from '../../../src-main/sandbox/specValidation';
import { FIXED_NOW } from '../../support/sandbox';

describe('the demo fleet modelled on the seeds', () => {
  const fleet = buildDemoFleet({ nowMs: FIXED_NOW });

  it('is the same on every run', () => {
    expect(JSON.stringify(buildDemoFleet({ nowMs: FIXED_NOW }))).toBe(JSON.stringify(fleet));
  });

  it('has the products of the seeds, each app with a valid spec the sandbox accepts back', () => {
    expect(new Set(fleet.map((r) => r.tenantGroup))).toEqual(
      new Set(['TaskifAI', 'InsightPulse', 'Multivio', 'Presence360', 'Task Assistant AI']),
    );
    for (const record of fleet) expect(validateSpec(record.app.spec), record.app.spec.name).toBeUndefined();
  });

  it('keeps every secret encrypted, never in clear', () => {
    const secrets = fleet.flatMap((r) =>
      [
        ...(r.app.spec.services ?? []),
        ...(r.app.spec.workers ?? []),
        ...(r.app.spec.envs ? [{ envs: r.app.spec.envs }] : []),
      ]
        .flatMap((c) => c.envs ?? [])
        .filter((e) => e.type === 'SECRET'),
    );
    expect(secrets.length).toBeGreaterThan(10);
    for (const s of secrets) expect(s.value).toMatch(/^EV\[1:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{40}\]$/);
  });

  it('has history worth looking at: failures, a cancel, a build in progress, a pinned rollback', () => {
    const phases = fleet.flatMap((r) => r.deployments.map((d) => d.phase));
    expect(phases).toEqual(expect.arrayContaining(['ACTIVE', 'SUPERSEDED', 'ERROR', 'CANCELED', 'BUILDING']));
    expect(fleet.filter((r) => r.pinnedDeploymentId)).toHaveLength(1);
  });
});

describe('a synthetic fleet for benchmarks', () => {
  it('makes as many valid tenant apps as asked, with unique names and ids', () => {
    const fleet = buildSyntheticFleet({ count: 250, nowMs: FIXED_NOW });
    expect(fleet).toHaveLength(250);
    expect(new Set(fleet.map((r) => r.app.spec.name)).size).toBe(250);
    expect(new Set(fleet.map((r) => r.app.id)).size).toBe(250);
    for (const record of fleet.slice(0, 20)) expect(validateSpec(record.app.spec)).toBeUndefined();
  });
});
