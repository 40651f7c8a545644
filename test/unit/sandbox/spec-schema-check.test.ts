import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../../src-main/clients/digitalocean/types';
import { buildDemoFleet } from '../../../src-main/sandbox/seed/demoFleet';
import { buildSyntheticFleet } from '../../../src-main/sandbox/seed/synthetic';
import { firstSchemaProblem } from '../../../src-main/sandbox/specSchemaCheck';
import { validateSpec } from '../../../src-main/sandbox/specValidation';
import { FIXED_NOW } from '../../support/sandbox';

const demoFleet = buildDemoFleet({ nowMs: FIXED_NOW });
/** A real seeded spec to break one field of at a time. */
const seeded = (): AppSpec => {
  const withDomain = demoFleet.find(
    (r) => (r.app.spec.domains ?? []).length > 0 && (r.app.spec.services ?? []).length > 0,
  );
  if (!withDomain) throw new Error('the demo fleet has no app with a domain and a service');
  return structuredClone(withDomain.app.spec);
};

describe('the sandbox checks a spec against the App Spec schema, as the API does', () => {
  it('accepts every spec of the demo fleet, live and in its deployment history', () => {
    let historySpecs = 0;
    for (const record of demoFleet) {
      expect(validateSpec(record.app.spec), record.app.spec.name).toBeUndefined();
      for (const deployment of record.deployments.filter((d) => d.spec)) {
        historySpecs++;
        expect(firstSchemaProblem(deployment.spec), `${record.app.spec.name} ${deployment.id}`).toBeUndefined();
      }
    }
    expect(historySpecs).toBeGreaterThan(demoFleet.length);
  });

  it('accepts every spec of a synthetic fleet', () => {
    for (const record of buildSyntheticFleet({ count: 250, nowMs: FIXED_NOW })) {
      expect(validateSpec(record.app.spec), record.app.spec.name).toBeUndefined();
    }
  });

  it('rejects a domain type the API does not know, naming the field and the choices', () => {
    const spec = seeded();
    (spec.domains![0] as { type: string }).type = 'PRIMARYX';
    // As the API names fields: without list indexes.
    expect(validateSpec(spec)).toBe(
      'error validating app spec field "domains.type": must be one of DEFAULT, PRIMARY, ALIAS',
    );
  });

  it('rejects a string where a boolean belongs', () => {
    const spec = { ...seeded(), enhanced_threat_control_enabled: 'falseZ' };
    expect(validateSpec(spec)).toBe(
      'error validating app spec field "enhanced_threat_control_enabled": must be a boolean, not a string',
    );
  });

  it('rejects a number where a string belongs', () => {
    const spec = seeded();
    (spec.services![0] as Record<string, unknown>).http_port = 8080;
    (spec.services![0] as Record<string, unknown>).run_command = 42;
    expect(validateSpec(spec)).toBe(
      `error validating app spec field "services.run_command": must be a string, not a number (component "${spec.services![0]!.name}")`,
    );
  });

  it('rejects a fraction where an integer belongs, before the instance-count rule', () => {
    const spec = seeded();
    delete spec.services![0]!.autoscaling;
    spec.services![0]!.instance_count = 1.5;
    expect(validateSpec(spec)).toMatch(
      /^error validating app spec field "services\.instance_count": must be an integer/,
    );
  });

  it('rejects a single value where a list belongs', () => {
    const spec = { ...seeded(), domains: 'example.com' };
    expect(firstSchemaProblem(spec)).toEqual({ path: 'domains', problem: 'must be a list, not a string' });
  });

  it('lets keys the schema does not describe through (the schema lags the live API)', () => {
    const spec = { ...seeded(), some_future_field: { anything: [1, 'two'] } };
    expect(validateSpec(spec)).toBeUndefined();
  });

  it('leaves sizes and regions to the live lists, so a new slug is not rejected twice', () => {
    const spec = { ...seeded(), region: 'nowhere' };
    expect(validateSpec(spec)).toBe('error validating app spec field "region": unknown region "nowhere"');
    expect(firstSchemaProblem({ ...seeded(), region: 'mars1' })).toBeUndefined();
  });
});
