import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specVersion } from '../../../src-main/services/deploys/scale';
import { editScalars, parseSpecYaml, specToYaml } from '../../../src-main/services/specs/yamlSpec';
import { fixture, specsWithSandbox } from '../../support/specs';

const COMMENTED = fixture('taskifai-demo.app.yaml');

describe('the founder keeps .do/app.yaml in the repo, comments and all', () => {
  it('reads the live spec in the form `doctl apps spec get` prints, with the version scale checks', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const live = await specs.getSpec(demo.app.id!);
    expect(live.appName).toBe('taskifai-demo');
    expect(parse(live.yaml)).toEqual(demo.app.spec);
    expect(live.specVersion).toBe(specVersion(demo.app));
    // sigs.k8s.io/yaml: keys sorted, list items flush with their key, no anchors.
    const topKeys = live.yaml
      .split('\n')
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(topKeys).toEqual([...topKeys].sort());
    expect(live.yaml).toMatch(/^services:\n- dockerfile_path: backend\/Dockerfile$/m);
    expect(live.yaml).not.toMatch(/[&*]a\d/);
  });

  it('imports the commented file and gets it back byte for byte: draft, disk, and a fresh start', async () => {
    const { specs, make, appNamed, filesOnDisk } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = await specs.importDraft(appId, COMMENTED);
    expect(draft.yaml).toBe(COMMENTED);
    expect(draft.origin).toBe('import');
    await specs.saveDraft(appId, draft.yaml);
    const onDisk = filesOnDisk().filter((f) => f.path.endsWith(`${appId}.json`));
    expect(onDisk).toHaveLength(1);
    expect(JSON.parse(onDisk[0]!.text).yaml).toBe(COMMENTED);
    expect((await make().openDraft(appId)).yaml).toBe(COMMENTED);
  });

  it('an edit rewrites only the value it changes; every comment and the key order stay', () => {
    const edited = editScalars(COMMENTED, [
      { path: ['services', 0, 'instance_count'], value: '2' },
      { path: ['envs', 0, 'value'], value: 'TaskifAI Analytics Platform - Demo EU' },
      { path: ['ingress', 'rules', 0, 'component', 'name'], value: 'demo-api-v2' },
    ]);
    const before = COMMENTED.split('\n');
    const after = edited.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.map((line, i) => [before[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['    value: "TaskifAI Analytics Platform - Demo"', '    value: "TaskifAI Analytics Platform - Demo EU"'],
      ['    instance_count: 1', '    instance_count: "2"'],
      [
        '      component: {name: demo-api, preserve_path_prefix: true}',
        '      component: {name: demo-api-v2, preserve_path_prefix: true}',
      ],
    ]);
  });

  it("a SECRET added for the draft keeps the file's comments and its sequence style", async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.importDraft(appId, COMMENTED);
    const draft = await specs.setDraftSecret({
      appId,
      component: 'demo-worker',
      key: 'SENTRY_DSN',
      value: 'https://k@sentry.example/1',
    });
    for (const comment of COMMENTED.split('\n').filter((l) => l.includes('#'))) {
      expect(draft.yaml).toContain(comment.replace(/ {2,}#/, ' #').trim());
    }
    expect(draft.yaml).toMatch(
      / {2}- name: demo-worker[\s\S]*envs:\n {6}- key: SENTRY_DSN\n {8}scope: RUN_AND_BUILD_TIME\n {8}type: SECRET/,
    );
    expect(draft.pendingSecrets).toEqual(['demo-worker/SENTRY_DSN']);
    expect(draft.yaml).not.toContain('sentry.example');
  });

  it('locates a YAML mistake by line and column, and never loses the text that has it', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const broken = COMMENTED.replace(
      '    instance_count: 1\n    health_check:',
      '    instance_count: 1\n   health_check:',
    );
    const parsed = parseSpecYaml(broken);
    const line = broken.split('\n').indexOf('   health_check:') + 1;
    expect(parsed.problems[0]).toMatchObject({ source: 'yaml', severity: 'error', line });
    await specs.openDraft(appId);
    await specs.saveDraft(appId, broken);
    expect((await specs.openDraft(appId)).yaml).toBe(broken);
    await expect(specs.importDraft(appId, broken)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining(`line ${line}`),
    });
  });

  it('refuses a file written for another tenant, and keeps the current draft', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-bibbi').app.id!;
    const mine = await specs.openDraft(appId);
    await specs.saveDraft(appId, mine.yaml.replace('instance_count: 2', 'instance_count: 3'));
    await expect(specs.importDraft(appId, COMMENTED)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/describes "taskifai-demo", not "taskifai-bibbi": nothing was imported/),
    });
    expect((await specs.openDraft(appId)).yaml).toContain('instance_count: 3');
  });

  it('prints an API spec without aliases even where the spec shares objects', () => {
    const github = { repo: 'taskifai/taskifai-platform', branch: 'main' };
    const yaml = specToYaml({ name: 'x', services: [{ name: 'a', github }], workers: [{ name: 'b', github }] });
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(parse(yaml)).toEqual({ name: 'x', services: [{ name: 'a', github }], workers: [{ name: 'b', github }] });
  });
});

describe('the fixture', () => {
  it('is the commented, hand-ordered kind of file a repo holds', () => {
    expect(
      readFileSync(new URL('./fixtures/taskifai-demo.app.yaml', import.meta.url), 'utf8').match(/#/g)!.length,
    ).toBeGreaterThan(5);
  });
});
