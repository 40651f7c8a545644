// The store guards that the UI relies on: the undo window sends nothing when undone, and a double
// click sends one mutation, with a fake window.fleet standing in for the bridge.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentProgress, FleetApi } from '../../../src-preload/contract';

const progress: DeploymentProgress = {
  appId: 'app-1',
  appName: 'taskifai-demo',
  deploymentId: 'dep-1',
  phase: 'PENDING_BUILD',
  terminal: false,
  steps: [],
  done: 0,
  total: 4,
  createdAt: '2025-01-01T00:00:00Z',
  elapsedSeconds: 0,
};

function fakeFleet() {
  const deployApp = vi.fn(async () => ({ ok: true as const, value: progress }));
  const watchDeployment = vi.fn(() => () => undefined);
  const quiet = vi.fn(async () => ({
    ok: false as const,
    error: { code: 'internal' as const, message: 'not in this test' },
  }));
  const api = new Proxy<Record<string, unknown>>(
    { deployApp, watchDeployment },
    {
      get: (target, key: string) => target[key] ?? quiet,
    },
  );
  return { api: api as unknown as FleetApi, deployApp, watchDeployment };
}

describe('deploy actions', () => {
  let fleet: ReturnType<typeof fakeFleet>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    fleet = fakeFleet();
    vi.stubGlobal('window', { fleet: fleet.api });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const load = async () => {
    const { useActionsStore } = await import('../../../src-renderer/stores/actionsStore');
    const { useUndoStore, UNDO_SECONDS } = await import('../../../src-renderer/stores/undoStore');
    return { actions: useActionsStore, undo: useUndoStore, UNDO_SECONDS };
  };
  const app = { id: 'app-1', name: 'taskifai-demo' };

  it('waits out the undo window before sending', async () => {
    const { actions, undo, UNDO_SECONDS } = await load();
    const outcome = actions.getState().deploy(app, { forceBuild: false });
    expect(undo.getState().pending).toHaveLength(1);
    expect(undo.getState().pending[0]?.label).toBe('Deploying taskifai-demo');
    expect(actions.getState().byApp['app-1']?.inFlight).toBe('deploy');
    await vi.advanceTimersByTimeAsync(UNDO_SECONDS * 1000 - 100);
    expect(fleet.deployApp).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    await expect(outcome).resolves.toEqual({ status: 'sent' });
    expect(fleet.deployApp).toHaveBeenCalledTimes(1);
    expect(fleet.watchDeployment).toHaveBeenCalledWith({ appId: 'app-1', deploymentId: 'dep-1' }, expect.any(Function));
    expect(actions.getState().byApp['app-1']?.inFlight).toBeUndefined();
  });

  it('sends nothing when undone', async () => {
    const { actions, undo } = await load();
    const outcome = actions.getState().deploy(app, { forceBuild: true });
    const pending = undo.getState().pending[0];
    expect(pending?.label).toBe('Rebuilding and deploying taskifai-demo');
    undo.getState().undo(pending!.id);
    await expect(outcome).resolves.toEqual({ status: 'undone' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fleet.deployApp).not.toHaveBeenCalled();
    expect(actions.getState().byApp['app-1']?.inFlight).toBeUndefined();
  });

  it('sends one mutation for a double click', async () => {
    const { actions } = await load();
    const first = actions.getState().deploy(app, { forceBuild: false });
    const second = actions.getState().deploy(app, { forceBuild: false });
    await expect(second).resolves.toEqual({ status: 'ignored' });
    await vi.advanceTimersByTimeAsync(6_000);
    await first;
    expect(fleet.deployApp).toHaveBeenCalledTimes(1);
  });

  it('records a refusal for the app page', async () => {
    fleet.deployApp.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'read-only token' },
    } as never);
    const { actions } = await load();
    const outcome = actions.getState().deploy(app, { forceBuild: false });
    await vi.advanceTimersByTimeAsync(6_000);
    await expect(outcome).resolves.toMatchObject({ status: 'failed' });
    expect(actions.getState().byApp['app-1']?.failure).toEqual({
      action: 'deploy',
      error: { code: 'forbidden', message: 'read-only token' },
    });
  });
});
