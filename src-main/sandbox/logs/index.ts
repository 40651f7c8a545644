// The sandbox server's hook into the log service: routes, signed archives and live sockets.
import type { Router } from '../http';
import { registerLogRoutes } from '../routes/logs';
import type { SandboxState } from '../state';
import { SandboxLogs, type SandboxLogOptions } from './hub';

export { SIGNED_LOG_PREFIX } from './tokens';
export type { SandboxLogOptions } from './hub';
export type { SandboxLogs } from './hub';

/** Registers the log endpoints; the caller attaches the hub to its HTTP server once it exists. */
export function createSandboxLogs(
  router: Router,
  state: SandboxState,
  baseUrl: () => string,
  options?: SandboxLogOptions,
): SandboxLogs {
  const logs = new SandboxLogs(state, baseUrl, options);
  registerLogRoutes(router, state, logs);
  return logs;
}
