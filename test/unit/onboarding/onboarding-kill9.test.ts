// Fleetdeck is killed with kill -9 three times while it onboards acme, and each time started again
// on the same data folder and resumed. The cloud lives in this test (the sandbox server), so it
// outlives every kill, as DigitalOcean and Supabase do; Fleetdeck's onboarding runs in a child
// Node process. The kills land where a duplicate would be made if a step trusted its own memory:
// 1. while the Supabase project create is in flight — the request is held until Fleetdeck is dead,
//    then reaches the cloud, which makes the project; the answer goes nowhere;
// 2. while the new project is COMING_UP (the sandbox clock holds it there, then jumps);
// 3. while the app create is in flight, held the same way: the app is made, its answer lost.
// The fourth Fleetdeck resumes to healthy, and the cloud holds one project, one app, one DNS record,
// one registry row and each migration once; the Activity log tells all of it, kills included.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxState } from '../../../src-main/sandbox/demoCloud';
import { AuditLog } from '../../../src-main/services/deploys/auditLog';
import { setDeployTiming } from '../../../src-main/sandbox/deployEngine';
import { startSandbox, type RunningSandbox } from '../../../src-main/sandbox/server';
import { setSupabaseTiming, supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import type { OnboardingPlan, OnboardingRun } from '../../../src-preload/contract';
import type { ChildConfig, ChildMethod } from './child/onboardingChild';
import { acmeRequest, REGISTRY_REF } from './world';

const DO_TOKEN = `dop_v1_${'9d'.repeat(32)}`;
const SB_TOKEN = `sbp_${'4e'.repeat(20)}`;
/** How long a new project stays COMING_UP on the sandbox clock: until the test moves the clock. */
const COMING_UP_MS = 60 * 60_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Between Fleetdeck and the cloud: passes every request on, except one it is told to hold, which
 * waits until released and is then sent to the cloud whether or not its sender still listens.
 */
async function holdingProxy(target: string) {
  let hold: { request: string; arrived: () => void; released: Promise<void> } | undefined;
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const url = new URL(req.url ?? '/', target);
      const out = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      out.on('error', reject);
      out.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const held = hold && `${req.method} ${req.url}` === hold.request ? hold : undefined;
        if (held) {
          hold = undefined;
          held.arrived();
          await held.released;
        }
        const answer = await forward(req, Buffer.concat(chunks));
        if (held) forwarded();
        res.writeHead(answer.status, answer.headers).end(answer.body);
      })().catch(() => res.destroy());
    });
  });
  let forwarded = () => {};
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Holds the next `METHOD /path` request; resolves `arrived` when it comes, sends it on `release`. */
    hold(requestLine: string) {
      let arrived!: () => void;
      let release!: () => void;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const sent = new Promise<void>((resolve) => (forwarded = resolve));
      hold = { request: requestLine, arrived, released };
      return { arrival, release: () => (release(), sent) };
    },
  };
}

/** One Fleetdeck: its onboarding service in a child process, called over IPC. */
async function fleetdeck(config: ChildConfig) {
  const child: ChildProcess = fork(join(__dirname, 'child', 'onboardingChild.ts'), [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (message: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
    if (message.ready) return ready();
    const call = pending.get(message.id!);
    pending.delete(message.id!);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(new Error(message.error));
  });
  await started;
  let next = 0;
  const call = <T>(method: ChildMethod, arg?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, method, arg });
    });
  return {
    call,
    /** Reads the run until `done` says so; every wait here is for an event, not a time. */
    async until(id: string, done: (run: OnboardingRun) => boolean): Promise<OnboardingRun> {
      for (;;) {
        const run = await call<OnboardingRun>('get', id);
        if (done(run)) return run;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** kill -9: no handler runs, nothing is flushed. */
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function cloud(): Promise<RunningSandbox> {
  const { state } = createSandboxState();
  state.tokens.set(DO_TOKEN, { scopes: 'read-write' });
  state.tokens.set(SB_TOKEN, { scopes: 'read-write', api: 'supabase' });
  setSupabaseTiming(state, { creatingMs: COMING_UP_MS });
  setDeployTiming(state, { pendingMs: 20, stepMs: 15 });
  const sandbox = await startSandbox({ state });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

describe('onboarding killed with kill -9 mid-step', () => {
  it('resumes each time on the same data folder and creates nothing twice', { timeout: 120_000 }, async () => {
    const sandbox = await cloud();
    const proxy = await holdingProxy(sandbox.url);
    const world = supabaseWorldOf(sandbox.state);
    const edge = sandbox.dns.connectTo('127.0.0.1');
    const config: ChildConfig = {
      dataDir: mkdtempSync(join(tmpdir(), 'fleetdeck-kill9-')),
      digitalOceanUrl: proxy.url,
      supabaseUrl: `${proxy.url}/supabase`,
      digitalOceanToken: DO_TOKEN,
      supabaseToken: SB_TOKEN,
      resolver: sandbox.dns.resolverServers[0]!,
      edgePort: edge.port,
      pollMs: 20,
    };
    const projects = () => world.projects.taskifai!.filter((p) => p.name === 'taskifai-acme');
    const apps = () => [...sandbox.state.apps.values()].filter((r) => r.app.spec.name === 'taskifai-acme');
    const runtimeLike = { sandbox } as unknown as Parameters<typeof acmeRequest>[0];

    // 1. Killed while Supabase has the create request and has not answered.
    const first = await fleetdeck(config);
    const plan = await first.call<OnboardingPlan>('plan', acmeRequest(runtimeLike));
    expect(plan.problems).toEqual([]);
    const creating = proxy.hold('POST /supabase/v1/projects');
    const { id } = await first.call<OnboardingRun>('start', plan.planId);
    await creating.arrival;
    await first.kill9();
    await creating.release();
    expect(projects()).toHaveLength(1);

    // 2. Killed while the project it finds (its own, by name) is COMING_UP.
    const second = await fleetdeck(config);
    const [stopped] = await second.call<OnboardingRun[]>('list');
    expect(stopped).toMatchObject({ id, state: 'interrupted' });
    expect(stopped!.supabaseRef).toBeUndefined();
    await second.call('resume', id);
    const waiting = await second.until(id, (r) => r.supabaseStatus === 'COMING_UP');
    expect(waiting.supabaseRef).toBe(projects()[0]!.ref);
    expect(waiting.steps[0]).toMatchObject({ kind: 'supabase_project', state: 'running' });
    await second.kill9();
    sandbox.state.clock.advance(COMING_UP_MS);

    // 3. Killed while App Platform has the create request: the app is made, the answer lost.
    const third = await fleetdeck(config);
    const creatingApp = proxy.hold('POST /v2/apps');
    await third.call('resume', id);
    await creatingApp.arrival;
    await third.kill9();
    await creatingApp.release();
    expect(apps()).toHaveLength(1);

    // 4. Resumed to healthy.
    const fourth = await fleetdeck(config);
    await fourth.call('resume', id);
    const done = await fourth.until(id, (r) => r.state !== 'running');
    expect(done.steps.map((s) => `${s.kind} ${s.state}`)).toEqual(done.steps.map((s) => `${s.kind} done`));
    expect(done.created.map((c) => c.kind)).toEqual(['supabase_project', 'registry_row', 'app', 'dns_record']);

    expect(projects()).toHaveLength(1);
    expect(apps()).toHaveLength(1);
    expect(done.appId).toBe(apps()[0]!.app.id);
    expect(sandbox.requests.filter((r) => r === 'POST /supabase/v1/projects')).toHaveLength(1);
    expect(sandbox.requests.filter((r) => r === 'POST /v2/apps')).toHaveLength(1);
    const records = sandbox.state.dns!.zones.get('taskifai.com')!.records;
    expect(records.filter((r) => r.name === 'acme')).toHaveLength(1);
    const applied = world.details[done.supabaseRef!]!.migrations.map((m) => m.version);
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length);
    const rows = world.details[REGISTRY_REF]!.rows?.get('public.tenants') ?? [];
    expect(rows.filter((r) => r.subdomain === 'acme')).toHaveLength(1);

    // The Activity log tells it, kills included: each step cut short ends canceled when resumed.
    // The child appends the run's last line just after the run file says done: wait for it.
    const log = new AuditLog(config.dataDir);
    const finished = async () =>
      (await log.list({ action: 'onboard_step' })).some((e) => e.parameters.step === 'done' && e.result !== 'started');
    await expect.poll(finished, { timeout: 10_000 }).toBe(true);
    const activity = await log.list({ action: 'onboard_step' });
    // Oldest first; the log keeps the written order of entries started in the same millisecond.
    const story = [...activity]
      .reverse()
      .map((e) => `${String(e.parameters.step)}${e.parameters.attempt ? `#${e.parameters.attempt}` : ''} ${e.result}`);
    expect(story).toEqual([
      'start succeeded',
      'supabase_project#1 canceled',
      'resume succeeded',
      'supabase_project#2 canceled',
      'resume succeeded',
      'supabase_project#3 succeeded',
      'api_keys#1 succeeded',
      'migrations#1 succeeded',
      'registry#1 succeeded',
      'app#1 canceled',
      'resume succeeded',
      'app#2 succeeded',
      'dns#1 succeeded',
      'healthy#1 succeeded',
      'done succeeded',
    ]);
    expect(activity.find((e) => e.result === 'canceled')?.message).toMatch(/stopped during this step/);
  });
});
