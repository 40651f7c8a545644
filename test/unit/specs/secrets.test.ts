import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger';
import { AUDIT_FILE } from '../../../src-main/services/deploys/auditLog';
import { secretDigest } from '../../../src-main/sandbox/secretValues';
import { PendingSecrets } from '../../../src-main/services/specs/secrets';
import { eventually, fixture, specsWithSandbox } from '../../support/specs';

const NEW_KEY = 'sk-live-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e';
const COMMENTED = fixture('taskifai-demo.app.yaml');

async function withLog() {
  const lines: string[] = [];
  const setup = await specsWithSandbox({ log: createLogger((line) => lines.push(line)) });
  const leaks = () => [
    ...setup
      .filesOnDisk()
      .filter((f) => f.text.includes(NEW_KEY))
      .map((f) => f.path),
    ...lines.filter((l) => l.includes(NEW_KEY)),
  ];
  return { ...setup, lines, leaks };
}

const puts = (requests: string[]) => requests.filter((r) => r.startsWith('PUT ')).length;
const envOf = (spec: { envs?: Array<{ key?: string; value?: string; type?: string }> }, key: string) =>
  spec.envs?.find((e) => e.key === key);

describe('the founder rotates a SECRET through the draft', () => {
  it('the new value waits in memory only, then is sent on apply and forgotten', async () => {
    const { specs, appNamed, leaks, deploys, pendingSecrets } = await withLog();
    const record = appNamed('taskifai-demo');
    const appId = record.app.id!;
    const before = envOf(record.app.spec, 'OPENAI_API_KEY')!.value!;
    expect(before).toMatch(/^EV\[1:/);
    const opened = await specs.openDraft(appId);
    const draft = await specs.setDraftSecret({ appId, key: 'OPENAI_API_KEY', value: NEW_KEY });
    expect(draft.pendingSecrets).toEqual(['/OPENAI_API_KEY']);
    expect(draft.yaml).toBe(opened.yaml);
    expect(leaks()).toEqual([]);
    // Another SECRET stays exactly as the API returned it.
    const untouched = envOf(record.app.spec, 'SENDGRID_API_KEY')!.value;
    await specs.applyDraft(appId, draft.yaml, draft.baseVersion);
    // The API keeps the new value encrypted, as it returns every SECRET.
    const rotated = envOf(record.app.spec, 'OPENAI_API_KEY')!;
    expect(rotated.type).toBe('SECRET');
    expect(rotated.value).not.toBe(before);
    expect(rotated.value).toMatch(new RegExp(`^EV\\[1:[^:]+:${secretDigest(NEW_KEY)}\\]$`));
    expect(envOf(record.app.spec, 'SENDGRID_API_KEY')!.value).toBe(untouched);
    expect(pendingSecrets.get('Demo fleet', appId).size).toBe(0);
    await eventually(
      () => deploys.audit.list({ appId, action: 'edit_spec' }),
      (e) => e[0]?.result === 'succeeded',
    );
    await deploys.audit.flush();
    expect(leaks()).toEqual([]);
  });

  it('turning a GENERAL env that has a value into a SECRET sends the value typed for it, not the old one', async () => {
    const { specs, appNamed, leaks } = await withLog();
    const record = appNamed('taskifai-demo');
    const appId = record.app.id!;
    expect(envOf(record.app.spec, 'APP_NAME')).toMatchObject({
      type: 'GENERAL',
      value: expect.stringMatching(/^TaskifAI/),
    });
    await specs.openDraft(appId);
    const draft = await specs.setDraftSecret({ appId, key: 'APP_NAME', value: NEW_KEY });
    expect(draft.pendingSecrets).toEqual(['/APP_NAME']);
    await specs.applyDraft(appId, draft.yaml, draft.baseVersion);
    expect(envOf(record.app.spec, 'APP_NAME')).toMatchObject({
      type: 'SECRET',
      value: expect.stringMatching(new RegExp(`:${secretDigest(NEW_KEY)}\\]$`)),
    });
    expect(leaks()).toEqual([]);
  });

  it('a value typed in clear into the YAML never reaches the draft file; it becomes a pending secret', async () => {
    const { specs, appNamed, leaks, filesOnDisk } = await withLog();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.importDraft(appId, COMMENTED);
    const encrypted = /value: (EV\[1:[^\]]+\])/.exec(COMMENTED)![1]!;
    const typed = COMMENTED.replace(encrypted, NEW_KEY);
    const saved = await specs.saveDraft(appId, typed);
    expect(saved.pendingSecrets).toEqual(['/SECRET_KEY']);
    expect(leaks()).toEqual([]);
    // On disk the secret is what the live spec has: unchanged until the apply.
    const draft = await specs.openDraft(appId);
    expect(draft.yaml).toBe(COMMENTED);
    expect(draft.pendingSecrets).toEqual(['/SECRET_KEY']);
    expect(filesOnDisk().some((f) => f.text.includes(JSON.stringify(COMMENTED)))).toBe(true);
  });

  it('after a restart, a SECRET added without its value waits to be entered again and is not applied', async () => {
    const { specs, make, appNamed, sandbox } = await withLog();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.openDraft(appId);
    const withNew = await specs.setDraftSecret({ appId, component: 'demo-api', key: 'SENTRY_DSN', value: NEW_KEY });
    expect(withNew.pendingSecrets).toEqual(['demo-api/SENTRY_DSN']);
    // A new process: memory is empty, the file still has the env (without a value).
    const restarted = make('Demo fleet', new PendingSecrets());
    const restored = await restarted.openDraft(appId);
    expect(restored.yaml).toBe(withNew.yaml);
    expect(restored).toMatchObject({ pendingSecrets: [], secretsToReenter: ['demo-api/SENTRY_DSN'] });
    const checked = await restarted.validateDraft(appId, restored.yaml);
    const line = restored.yaml.split('\n').findIndex((l) => l.includes('key: SENTRY_DSN')) + 1;
    expect(checked.valid).toBe(false);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({
        source: 'schema',
        severity: 'error',
        message: expect.stringMatching(/^Re-enter the new value of demo-api's SENTRY_DSN/),
        line,
      }),
    );
    const sent = puts(sandbox.requests);
    await expect(restarted.applyDraft(appId, restored.yaml, restored.baseVersion)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        /^Re-enter the new value of demo-api's SENTRY_DSN \(it was kept only in memory and Fleetdeck restarted\), or discard that change/,
      ),
    });
    expect(puts(sandbox.requests)).toBe(sent);
  });

  it('after a restart, a rotated SECRET is not silently applied with its old value', async () => {
    const { specs, make, appNamed, sandbox, leaks } = await withLog();
    const record = appNamed('taskifai-demo');
    const appId = record.app.id!;
    const before = envOf(record.app.spec, 'OPENAI_API_KEY')!.value;
    await specs.openDraft(appId);
    await specs.setDraftSecret({ appId, key: 'OPENAI_API_KEY', value: NEW_KEY });
    const restarted = make('Demo fleet', new PendingSecrets());
    const restored = await restarted.openDraft(appId);
    expect(restored).toMatchObject({ pendingSecrets: [], secretsToReenter: ['/OPENAI_API_KEY'] });
    const sent = puts(sandbox.requests);
    await expect(restarted.applyDraft(appId, restored.yaml, restored.baseVersion)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        /^Re-enter the new value of OPENAI_API_KEY \(it was kept only in memory and Fleetdeck restarted\), or discard that change/,
      ),
    });
    expect(puts(sandbox.requests)).toBe(sent);
    expect(envOf(record.app.spec, 'OPENAI_API_KEY')!.value).toBe(before);
    // Saving the draft again keeps the reminder; entering the value clears it.
    expect(await restarted.saveDraft(appId, restored.yaml)).toMatchObject({ secretsToReenter: ['/OPENAI_API_KEY'] });
    const reentered = await restarted.setDraftSecret({ appId, key: 'OPENAI_API_KEY', value: NEW_KEY });
    expect(reentered).toMatchObject({ pendingSecrets: ['/OPENAI_API_KEY'], secretsToReenter: [] });
    await restarted.applyDraft(appId, reentered.yaml, reentered.baseVersion);
    expect(envOf(record.app.spec, 'OPENAI_API_KEY')!.value).toMatch(new RegExp(`:${secretDigest(NEW_KEY)}\\]$`));
    expect(leaks()).toEqual([]);
  });

  it('after a restart, discarding the draft drops the change that waited to be entered again', async () => {
    const { specs, make, appNamed } = await withLog();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.openDraft(appId);
    await specs.setDraftSecret({ appId, key: 'OPENAI_API_KEY', value: NEW_KEY });
    const restarted = make('Demo fleet', new PendingSecrets());
    expect((await restarted.openDraft(appId)).secretsToReenter).toEqual(['/OPENAI_API_KEY']);
    await restarted.discardDraft(appId);
    expect((await restarted.openDraft(appId)).secretsToReenter).toEqual([]);
  });

  it('even an API error that echoed the value would not carry it back', async () => {
    const { specs, appNamed, sandbox, leaks } = await withLog();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = await specs.openDraft(appId);
    await specs.setDraftSecret({ appId, key: 'SECRET_KEY', value: NEW_KEY });
    sandbox.faults.inject({
      method: 'PUT',
      pathPrefix: `/v2/apps/${appId}`,
      kind: 'status',
      status: 422,
      body: {
        id: 'unprocessable_entity',
        message: `error validating app spec field "envs.5.value": "${NEW_KEY}" is too short`,
      },
    });
    const error = await specs.applyDraft(appId, draft.yaml, draft.baseVersion).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'unprocessable' });
    expect((error as Error).message).toContain('[secret]');
    expect((error as Error).message).not.toContain(NEW_KEY);
    expect(leaks()).toEqual([]);
    expect((await specs.openDraft(appId)).pendingSecrets).toEqual(['/SECRET_KEY']);
  });
});

describe('the audit trail', () => {
  it('counts the secrets an apply set, never their values', async () => {
    const { specs, appNamed, deploys, dataDir } = await withLog();
    const appId = appNamed('taskifai-demo').app.id!;
    const draft = await specs.openDraft(appId);
    await specs.setDraftSecret({ appId, key: 'REDIS_URL', value: NEW_KEY });
    await specs.applyDraft(appId, draft.yaml, draft.baseVersion);
    await deploys.audit.flush();
    const [entry] = await deploys.audit.list({ appId, action: 'edit_spec' });
    expect(entry!.parameters).toMatchObject({ secrets_set: 1 });
    expect(readFileSync(join(dataDir, AUDIT_FILE), 'utf8')).not.toContain(NEW_KEY);
  });
});
