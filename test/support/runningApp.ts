// The whole main process (runtime, sandbox cloud, services) for a story that goes through the
// contract's dispatcher like the window does; stopped after each test.
import { afterEach } from 'vitest';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../src-main/runtime';
import type { Result } from '../../src-preload/contract';

export function runningApp() {
  let runtime: Runtime | undefined;
  afterEach(async () => {
    await runtime?.dispose();
    runtime = undefined;
  });
  const current = () => {
    if (!runtime) throw new Error('start the app first');
    return runtime;
  };
  /** The answer as the window gets it: ok with a value, or a FleetError. */
  const call = async <T>(method: string, request?: unknown): Promise<Result<T>> =>
    (await current().dispatcher.call(method, request)) as Result<T>;
  return {
    start: async (options: RuntimeOptions): Promise<Runtime> => (runtime = await startRuntime(options)),
    call,
    /** The value of a call that must succeed. */
    value: async <T>(method: string, request?: unknown): Promise<T> => {
      const result = await call<T>(method, request);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  };
}
