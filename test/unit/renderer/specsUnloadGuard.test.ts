// Quitting or reloading right after typing: the typing is sent at once instead of after the pause,
// and the window is held back while it is not yet on disk — but a window whose saves keep failing
// can still be closed on the second try.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failure, fakeFleet, later, LIVE, SAVED_AT, type FakeFleet } from './specsFleetFake';

type Saved = Awaited<ReturnType<FakeFleet['saveDraft']>>;

describe('leaving the window with typing not yet saved', () => {
  let fleet: FakeFleet;
  let win: EventTarget;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    fleet = fakeFleet();
    win = Object.assign(new EventTarget(), { fleet: fleet.api, location: { hash: '' } });
    vi.stubGlobal('window', win);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const typed = async (text: string) => {
    const { useSpecEditorStore } = await import('../../../src-renderer/stores/specEditorStore');
    const stop = useSpecEditorStore.getState().startUnloadGuard();
    await useSpecEditorStore.getState().open('app-1');
    useSpecEditorStore.getState().edit('app-1', text);
    return { store: useSpecEditorStore, stop };
  };
  /** Dispatches beforeunload; true when the page asked to stay. */
  const tryToLeave = () => {
    const event = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('sends the typing at once on pagehide, without waiting for the pause', async () => {
    await typed(`${LIVE}# typed just before the reload\n`);
    win.dispatchEvent(new Event('pagehide'));
    expect(fleet.saveDraft).toHaveBeenCalledWith({ appId: 'app-1', yaml: `${LIVE}# typed just before the reload\n` });
  });

  it('holds the window back while the save is on its way, and lets it go once it landed', async () => {
    const answer = later<Saved>();
    fleet.saveDraft.mockImplementationOnce(() => answer.promise);
    const { store } = await typed(`${LIVE}# quit right away\n`);
    expect(tryToLeave()).toBe(true);
    expect(fleet.saveDraft).toHaveBeenCalledTimes(1);

    answer.resolve({ ok: true, value: { savedAt: SAVED_AT } });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().editors['app-1']?.save?.state).toBe('saved');
    expect(tryToLeave()).toBe(false);
  });

  it('does not hold a window with nothing unsaved', async () => {
    await typed(LIVE);
    expect(tryToLeave()).toBe(false);
    expect(fleet.saveDraft).not.toHaveBeenCalled();
  });

  it('lets the window go on the second try when the saves keep failing', async () => {
    fleet.saveDraft.mockResolvedValue(failure('network', 'The disk is full.'));
    const { store } = await typed(`${LIVE}# cannot be saved\n`);
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().editors['app-1']?.save?.state).toBe('failed');
    expect(tryToLeave()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().editors['app-1']?.save?.state).toBe('failed');
    expect(tryToLeave()).toBe(false);
  });

  it('stops listening once unsubscribed', async () => {
    const { stop } = await typed(`${LIVE}# after the editor closed\n`);
    stop();
    win.dispatchEvent(new Event('pagehide'));
    expect(tryToLeave()).toBe(false);
    expect(fleet.saveDraft).not.toHaveBeenCalled();
  });
});
