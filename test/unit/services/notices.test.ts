// Notices of finished deployments: a window that subscribes late, or again after a reconnect, asks
// for what it missed with `since` and gets exactly those; in Electron the desktop shows them, so
// the window does not toast them a second time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_HISTORY, NoticeHub } from '../../../src-main/services/deploys/notices';
import type { FleetApi, Notice, Result } from '../../../src-preload/contract';

describe('the notice hub', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('replays the notices published after `since`, then streams new ones', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-03T10:00:00Z') });
    const hub = new NoticeHub();
    hub.publish({ level: 'success', title: 'Deployed taskifai-demo', body: 'before' });
    vi.setSystemTime(Date.parse('2026-12-03T10:05:00Z'));
    hub.publish({ level: 'error', title: 'Deploy failed: bibbi', body: 'missed' });

    const seen: string[] = [];
    const subscription = hub.subscribe((n) => seen.push(n.body), '2026-12-03T10:01:00Z');
    hub.publish({ level: 'info', title: 'Restarted', body: 'live' });
    subscription.dispose();
    hub.publish({ level: 'info', title: 'Restarted', body: 'after dispose' });

    expect(seen).toEqual(['missed', 'live']);
  });

  it('without `since` only new notices arrive, and the history stays bounded', () => {
    const hub = new NoticeHub();
    for (let i = 0; i < NOTICE_HISTORY + 20; i++) hub.publish({ level: 'info', title: 't', body: String(i) });
    const seen: string[] = [];
    hub.subscribe((n) => seen.push(n.body));
    expect(seen).toEqual([]);
    const replayed: string[] = [];
    hub.subscribe((n) => replayed.push(n.body), '2000-01-01T00:00:00Z');
    expect(replayed).toHaveLength(NOTICE_HISTORY);
    expect(replayed[0]).toBe('20');
  });
});

describe('toasts in a window whose desktop shows notices', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function toastsFor(desktopNotices: boolean): Promise<number> {
    let emit: ((notice: Notice) => void) | undefined;
    const watchNotices = vi.fn((_request: unknown, listener: (notice: Result<Notice>) => void) => {
      emit = (value) => listener({ ok: true, value });
      return () => undefined;
    });
    vi.stubGlobal('window', { fleet: { watchNotices } as unknown as FleetApi, location: { hash: '' } });
    const { useEnvironmentStore } = await import('../../../src-renderer/stores/environmentStore');
    const { useNoticesStore } = await import('../../../src-renderer/stores/noticesStore');
    useEnvironmentStore.setState({
      status: 'ready',
      environment: { mode: 'demo', contextName: 'Demo fleet', appVersion: 't', desktopNotices },
    });
    const stop = useNoticesStore.getState().start();
    emit?.({
      id: 'n1',
      at: '2026-12-03T10:00:00Z',
      level: 'success',
      title: 'Deployed',
      body: 'taskifai-demo is live',
    });
    stop();
    return useNoticesStore.getState().toasts.length;
  }

  it('toasts in the browser harness, and not again in Electron where the desktop shows it', async () => {
    expect(await toastsFor(false)).toBe(1);
    vi.resetModules();
    expect(await toastsFor(true)).toBe(0);
  });
});
