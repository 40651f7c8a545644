import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import type { DraftSummary, FleetSnapshot, SpecDraft, SpecDocument } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';

const TOKEN = `dop_v1_${'c3'.repeat(32)}`;
const SECRET = 'whsec_0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const { start, call, value } = runningApp();

describe('the spec editor through the running app', () => {
  it('opens, saves and lists drafts per account context; a secret never comes back over the bridge', async () => {
    await start({
      logger: silentLogger,
      accountApis: 'sandbox',
      grantSandboxTokens: [{ token: TOKEN, scopes: 'read-write' }],
    });
    const fleet = await value<FleetSnapshot>('listFleet');
    const appId = fleet.apps.find((a) => a.name === 'taskifai-demo')!.id;
    const live = await value<SpecDocument>('getSpec', { appId });
    const draft = await value<SpecDraft>('openDraft', { appId });
    expect(draft).toMatchObject({ yaml: live.yaml, baseVersion: live.specVersion, pendingSecrets: [] });

    await value('saveDraft', { appId, yaml: draft.yaml.replace('region: fra', 'region: ams') });
    const withSecret = await call<SpecDraft>('setDraftSecret', {
      appId,
      component: 'demo-api',
      key: 'STRIPE_WEBHOOK_SECRET',
      value: SECRET,
    });
    expect(withSecret.ok && withSecret.value.pendingSecrets).toEqual(['demo-api/STRIPE_WEBHOOK_SECRET']);
    expect(JSON.stringify(withSecret)).not.toContain(SECRET);
    expect(await value<DraftSummary[]>('listDrafts')).toEqual([
      expect.objectContaining({ appId, appName: 'taskifai-demo' }),
    ]);

    // The contract refuses malformed requests in words, before any service sees them.
    const bad = await call('applyDraft', { appId, yaml: draft.yaml, baseVersion: 'not a version' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    await value('addAccount', { provider: 'digitalocean', context: 'production', token: TOKEN, memoryOnly: true });
    await value('switchContext', { context: 'production' });
    expect(await value<DraftSummary[]>('listDrafts')).toEqual([]);
    await value('switchContext', { context: 'Demo fleet' });
    const back = await value<SpecDraft>('openDraft', { appId });
    expect(back.yaml).toContain('region: ams');
    // Memory is per process, not per session: switching back finds the pending value.
    expect(back.pendingSecrets).toEqual(['demo-api/STRIPE_WEBHOOK_SECRET']);
  });
});
