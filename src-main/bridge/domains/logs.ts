// The logs domain's side of the contract: every subscription is a tail the window can end.
import type { LogsMethods, LogsStreams } from '../../../src-preload/contract';
import type { LogsService } from '../../services/logs/logsService';
import type { DomainMethodHandlers, DomainStreamHandlers } from '../dispatcher';

export function logsMethodHandlers(): DomainMethodHandlers<LogsMethods> {
  return {};
}

export function logsStreamHandlers(logs: () => LogsService): DomainStreamHandlers<LogsStreams> {
  return {
    tailLogs: (request, emit) => logs().tail(request, (value) => emit({ ok: true, value })),
  };
}
