// Its own file on purpose: the redaction list is process-wide, and no other test here may have
// taught it these values first.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger';
import { startRuntime, type Runtime } from '../../../src-main/runtime';
import { AUDIT_FILE } from '../../../src-main/services/deploys/auditLog';
import type { FleetSnapshot, Result, SpecDraft, TenantTemplatePreview } from '../../../src-preload/contract';

const ROTATED = 'sk-live-4e8b1d7a3c9f0e2b6d5a8c1f3e7b9d0a';
const NEW_TENANT = 'whsec_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.dispose();
  runtime = undefined;
});

async function value<T>(method: string, request?: unknown): Promise<T> {
  const result = (await runtime!.dispatcher.call(method, request)) as Result<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const failure = async (method: string, request: unknown) => await runtime!.dispatcher.call(method, request);

describe('a SECRET value the API echoes back in a refusal', () => {
  it('reaches neither the app log nor the activity log, for an apply or a new tenant', async () => {
    const lines: string[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-redaction-'));
    runtime = await startRuntime({ logger: createLogger((line) => lines.push(line)), dataDir });
    const fleet = await value<FleetSnapshot>('listFleet');
    const appId = fleet.apps.find((a) => a.name === 'taskifai-demo')!.id;
    const draft = await value<SpecDraft>('openDraft', { appId });
    await value('setDraftSecret', { appId, key: 'OPENAI_API_KEY', value: ROTATED });
    const echo = (secret: string) => ({
      id: 'unprocessable_entity',
      message: `error validating app spec field "envs.0.value": "${secret}" is not accepted here`,
    });
    runtime.sandbox.faults.inject({
      method: 'PUT',
      pathPrefix: `/v2/apps/${appId}`,
      kind: 'status',
      status: 422,
      body: echo(ROTATED),
    });
    expect(await failure('applyDraft', { appId, yaml: draft.yaml, baseVersion: draft.baseVersion })).toMatchObject({
      ok: false,
      error: { code: 'unprocessable' },
    });

    const preview = await value<TenantTemplatePreview>('previewTenantFromTemplate', {
      templateAppId: appId,
      name: 'taskifai-customer9',
      replacements: [{ from: 'demo', to: 'customer9' }],
    });
    const yaml = preview.yaml.replace(/value: ""/g, `value: ${NEW_TENANT}`);
    runtime.sandbox.faults.inject({
      method: 'POST',
      pathPrefix: '/v2/apps',
      kind: 'status',
      status: 422,
      body: echo(NEW_TENANT),
    });
    expect(await failure('createTenantApp', { yaml })).toMatchObject({ ok: false, error: { code: 'unprocessable' } });

    await runtime.dispose();
    runtime = undefined;
    const activity = readFileSync(join(dataDir, AUDIT_FILE), 'utf8');
    expect(activity).toContain('is not accepted here');
    for (const secret of [ROTATED, NEW_TENANT]) {
      expect(activity).not.toContain(secret);
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
