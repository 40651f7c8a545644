// The main side of the contract, independent of the transport: the Electron ipc shell and the
// browser harness both hand it (method, raw request) after their own sender check. It validates
// the request, runs the service, and turns any failure into a FleetError a person can read.
import type { z } from 'zod';
import {
  METHOD_NAMES,
  STREAM_NAMES,
  type FleetError,
  type FleetMethods,
  type FleetStreams,
  type MethodName,
  type Result,
  type StreamName,
} from '../../src-preload/contract';
import { ApiError } from '../clients/http/apiError';
import type { Logger } from '../logging/logger';
import type { Disposable } from '../base/disposable';
import { redact } from '../logging/redact';
import { methodRequestSchemas, streamRequestSchemas } from './requestSchemas';

export type { Disposable } from '../base/disposable';
export type { ErrorMapper } from '../base/errors';

export type DomainMethodHandlers<Methods extends { [M in keyof Methods]: { request: unknown; response: unknown } }> = {
  [M in keyof Methods]: (request: Methods[M]['request']) => Promise<Methods[M]['response']>;
};
export type DomainStreamHandlers<Streams extends { [S in keyof Streams]: { request: unknown; event: unknown } }> = {
  [S in keyof Streams]: (request: Streams[S]['request'], emit: (event: Streams[S]['event']) => void) => Disposable;
};
export type MethodHandlers = DomainMethodHandlers<FleetMethods>;
export type StreamHandlers = DomainStreamHandlers<FleetStreams>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
export const isStreamName = (name: unknown): name is StreamName =>
  typeof name === 'string' && (STREAM_NAMES as readonly string[]).includes(name);

export class ContractDispatcher {
  constructor(
    private readonly methods: MethodHandlers,
    private readonly streams: StreamHandlers,
    private readonly log: Logger,
  ) {}

  async call(method: unknown, rawRequest: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return failure({ code: 'invalid_argument', message: 'Unknown method.' });
    const parsed = methodRequestSchemas[method].safeParse(rawRequest);
    if (!parsed.success) return failure(invalidArgument(method, parsed.error));
    try {
      const handler = this.methods[method] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return failure(this.toFleetError(method, error));
    }
  }

  subscribe(stream: unknown, rawRequest: unknown, emit: (event: unknown) => void): Result<Disposable> {
    if (!isStreamName(stream)) return failure({ code: 'invalid_argument', message: 'Unknown stream.' });
    const parsed = streamRequestSchemas[stream].safeParse(rawRequest);
    if (!parsed.success) return failure(invalidArgument(stream, parsed.error));
    try {
      const handler = this.streams[stream] as (request: unknown, emit: (event: unknown) => void) => Disposable;
      return { ok: true, value: handler(parsed.data, emit) };
    } catch (error) {
      return failure(this.toFleetError(stream, error));
    }
  }

  /** API errors keep the API's words; anything else is logged and told as an internal error. */
  toFleetError(operation: string, error: unknown): FleetError {
    if (error instanceof ApiError) {
      this.log.warn(`${operation} failed: ${error.code} ${error.message}`);
      const fleetError = error.toFleetError();
      return { ...fleetError, message: redact(fleetError.message) };
    }
    this.log.error(`${operation} failed unexpectedly`, error);
    return { code: 'internal', message: `Fleetdeck could not complete "${operation}". The details are in the log.` };
  }
}

function failure(error: FleetError): { ok: false; error: FleetError } {
  return { ok: false, error };
}

/** Each part of a refusal stays short: it may echo what was sent, which can be megabytes of keys. */
const MAX_ISSUE_TEXT = 200;
const clip = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text);

function invalidArgument(operation: string, error: z.ZodError): FleetError {
  const detail = error.issues
    .slice(0, 3)
    .map((issue) => `${clip(issue.path.join('.')) || 'request'}: ${clip(issue.message)}`)
    .join('; ');
  return { code: 'invalid_argument', message: `Invalid request to ${operation}: ${detail}` };
}
