import { describe, expect, it } from 'vitest';
import { ContractDispatcher, type MethodHandlers, type StreamHandlers } from '../../../src-main/bridge/dispatcher';
import { ApiError } from '../../../src-main/clients/http/apiError';
import type { Logger } from '../../../src-main/logging/logger';
import { createLogger } from '../../../src-main/logging/logger';
import type { AppDetail, FleetSnapshot } from '../../../src-preload/contract';

// Only the apps domain is exercised here; the other domains' handlers are never reached.
function dispatcherWith(overrides: Partial<MethodHandlers> = {}) {
  const calls: unknown[] = [];
  const lines: string[] = [];
  const log: Logger = createLogger((line) => lines.push(line));
  const snapshot: FleetSnapshot = { fetchedAt: '2026-11-20T12:00:00Z', apps: [], monthlyCost: { min: 0, max: 0 } };
  const methods = {
    getEnvironment: async () => ({ mode: 'demo', contextName: 'Demo fleet', appVersion: 'test' }),
    listFleet: async () => snapshot,
    getFleetHealth: async (request) => {
      calls.push(request);
      return {};
    },
    getAppDetail: async (request) => {
      calls.push(request);
      return { app: { id: request.appId } } as unknown as AppDetail;
    },
    ...overrides,
  } as MethodHandlers;
  const disposed: string[] = [];
  const streams = {
    watchFleet: (request, emit) => {
      emit({ ok: true, value: snapshot });
      return { dispose: () => disposed.push(`watchFleet/${request.intervalSeconds}`) };
    },
  } as Partial<StreamHandlers> as StreamHandlers;
  return { dispatcher: new ContractDispatcher(methods, streams, log), calls, lines, disposed };
}

describe('the contract dispatcher', () => {
  it('runs a well-formed request and returns its value', async () => {
    const { dispatcher, calls } = dispatcherWith();
    const result = await dispatcher.call('getAppDetail', { appId: 'b6bdf840-2854-4f87' });
    expect(result).toEqual({ ok: true, value: { app: { id: 'b6bdf840-2854-4f87' } } });
    expect(calls).toEqual([{ appId: 'b6bdf840-2854-4f87' }]);
  });

  it.each([
    ['no argument', undefined],
    ['a number', 42],
    ['a missing field', {}],
    ['a wrong type', { appId: 7 }],
    ['a path in the id', { appId: '../../v2/account' }],
    ['an extra field', { appId: 'abc', admin: true }],
    ['a prototype trick', JSON.parse('{"appId":"abc","__proto__":{"polluted":1}}')],
  ])('refuses %s before any service runs', async (_label, request) => {
    const { dispatcher, calls } = dispatcherWith();
    const result = await dispatcher.call('getAppDetail', request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_argument');
      expect(result.error.message).toMatch(/^Invalid request to getAppDetail/);
    }
    expect(calls).toEqual([]);
  });

  it('refuses an argument to a method that takes none, and unknown methods', async () => {
    const { dispatcher } = dispatcherWith();
    expect((await dispatcher.call('listFleet', { all: true })).ok).toBe(false);
    const unknown = await dispatcher.call('invoke', 'shell.openExternal');
    expect(unknown).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'Unknown method.' } });
    expect((await dispatcher.call('constructor', undefined)).ok).toBe(false);
  });

  it('keeps the API words of an API error, with its request id', async () => {
    const { dispatcher } = dispatcherWith({
      listFleet: async () => {
        throw new ApiError({
          code: 'rate_limited',
          message: 'DigitalOcean: API rate limit exceeded.',
          requestId: 'r-1',
          retryAfterSeconds: 60,
        });
      },
    });
    expect(await dispatcher.call('listFleet', undefined)).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'DigitalOcean: API rate limit exceeded.',
        requestId: 'r-1',
        retryAfterSeconds: 60,
      },
    });
  });

  it('tells an unexpected failure in plain words and keeps its details in the log only', async () => {
    const { dispatcher, lines } = dispatcherWith({
      listFleet: async () => {
        throw new TypeError('cannot read x of undefined at Bearer sekrit-token-123');
      },
    });
    const result = await dispatcher.call('listFleet', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Fleetdeck could not complete "listFleet". The details are in the log.' },
    });
    expect(lines.join('\n')).toContain('cannot read x of undefined');
    expect(lines.join('\n')).not.toContain('sekrit-token-123');
  });

  it('opens a stream with a valid request and disposes it on request', () => {
    const { dispatcher, disposed } = dispatcherWith();
    const events: unknown[] = [];
    const subscription = dispatcher.subscribe('watchFleet', { intervalSeconds: 15 }, (e) => events.push(e));
    expect(subscription.ok).toBe(true);
    expect(events).toHaveLength(1);
    if (subscription.ok) subscription.value.dispose();
    expect(disposed).toEqual(['watchFleet/15']);
  });

  it('refuses a stream with a malformed request', () => {
    const { dispatcher } = dispatcherWith();
    expect(dispatcher.subscribe('watchFleet', { intervalSeconds: 0.001 }, () => {}).ok).toBe(false);
    expect(dispatcher.subscribe('watchEverything', {}, () => {}).ok).toBe(false);
  });

  it('answers a request with thousands of unknown keys in a short message, not an echo of every key', async () => {
    const { dispatcher } = dispatcherWith();
    const request = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`unknown_key_${i}`, i]));
    const result = await dispatcher.call('getAppDetail', { appId: 'abc', ...request });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Invalid request to getAppDetail: request: Unrecognized keys/);
      expect(result.error.message.length).toBeLessThan(1_000);
    }
  });

  it('writes a failure whose words hold line breaks as one log line', async () => {
    const forged = 'x\n2026-01-01T00:00:00.000Z INFO switched to context production';
    const { dispatcher, lines } = dispatcherWith({
      getAppDetail: async () => {
        throw new ApiError({ code: 'not_found', message: forged });
      },
    });
    await dispatcher.call('getAppDetail', { appId: 'abc' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('x\\n2026-01-01T00:00:00.000Z INFO switched');
    expect(lines.join('\n').split('\n')).toHaveLength(1);
  });
});
