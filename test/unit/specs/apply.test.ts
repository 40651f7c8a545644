import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextFolder } from '../../../src-main/services/specs/draftStore';
import { eventually, specsWithSandbox } from '../../support/specs';

const puts = (requests: string[]) => requests.filter((r) => r.startsWith('PUT ')).length;

async function editedBibbi() {
  const setup = await specsWithSandbox();
  const record = setup.appNamed('taskifai-bibbi');
  const appId = record.app.id!;
  const draft = await setup.specs.openDraft(appId);
  const yaml = draft.yaml.replace('instance_count: 2', 'instance_count: 3');
  await setup.specs.saveDraft(appId, yaml);
  return { ...setup, record, appId, draft, yaml };
}

describe('the founder applies an edited spec', () => {
  it('is refused when a teammate changed the app since the draft was started: nothing sent, draft kept', async () => {
    const { specs, client, sandbox, record, appId, draft, yaml, deploys } = await editedBibbi();
    const teammate = structuredClone(record.app.spec);
    teammate.workers![0]!.instance_count = 2;
    await client.updateApp(appId, teammate);
    const sent = puts(sandbox.requests);
    await expect(specs.applyDraft(appId, yaml, draft.baseVersion)).rejects.toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/changed since the draft was started; nothing was sent/),
    });
    expect(puts(sandbox.requests)).toBe(sent);
    expect(record.app.spec.services![0]!.instance_count).toBe(2);
    expect((await specs.openDraft(appId)).yaml).toBe(yaml);
    expect(await deploys.audit.list({ appId, action: 'edit_spec' })).toEqual([
      expect.objectContaining({ result: 'refused' }),
    ]);
  });

  it('after a refusal, rebases the draft on the live spec and applies the merge', async () => {
    const { specs, client, record, appId, draft, yaml } = await editedBibbi();
    const teammate = structuredClone(record.app.spec);
    teammate.workers![0]!.instance_count = 2;
    await client.updateApp(appId, teammate);
    await expect(specs.applyDraft(appId, yaml, draft.baseVersion)).rejects.toMatchObject({ code: 'stale' });
    const live = await specs.getSpec(appId);
    const merged = live.yaml.replace(
      'instance_count: 2\n  instance_size_slug: apps-s-1vcpu-2gb',
      'instance_count: 3\n  instance_size_slug: apps-s-1vcpu-2gb',
    );
    expect(merged).not.toBe(live.yaml);
    const rebased = await specs.rebaseDraft(appId, merged, live.specVersion);
    expect(rebased).toMatchObject({ baseVersion: live.specVersion, baseYaml: live.yaml, yaml: merged });
    await specs.applyDraft(appId, merged, rebased.baseVersion);
    expect(record.app.spec.services![0]!.instance_count).toBe(3);
    expect(record.app.spec.workers![0]!.instance_count).toBe(2);
  });

  it('a merge made against a live spec that changed again meanwhile is refused, and the draft stays as it was', async () => {
    const { specs, client, sandbox, record, appId, draft, yaml } = await editedBibbi();
    const teammate = structuredClone(record.app.spec);
    teammate.workers![0]!.instance_count = 2;
    await client.updateApp(appId, teammate);
    await expect(specs.applyDraft(appId, yaml, draft.baseVersion)).rejects.toMatchObject({ code: 'stale' });
    const live = await specs.getSpec(appId);
    const merged = live.yaml.replace(
      'instance_count: 2\n  instance_size_slug: apps-s-1vcpu-2gb',
      'instance_count: 3\n  instance_size_slug: apps-s-1vcpu-2gb',
    );
    // While the founder merges, the teammate changes the app once more.
    teammate.workers![0]!.instance_count = 3;
    await client.updateApp(appId, teammate);
    const sent = puts(sandbox.requests);
    await expect(specs.rebaseDraft(appId, merged, live.specVersion)).rejects.toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/changed again since you merged; nothing was changed — review the new live spec/),
    });
    expect(await specs.openDraft(appId)).toMatchObject({
      yaml,
      baseVersion: draft.baseVersion,
      baseYaml: draft.baseYaml,
    });
    expect(puts(sandbox.requests)).toBe(sent);
  });

  it('succeeds: the spec is live, the deployment is followed to its end, and the draft is gone', async () => {
    const { specs, sandbox, record, appId, draft, yaml, deploys, dataDir } = await editedBibbi();
    const progress = await specs.applyDraft(appId, yaml, draft.baseVersion);
    expect(progress).toMatchObject({ appId, appName: 'taskifai-bibbi', cause: 'app spec updated', terminal: false });
    // bibbi's push is still building: the edit's deployment waits for it, then runs.
    sandbox.state.clock.advance(60 * 60_000);
    expect(record.app.spec).toEqual(parse(yaml));
    expect(await specs.listDrafts()).toEqual([]);
    expect(readdirSync(join(dataDir, 'drafts', contextFolder('Demo fleet')))).toEqual([]);
    const [entry] = await eventually(
      () => deploys.audit.list({ appId, action: 'edit_spec' }),
      (e) => e[0]?.result === 'succeeded',
    );
    expect(entry).toMatchObject({
      deploymentId: progress.deploymentId,
      parameters: { origin: 'edit', changed_lines: 1, secrets_set: 0 },
    });
    expect(record.deployments.find((d) => d.id === progress.deploymentId)?.phase).toBe('ACTIVE');
  });

  it('a dropped connection or a revoked token keeps the draft, and never sends the spec twice', async () => {
    const { specs, sandbox, appId, draft, yaml, token } = await editedBibbi();
    sandbox.faults.inject({ method: 'PUT', pathPrefix: `/v2/apps/${appId}`, kind: 'drop' });
    await expect(specs.applyDraft(appId, yaml, draft.baseVersion)).rejects.toMatchObject({ code: 'unknown_outcome' });
    expect(puts(sandbox.requests)).toBe(1);
    expect((await specs.openDraft(appId)).yaml).toBe(yaml);
    sandbox.state.tokens.delete(token);
    await expect(specs.applyDraft(appId, yaml, draft.baseVersion)).rejects.toMatchObject({ code: 'unauthorized' });
    sandbox.state.tokens.set(token, { scopes: 'read-write' });
    expect((await specs.openDraft(appId)).yaml).toBe(yaml);
  });

  it('an invalid draft is refused by the API and stays a draft', async () => {
    const { specs, appId, draft, yaml } = await editedBibbi();
    const invalid = yaml.replace('instance_size_slug: apps-s-1vcpu-2gb', 'instance_size_slug: apps-s-64vcpu-huge');
    await expect(specs.applyDraft(appId, invalid, draft.baseVersion)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('unknown instance size "apps-s-64vcpu-huge"'),
    });
    expect((await specs.openDraft(appId)).yaml).toBe(invalid);
  });

  it('a draft that is not valid YAML is refused before anything is sent', async () => {
    const { specs, sandbox, appId, draft } = await editedBibbi();
    await expect(
      specs.applyDraft(appId, 'name: taskifai-bibbi\n  region: fra\n', draft.baseVersion),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^The spec is not valid YAML \(line 1, column 7\): /),
    });
    expect(puts(sandbox.requests)).toBe(0);
  });
});
