import { describe, expect, it } from 'vitest';
import { fixture, specsWithSandbox } from '../../support/specs';

const COMMENTED = fixture('taskifai-demo.app.yaml');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const proposals = (requests: string[]) => requests.filter((r) => r === 'POST /v2/apps/propose').length;

describe('the founder checks a draft before applying it', () => {
  it("gets the API's refusal at the line of the field it names, though the API gives no list index", async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    // basic-xxs runs a single instance: only the API knows that, and says so for workers.0.
    const draft = COMMENTED.replace(
      'instance_size_slug: basic-xxs\n    instance_count: 1',
      'instance_size_slug: basic-xxs\n    instance_count: 2',
    );
    const result = await specs.validateDraft(appId, draft);
    expect(result.valid).toBe(false);
    const line =
      draft.split('\n').findIndex((l, i, all) => l === '    instance_count: 2' && all[i - 1]?.includes('basic-xxs')) +
      1;
    expect(result.problems).toEqual([
      {
        source: 'api',
        severity: 'error',
        message:
          'error validating app spec field "workers.instance_count": instance size "apps-s-1vcpu-0.5gb" allows a single instance only (component "demo-worker")',
        path: 'workers.0.instance_count',
        line,
        column: 5,
      },
    ]);
  });

  it('an out-of-range count is flagged at once and by the API, both at its line', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = COMMENTED.replace(
      'instance_size_slug: professional-xs   # 1 GB: pandas needs the room\n    instance_count: 1',
      'instance_size_slug: professional-xs   # 1 GB: pandas needs the room\n    instance_count: 300',
    );
    const { problems } = await specs.validateDraft(appId, draft);
    const line = lineOf(draft, 'instance_count: 300');
    expect(problems.find((p) => p.source === 'api')).toMatchObject({
      path: 'services.0.instance_count',
      line,
      message: expect.stringContaining('must be between 1 and 250'),
    });
    expect(problems.find((p) => p.source === 'schema')).toMatchObject({
      path: 'services.0.instance_count',
      line,
      severity: 'error',
    });
  });

  it('a local check is a hint the API overrules; only a SECRET left without a value stops the spec', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    // The local check cannot find the route's target; the sandbox's API does not check routes and takes the spec.
    const routed = COMMENTED.replace('component: {name: demo-api,', 'component: {name: demo-api-v2,');
    const hinted = await specs.validateDraft(appId, routed);
    expect(hinted.problems).toEqual([
      expect.objectContaining({
        source: 'schema',
        severity: 'error',
        path: 'ingress.rules.0.component.name',
        line: lineOf(routed, 'demo-api-v2'),
      }),
    ]);
    expect(hinted.valid).toBe(true);
    // An emptied SECRET is taken by the API too, but would wipe the secret: that one is a gate.
    const encrypted = /value: (EV\[1:[^\]]+\])/.exec(COMMENTED)![1]!;
    const emptied = await specs.validateDraft(appId, COMMENTED.replace(encrypted, '""'));
    expect(emptied.problems).toEqual([
      expect.objectContaining({
        source: 'schema',
        severity: 'error',
        message: expect.stringMatching(/SECRET_KEY is a SECRET with no value/),
      }),
    ]);
    expect(emptied.valid).toBe(false);
  });

  it('a YAML mistake is answered locally, without asking the API', async () => {
    const { specs, appNamed, sandbox } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const before = proposals(sandbox.requests);
    const draft = COMMENTED.replace('region: fra', 'region: fra\nregion: ams');
    const result = await specs.validateDraft(appId, draft);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      {
        source: 'yaml',
        severity: 'error',
        message: 'Map keys must be unique',
        line: lineOf(draft, 'region: ams'),
        column: 1,
      },
    ]);
    expect(proposals(sandbox.requests)).toBe(before);
  });

  it('sees the monthly cost before and after, as the API prices the two specs', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = (await specs.openDraft(appId)).yaml.replace(
      'instance_size_slug: professional-xs',
      'instance_size_slug: apps-s-1vcpu-2gb',
    );
    const result = await specs.validateDraft(appId, draft);
    expect(result).toMatchObject({ valid: true, problems: [] });
    // professional-xs is priced as apps-s-1vcpu-1gb ($12); apps-s-1vcpu-2gb is $25.
    expect(result.monthlyCostAfter! - result.monthlyCostBefore!).toBe(13);
  });

  it('is warned, at the line, that a different name would rename the app, and told of unknown fields', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = COMMENTED.replace('name: taskifai-demo', 'name: taskifai-demo2').replace(
      'region: fra',
      'region: fra\nautoscale_all: true',
    );
    const { problems } = await specs.validateDraft(appId, draft);
    expect(problems).toContainEqual(
      expect.objectContaining({
        source: 'schema',
        severity: 'warning',
        path: 'name',
        line: lineOf(draft, 'name: taskifai-demo2'),
        message: expect.stringMatching(/renames the app/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', path: 'autoscale_all', line: lineOf(draft, 'autoscale_all') }),
    );
  });

  it('a rate limit or a revoked token fails the check in words and leaves the draft as it was', async () => {
    const { specs, appNamed, sandbox, token } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.importDraft(appId, COMMENTED);
    sandbox.faults.inject({
      method: 'POST',
      pathPrefix: '/v2/apps/propose',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 90,
    });
    await expect(specs.validateDraft(appId, COMMENTED)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 90,
    });
    sandbox.state.tokens.delete(token);
    await expect(specs.validateDraft(appId, COMMENTED)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(specs.saveDraft(appId, COMMENTED)).resolves.toMatchObject({ savedAt: expect.any(String) });
    expect((await specs.openDraft(appId)).yaml).toBe(COMMENTED);
  });

  it('offers the live size and region lists as hints', async () => {
    const { specs } = await specsWithSandbox();
    const hints = await specs.getSpecHints();
    expect(hints.instanceSizes).toContainEqual({
      slug: 'apps-s-1vcpu-1gb',
      label: expect.any(String),
      usdPerMonth: 12,
    });
    expect(hints.regions.map((r) => r.slug)).toEqual(expect.arrayContaining(['fra', 'ams', 'nyc']));
  });
});

describe('the apply preview', () => {
  it('shows the live spec and says when it changed since the draft was started', async () => {
    const { specs, appNamed, client } = await specsWithSandbox();
    const record = appNamed('taskifai-bibbi');
    const draft = await specs.openDraft(record.app.id!);
    const edited = draft.yaml.replace('instance_count: 2', 'instance_count: 3');
    await specs.saveDraft(record.app.id!, edited);
    const fresh = await specs.previewApply(record.app.id!, edited);
    expect(fresh).toMatchObject({
      stale: false,
      valid: true,
      liveVersion: draft.baseVersion,
      liveYaml: draft.baseYaml,
    });
    const teammate = structuredClone(record.app.spec);
    teammate.workers![0]!.instance_count = 2;
    await client.updateApp(record.app.id!, teammate);
    const stale = await specs.previewApply(record.app.id!, edited);
    expect(stale.stale).toBe(true);
    expect(stale.liveVersion).not.toBe(draft.baseVersion);
    expect(stale.liveYaml).not.toBe(draft.baseYaml);
  });
});
