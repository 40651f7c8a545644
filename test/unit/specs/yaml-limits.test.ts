// Issue #11 item 5: a hostile or runaway spec is refused at once with the limit it broke, and the
// YAML work never holds the main process's event loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { SPEC_LIMITS } from '../../../src-main/services/specs/yamlLimits';
import { parseSpecYaml } from '../../../src-main/services/specs/yamlSpec';
import { yamlThread } from '../../../src-main/services/specs/yamlThread';
import type { FleetSnapshot, Result, SpecDraft } from '../../../src-preload/contract';
import { fixture, specsWithSandbox } from '../../support/specs';
import { aliasBomb, largestAllowedSpec, manyKeysSpec } from './fixtures/hostileSpecs';

const COMMENTED = fixture('taskifai-demo.app.yaml');

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.dispose();
  runtime = undefined;
});

describe('a spec far larger than any App Spec', () => {
  it('256 KiB of 27,000 keys is refused at once, naming the limit, and the draft on disk stays', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const hostile = manyKeysSpec();
    expect(hostile.length).toBeGreaterThanOrEqual(256 * 1024);
    const draft = await specs.openDraft(appId);
    const started = performance.now();
    const limit = expect.stringMatching(/more than 20,000 keys and values; Fleetdeck reads specs up to 20,000/);
    await expect(specs.importDraft(appId, hostile)).rejects.toMatchObject({ code: 'invalid_argument', message: limit });
    await expect(specs.saveDraft(appId, hostile)).rejects.toMatchObject({ code: 'invalid_argument', message: limit });
    const checked = await specs.validateDraft(appId, hostile);
    expect(checked.valid).toBe(false);
    expect(checked.problems).toEqual([expect.objectContaining({ source: 'yaml', severity: 'error', message: limit })]);
    // Each of these took 11–14 s before the limits; a generous bound, not a benchmark.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await specs.openDraft(appId)).yaml).toBe(draft.yaml);
  });

  it('over 512 KiB is refused before it is read', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const huge = `${COMMENTED}# ${'x'.repeat(SPEC_LIMITS.bytes)}\n`;
    await expect(specs.importDraft(appId, huge)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^The spec is 51\d KiB; Fleetdeck reads specs up to 512 KiB/),
    });
  });

  it('the largest spec within the limits is read, checked by the API and saved', async () => {
    const { specs, appNamed, filesOnDisk } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const big = largestAllowedSpec();
    await specs.openDraft(appId);
    const checked = await specs.validateDraft(appId, big);
    expect(checked.problems.filter((p) => p.source === 'yaml')).toEqual([]);
    expect(checked.monthlyCostAfter).toBeGreaterThan(0);
    await specs.saveDraft(appId, big);
    expect(filesOnDisk().some((f) => f.text.includes(JSON.stringify(big)))).toBe(true);
  });
});

describe('an alias bomb (billion laughs)', () => {
  const bomb = expect.stringMatching(/aliases \(\*name\) expand to more than 20,000 keys and values.*alias bomb/);

  it('is refused as invalid_argument with a clear message, in every door the editor has', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.openDraft(appId);
    await expect(specs.importDraft(appId, aliasBomb())).rejects.toMatchObject({
      code: 'invalid_argument',
      message: bomb,
    });
    await expect(specs.saveDraft(appId, aliasBomb())).rejects.toMatchObject({
      code: 'invalid_argument',
      message: bomb,
    });
    await expect(specs.applyDraft(appId, aliasBomb(), 'any')).rejects.toMatchObject({
      code: 'invalid_argument',
      message: bomb,
    });
    await expect(specs.createTenantApp(aliasBomb())).rejects.toMatchObject({ code: 'invalid_argument', message: bomb });
    expect(await specs.validateDraft(appId, aliasBomb())).toMatchObject({
      valid: false,
      problems: [expect.objectContaining({ message: bomb, line: expect.any(Number) })],
    });
  });

  it('reaches the window as invalid_argument, never internal', async () => {
    runtime = await startRuntime({ logger: silentLogger, dataDir: mkdtempSync(join(tmpdir(), 'fleetdeck-limits-')) });
    const fleet = (await runtime.dispatcher.call('listFleet', undefined)) as Result<FleetSnapshot>;
    const appId = fleet.ok ? fleet.value.apps.find((a) => a.name === 'taskifai-demo')!.id : '';
    const opened = (await runtime.dispatcher.call('openDraft', { appId })) as Result<SpecDraft>;
    expect(opened.ok).toBe(true);
    const answer = await runtime.dispatcher.call('importDraft', { appId, yaml: aliasBomb() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: bomb } });
  });

  it('and its kin: an alias inside the node it names, too many aliases, too deep a nesting', () => {
    const messageOf = (text: string) => parseSpecYaml(text).limit;
    expect(messageOf('name: x\nloop: &a [1, *a]\n')).toMatch(/^The alias \*a is inside the node it names/);
    const aliases = Array.from({ length: SPEC_LIMITS.aliases + 1 }, (_, i) => `k${i}: *v`).join('\n');
    expect(messageOf(`name: x\nv: &v 1\n${aliases}\n`)).toMatch(/^The spec uses more than 100 aliases/);
    expect(messageOf(`name: x\ndeep: ${'['.repeat(80)}${']'.repeat(80)}\n`)).toMatch(
      /^The spec nests more than 64 levels deep/,
    );
  });
});

describe('the main process while a big spec is read', () => {
  it('keeps running: a timer set as the reading starts fires before the reading ends', async () => {
    const big = largestAllowedSpec();
    // Warm the worker up, so what is measured is the reading alone.
    await yamlThread.run('readSpec', COMMENTED);
    let fired = false;
    const reading = yamlThread.run('checkSpec', big, {}).then((verdict) => ({ verdict, firedBefore: fired }));
    setTimeout(() => (fired = true), 0);
    const { verdict, firedBefore } = await reading;
    expect(verdict.spec?.services?.[0]?.envs).toHaveLength(2_700);
    expect(firedBefore).toBe(true);
  });

  it('a spec within the limits with anchors and merge keys is read as doctl reads it', async () => {
    const yaml = `name: x\nx-env: &env {scope: RUN_TIME, type: GENERAL}\nservices:\n- name: api\n  envs:\n  - key: A\n    value: "1"\n    <<: *env\n`;
    const reading = await yamlThread.run('readSpec', yaml);
    expect(reading.spec?.services?.[0]?.envs).toEqual([{ key: 'A', value: '1', scope: 'RUN_TIME', type: 'GENERAL' }]);
  });
});
