// A save still on its way when the founder applies, imports, rebases or discards: the operation waits
// for it, and an answer about a draft that has since been replaced changes nothing and starts no
// new save — the editor never shows a replaced draft's text as saved, nor brings a discarded one back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftOf, failure, fakeFleet, later, LIVE, SAVED_AT, setEntry, type FakeFleet } from './specsFleetFake';

type Saved = Awaited<ReturnType<FakeFleet['saveDraft']>>;

describe('a save on its way while the draft is replaced', () => {
  let fleet: FakeFleet;
  let answer: ReturnType<typeof later<Saved>>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    fleet = fakeFleet();
    answer = later<Saved>();
    vi.stubGlobal('window', { fleet: fleet.api, location: { hash: '' } });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Opens the editor, types `text` and lets the debounced save leave; its answer waits for `answer`. */
  const typeAndStartSaving = async (text: string) => {
    const mod = await import('../../../src-renderer/stores/specEditorStore');
    await mod.useSpecEditorStore.getState().open('app-1');
    fleet.saveDraft.mockImplementationOnce(() => answer.promise);
    mod.useSpecEditorStore.getState().edit('app-1', text);
    await vi.advanceTimersByTimeAsync(mod.SAVE_DEBOUNCE_MS);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    return mod.useSpecEditorStore;
  };

  it('apply waits for the save, and the draft afterwards is the new live one with nothing more to save', async () => {
    const mine = LIVE.replace('instance_count: 1', 'instance_count: 2');
    const store = await typeAndStartSaving(mine);
    await setEntry({ reviewedText: mine });
    fleet.applyDraft.mockResolvedValueOnce({ ok: true, value: { deploymentId: 'dep-1', terminal: true } });
    fleet.openDraft.mockResolvedValueOnce({
      ok: true,
      value: draftOf(mine, { baseYaml: mine, baseVersion: 'fedcba98' }),
    });

    const applying = store.getState().apply('app-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(fleet.applyDraft).not.toHaveBeenCalled();
    answer.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    await applying;

    expect(fleet.applyDraft).toHaveBeenCalledTimes(1);
    expect(fleet.saveDraft.mock.invocationCallOrder[0]!).toBeLessThan(fleet.applyDraft.mock.invocationCallOrder[0]!);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    const entry = store.getState().editors['app-1'];
    expect(entry?.draft?.baseVersion).toBe('fedcba98');
    expect(entry?.text).toBe(entry?.savedText);
  });

  it('discard waits for the save, and its late answer does not bring the discarded draft back', async () => {
    const store = await typeAndStartSaving(`${LIVE}# throw this away\n`);
    const discarding = store.getState().discard('app-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(fleet.discardDraft).not.toHaveBeenCalled();
    answer.resolve(failure('network', 'The disk is slow.'));
    expect(await discarding).toBe(true);

    expect(fleet.discardDraft).toHaveBeenCalledTimes(1);
    expect(store.getState().editors['app-1']).toBeUndefined();
    // The failed save is not retried for a draft that no longer exists.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    expect(store.getState().editors['app-1']).toBeUndefined();
  });

  it('import and rebase wait for the save before replacing the draft', async () => {
    const store = await typeAndStartSaving(`${LIVE}# before the import\n`);
    const importing = store.getState().importFile('app-1', 'app.yaml', `${LIVE}# from the repository\n`);
    await vi.advanceTimersByTimeAsync(0);
    expect(fleet.importDraft).not.toHaveBeenCalled();
    answer.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    await importing;
    expect(fleet.importDraft).toHaveBeenCalledTimes(1);
    expect(store.getState().editors['app-1']?.text).toBe(`${LIVE}# from the repository\n`);

    const again = later<Saved>();
    fleet.saveDraft.mockImplementationOnce(() => again.promise);
    const mine = LIVE.replace('name: shop', 'name: shop # mine');
    store.getState().edit('app-1', mine);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fleet.saveDraft).toHaveBeenLastCalledWith({ appId: 'app-1', yaml: mine });
    await setEntry({ stale: { liveYaml: `${LIVE}region: fra\n`, liveVersion: '99999999', reason: 'apply' } });
    const rebasing = store.getState().rebase('app-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(fleet.rebaseDraft).not.toHaveBeenCalled();
    again.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    expect(await rebasing).toBe(true);
    expect(fleet.rebaseDraft).toHaveBeenCalledWith({
      appId: 'app-1',
      yaml: `${mine}region: fra\n`,
      liveVersion: '99999999',
    });
  });

  it('an answer for a text the editor no longer holds does not start another save', async () => {
    const store = await typeAndStartSaving(`${LIVE}# typed, then undone\n`);
    // Undone back to what is on disk, and the editor reopened: the draft is read afresh.
    store.getState().edit('app-1', LIVE);
    await store.getState().open('app-1');
    expect(fleet.openDraft).toHaveBeenCalledTimes(2);

    answer.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    const entry = store.getState().editors['app-1'];
    expect(entry?.savedText).toBe(LIVE);
    expect(entry?.save).toBeUndefined();
  });

  it('a save refused because the draft was applied elsewhere is not retried; the text can start a new draft', async () => {
    const text = `${LIVE}# typed while another window applied\n`;
    const store = await typeAndStartSaving(text);
    answer.resolve(failure('stale', 'This draft was discarded or applied meanwhile; nothing was saved.'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    expect(store.getState().editors['app-1']?.save).toEqual({
      state: 'failed',
      error: { code: 'stale', message: expect.stringContaining('applied meanwhile') },
    });
    expect(store.getState().editors['app-1']?.text).toBe(text);

    fleet.openDraft.mockResolvedValueOnce({ ok: true, value: draftOf(LIVE, { baseVersion: 'fedcba98' }) });
    await store.getState().keepAsNewDraft('app-1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fleet.saveDraft).toHaveBeenLastCalledWith({ appId: 'app-1', yaml: text });
    const entry = store.getState().editors['app-1'];
    expect(entry?.draft?.baseVersion).toBe('fedcba98');
    expect(entry?.save?.state).toBe('saved');
    expect(entry?.text).toBe(text);
  });

  it('typing held back while an import is refused still reaches the disk', async () => {
    const store = await typeAndStartSaving(`${LIVE}# one\n`);
    const refusal = later<Awaited<ReturnType<FakeFleet['importDraft']>>>();
    fleet.importDraft.mockImplementationOnce(() => refusal.promise);
    answer.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    const importing = store.getState().importFile('app-1', 'app.yaml', `${LIVE}# theirs\n`);
    await vi.advanceTimersByTimeAsync(0);
    expect(fleet.importDraft).toHaveBeenCalledTimes(1);

    store.getState().edit('app-1', `${LIVE}# one\n# two\n`);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    refusal.resolve(failure('invalid_argument', 'The file is for another app.'));
    await importing;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fleet.saveDraft).toHaveBeenLastCalledWith({ appId: 'app-1', yaml: `${LIVE}# one\n# two\n` });
    expect(store.getState().editors['app-1']?.save?.state).toBe('saved');
  });
});
