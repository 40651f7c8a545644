// The Specs page lists the drafts the founder has open; discarding one takes it off the list, and a
// refused discard leaves it there with the reason. The editor's size and region hints are read once
// per account context: a second editor does not read them again, a switch does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '../../../src-preload/contract';
import { failure, fakeFleet } from './specsFleetFake';

const summary = (appId: string, appName: string): DraftSummary => ({
  appId,
  appName,
  origin: 'edit',
  updatedAt: '2026-01-01T10:00:00Z',
  changedLines: 2,
});

const HINTS = {
  instanceSizes: [{ slug: 'apps-s-1vcpu-1gb', label: '1 vCPU, 1 GB', usdPerMonth: 12 }],
  regions: [{ slug: 'fra', label: 'Frankfurt' }],
};

describe('the open drafts and the editor hints', () => {
  let fleet: ReturnType<typeof fakeFleet>;
  const listDrafts = vi.fn();
  const getSpecHints = vi.fn();

  beforeEach(() => {
    vi.resetModules();
    fleet = fakeFleet();
    listDrafts.mockReset().mockResolvedValue({ ok: true, value: [summary('app-1', 'shop'), summary('app-2', 'blog')] });
    getSpecHints.mockReset().mockResolvedValue({ ok: true, value: HINTS });
    const api = new Proxy(fleet.api, {
      get: (target, key: string) =>
        key === 'listDrafts' ? listDrafts : key === 'getSpecHints' ? getSpecHints : target[key as keyof typeof target],
    });
    vi.stubGlobal('window', { fleet: api, location: { hash: '' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  const stores = async () => ({
    drafts: (await import('../../../src-renderer/stores/specDraftsStore')).useSpecDraftsStore,
    editor: (await import('../../../src-renderer/stores/specEditorStore')).useSpecEditorStore,
    hints: (await import('../../../src-renderer/stores/specHintsStore')).useSpecHintsStore,
    contextScope: await import('../../../src-renderer/stores/contextScope'),
  });

  it('discarding a draft takes it off the list, and its editor goes with it', async () => {
    const { drafts, editor } = await stores();
    await drafts.getState().loadDrafts();
    await editor.getState().open('app-1');
    expect(drafts.getState().drafts.list?.map((d) => d.appName)).toEqual(['shop', 'blog']);

    expect(await editor.getState().discard('app-1')).toBe(true);

    expect(drafts.getState().drafts.list?.map((d) => d.appName)).toEqual(['blog']);
    expect(editor.getState().editors['app-1']).toBeUndefined();
  });

  it('a refused discard keeps the draft listed and says why, on the page and in the editor', async () => {
    const { drafts, editor } = await stores();
    fleet.discardDraft.mockResolvedValueOnce(failure('network', 'The main process did not answer.'));
    await drafts.getState().loadDrafts();
    await editor.getState().open('app-1');

    expect(await editor.getState().discard('app-1')).toBe(false);

    expect(drafts.getState().drafts.list).toHaveLength(2);
    expect(drafts.getState().drafts.error?.message).toBe('The main process did not answer.');
    expect(editor.getState().editors['app-1']?.notice).toEqual({
      text: 'The draft was not discarded: The main process did not answer.',
      failed: true,
    });
  });

  it('a list that cannot be read says why and keeps loading off', async () => {
    const { drafts } = await stores();
    listDrafts.mockResolvedValueOnce(failure('network', 'offline'));

    await drafts.getState().loadDrafts();

    expect(drafts.getState().drafts).toEqual({ loading: false, error: { code: 'network', message: 'offline' } });
  });

  it('hints are read once per context: a second editor reuses them, a context switch reads them again', async () => {
    const { hints, contextScope } = await stores();
    await hints.getState().loadHints();
    await hints.getState().loadHints();
    expect(getSpecHints).toHaveBeenCalledTimes(1);
    expect(hints.getState().hints).toEqual(HINTS);

    contextScope.contextChanged();
    expect(hints.getState().hints).toBeUndefined();
    await hints.getState().loadHints();
    expect(getSpecHints).toHaveBeenCalledTimes(2);
  });

  it('hints that cannot be read leave the editor without them, with the reason', async () => {
    const { hints } = await stores();
    getSpecHints.mockResolvedValueOnce(failure('forbidden', 'sizes:read is missing'));

    await hints.getState().loadHints();

    expect(hints.getState().hints).toBeUndefined();
    expect(hints.getState().hintsError?.message).toBe('sizes:read is missing');
  });
});
