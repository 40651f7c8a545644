// Fleetdeck quit after a secret's new value was set (kept only in memory): the restored draft lists
// it to be entered again. The Secrets panel says so beside its Change button, and Review will not
// apply until it is entered again.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplyPreview } from '../../../src-preload/contract';
import { EMPTY_SPEC_EDITOR } from '../../../src-renderer/stores/specEditorEntry';
import { applyBlockedReason } from '../../../src-renderer/views/specs/ReviewDialog';
import { SpecSidePanel } from '../../../src-renderer/views/specs/SpecSidePanel';
import { draftOf, fakeFleet, SAVED_AT, type FakeFleet } from './specsFleetFake';

const SPEC = [
  'name: shop',
  'envs:',
  '- key: JWT_SECRET',
  '  type: SECRET',
  '  value: EV[1:live-jwt:abc]',
  '- key: REDIS_URL',
  '  type: SECRET',
  '  value: EV[1:live-redis:def]',
  '',
].join('\n');

const restored = draftOf(`# restored\n${SPEC}`, { baseYaml: SPEC, secretsToReenter: ['/JWT_SECRET'] });

const preview = (change: Partial<ApplyPreview> = {}): ApplyPreview => ({
  appId: 'app-1',
  valid: true,
  problems: [],
  liveYaml: SPEC,
  liveVersion: 'abcdef12',
  stale: false,
  ...change,
});

describe('a secret to enter again after a restart', () => {
  it('is marked in the Secrets panel, with its Change button, and the others are not', () => {
    const html = renderToStaticMarkup(
      createElement(SpecSidePanel, {
        text: restored.yaml,
        draft: restored,
        apiProblems: [],
        onGoTo: () => undefined,
        onChangeSecret: () => undefined,
      }),
    );
    const rows = html.split('data-testid="secret-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('JWT_SECRET');
    expect(rows[0]).toContain('needs re-entry');
    expect(rows[0]).toContain('the value was kept only in memory');
    expect(rows[0]).toContain('aria-label="Change JWT_SECRET"');
    expect(rows[1]).not.toContain('needs re-entry');
    expect(html).toContain('data-testid="reenter-secrets"');
    expect(html).toContain('Enter app/JWT_SECRET again with Change');
  });

  it('blocks Apply in Review with that reason, even for an otherwise valid draft', () => {
    const entry = {
      ...EMPTY_SPEC_EDITOR,
      draft: restored,
      text: restored.yaml,
      review: preview(),
      reviewedText: restored.yaml,
    };
    expect(applyBlockedReason(entry)).toBe(
      'Enter app/JWT_SECRET again first: its new value was kept only in memory, and Fleetdeck has restarted since.',
    );
    // Once entered again the main process clears the list, and Apply is possible.
    expect(
      applyBlockedReason({ ...entry, draft: { ...restored, secretsToReenter: [], pendingSecrets: ['/JWT_SECRET'] } }),
    ).toBeUndefined();
  });
});

describe('the store keeps the list the main process reports', () => {
  let fleet: FakeFleet;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    fleet = fakeFleet();
    fleet.openDraft.mockResolvedValue({ ok: true, value: restored });
    vi.stubGlobal('window', { fleet: fleet.api, location: { hash: '' } });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('from the opened draft and from each save', async () => {
    const { useSpecEditorStore } = await import('../../../src-renderer/stores/specEditorStore');
    await useSpecEditorStore.getState().open('app-1');
    expect(useSpecEditorStore.getState().editors['app-1']?.draft?.secretsToReenter).toEqual(['/JWT_SECRET']);

    fleet.saveDraft.mockResolvedValueOnce({
      ok: true,
      value: { savedAt: SAVED_AT, pendingSecrets: [], secretsToReenter: ['/JWT_SECRET', '/REDIS_URL'] },
    });
    useSpecEditorStore.getState().edit('app-1', `${restored.yaml}# more\n`);
    await useSpecEditorStore.getState().saveNow('app-1');
    expect(useSpecEditorStore.getState().editors['app-1']?.draft?.secretsToReenter).toEqual([
      '/JWT_SECRET',
      '/REDIS_URL',
    ]);
  });
});
