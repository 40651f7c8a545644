// The spec editor's store with a fake window.fleet: typing is saved after a pause, a failed save
// keeps the text and tries again until it lands, and a stale apply opens the three-way view (and a
// rebase refused because the live spec moved again shows the newest one).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftOf as draft, failure, fakeFleet, LIVE, setEntry } from './specsFleetFake';

describe('the spec draft while the founder types', () => {
  let fleet: ReturnType<typeof fakeFleet>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    fleet = fakeFleet();
    vi.stubGlobal('window', { fleet: fleet.api, location: { hash: '' } });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const load = async () => {
    const mod = await import('../../../src-renderer/stores/specEditorStore');
    await mod.useSpecEditorStore.getState().open('app-1');
    return mod;
  };

  it('saves once, half a second after the last keystroke', async () => {
    const { useSpecEditorStore, SAVE_DEBOUNCE_MS } = await load();
    const { edit } = useSpecEditorStore.getState();
    edit('app-1', `${LIVE}# a`);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 100);
    edit('app-1', `${LIVE}# ab`);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 100);
    expect(fleet.saveDraft).not.toHaveBeenCalled();
    expect(useSpecEditorStore.getState().editors['app-1']?.save).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(200);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
    expect(fleet.saveDraft).toHaveBeenCalledWith({ appId: 'app-1', yaml: `${LIVE}# ab` });
    expect(useSpecEditorStore.getState().editors['app-1']?.save).toEqual({
      state: 'saved',
      savedAt: '2026-01-01T10:05:00Z',
    });
  });

  it('saves at once on Ctrl/Cmd+S, without waiting for the pause', async () => {
    const { useSpecEditorStore } = await load();
    useSpecEditorStore.getState().edit('app-1', `${LIVE}# now\n`);
    await useSpecEditorStore.getState().saveNow('app-1');
    expect(fleet.saveDraft).toHaveBeenCalledWith({ appId: 'app-1', yaml: `${LIVE}# now\n` });
    expect(useSpecEditorStore.getState().editors['app-1']?.save?.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);
  });

  it('keeps the typing when a save fails, says why, and retries until it lands', async () => {
    const { useSpecEditorStore, SAVE_DEBOUNCE_MS, SAVE_RETRY_MS } = await load();
    fleet.saveDraft.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'The disk is full.' } });
    fleet.saveDraft.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'The disk is full.' } });
    const typed = `${LIVE}# first try\n`;
    useSpecEditorStore.getState().edit('app-1', typed);
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    let entry = useSpecEditorStore.getState().editors['app-1'];
    expect(entry?.save).toMatchObject({ state: 'failed', error: { message: 'The disk is full.' } });
    expect(entry?.text).toBe(typed);

    // More typing while the save is failing is kept too, and goes out with the next try.
    const more = `${typed}# and more\n`;
    useSpecEditorStore.getState().edit('app-1', more);
    expect(useSpecEditorStore.getState().editors['app-1']?.save?.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    expect(fleet.saveDraft).toHaveBeenLastCalledWith({ appId: 'app-1', yaml: more });
    expect(useSpecEditorStore.getState().editors['app-1']?.save?.state).toBe('failed');

    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[1]!);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(3);
    entry = useSpecEditorStore.getState().editors['app-1'];
    expect(entry?.save).toEqual({ state: 'saved', savedAt: '2026-01-01T10:05:00Z' });
    expect(entry?.text).toBe(more);
    expect(entry?.savedText).toBe(more);
  });

  it('does not overwrite unsaved typing when the editor is opened again', async () => {
    const { useSpecEditorStore } = await load();
    fleet.saveDraft.mockResolvedValue({ ok: false, error: { code: 'network', message: 'offline' } });
    useSpecEditorStore.getState().edit('app-1', `${LIVE}# unsaved\n`);
    await useSpecEditorStore.getState().open('app-1');
    expect(fleet.openDraft).toHaveBeenCalledTimes(1);
    expect(useSpecEditorStore.getState().editors['app-1']?.text).toBe(`${LIVE}# unsaved\n`);
  });

  it('restores a draft with changes and says from when', async () => {
    fleet.openDraft.mockResolvedValueOnce({
      ok: true,
      value: { ...draft(`${LIVE}# kept\n`), updatedAt: '2026-01-01T11:00:00Z' },
    });
    const { useSpecEditorStore } = await load();
    const entry = useSpecEditorStore.getState().editors['app-1'];
    expect(entry?.text).toBe(`${LIVE}# kept\n`);
    expect(entry?.restoredAt).toBe('2026-01-01T11:00:00Z');
  });

  it('turns a stale refusal into the three-way view and keeps the draft', async () => {
    const { useSpecEditorStore } = await load();
    const mine = LIVE.replace('instance_count: 1', 'instance_count: 2');
    useSpecEditorStore.getState().edit('app-1', mine);
    useSpecEditorStore.setState((s) => ({
      editors: { ...s.editors, 'app-1': { ...s.editors['app-1']!, reviewedText: mine } },
    }));
    await useSpecEditorStore.getState().apply('app-1');
    expect(fleet.applyDraft).toHaveBeenCalledWith({ appId: 'app-1', yaml: mine, baseVersion: 'abcdef12' });
    const entry = useSpecEditorStore.getState().editors['app-1'];
    expect(entry?.stale).toEqual({ liveYaml: `${LIVE}region: fra\n`, liveVersion: '99999999', reason: 'apply' });
    expect(entry?.text).toBe(mine);
    expect(entry?.draft?.baseYaml).toBe(LIVE);
  });

  it('rebases against the live version it merged with, and shows the newest live spec when that moved again', async () => {
    const { useSpecEditorStore } = await load();
    const mine = LIVE.replace('name: shop', 'name: shop # mine');
    useSpecEditorStore.getState().edit('app-1', mine);
    await setEntry({ stale: { liveYaml: `${LIVE}region: fra\n`, liveVersion: '99999999', reason: 'apply' } });
    fleet.rebaseDraft.mockResolvedValueOnce(failure('stale', 'The live spec changed again.'));
    fleet.previewApply.mockResolvedValueOnce({
      ok: true,
      value: {
        appId: 'app-1',
        valid: true,
        problems: [],
        liveYaml: `${LIVE}region: ams\n`,
        liveVersion: '77777777',
        stale: true,
      },
    });

    expect(await useSpecEditorStore.getState().rebase('app-1')).toBe(false);
    expect(fleet.rebaseDraft).toHaveBeenCalledWith({
      appId: 'app-1',
      yaml: `${mine}region: fra\n`,
      liveVersion: '99999999',
    });
    const entry = useSpecEditorStore.getState().editors['app-1'];
    expect(entry?.stale).toEqual({ liveYaml: `${LIVE}region: ams\n`, liveVersion: '77777777', reason: 'apply' });
    expect(entry?.notice).toEqual({ text: expect.stringContaining('the live spec changed again'), failed: true });
    expect(entry?.notice?.text).toContain('shows the newest live spec');
    expect(entry?.text).toBe(mine);
    expect(entry?.draft?.baseYaml).toBe(LIVE);
  });
});
