// Fleetdeck is stopped while "acme" is being onboarded in the production context, once the project,
// schema, registry row, app and DNS record are made and it waits for the deployment. Reopened on
// the same data folder, it lists the run where it stopped; Resume finishes it without creating
// anything twice — one project, one app, one DNS record, each migration once — because every step
// looks up what an earlier attempt made before it creates. (Both Fleetdecks live in this process,
// so the first is stopped where it waits, never mid-request: kill -9 mid-request, with the first
// in a process of its own, is onboarding-kill9.test.ts.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/logging/logger';
import { startRuntime } from '../../../src-main/runtime';
import { setDeployTiming } from '../../../src-main/sandbox/deployEngine';
import { supabaseWorldOf } from '../../../src-main/sandbox/supabaseApi';
import { MemorySecretStore, type SecretStore } from '../../../src-main/secrets/secretStore';
import type { OnboardingPlan, OnboardingRun } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';
import { acmeRequest, quicken, until } from './world';

const DO_TOKEN = `dop_v1_${'a7'.repeat(32)}`;
const SB_TOKEN = `sbp_${'c3'.repeat(20)}`;
const { start, value } = runningApp();
const QUEUED_MS = 60 * 60_000;

/** The OS keychain, which outlives the process (a memory store that says it is one). */
const keychain = () => Object.assign(new MemorySecretStore(), { kind: 'keychain' }) as unknown as SecretStore;

describe('an onboarding interrupted mid-way', () => {
  it(
    'is listed where it stopped after a restart, and Resume finishes it without duplicates',
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-onboarding-'));
      const secrets = keychain();
      // The second run of Fleetdeck (B) holds the cloud both runs talk to, so what the first made survives it.
      const later = await start({
        logger: silentLogger,
        dataDir,
        secrets,
        deployPollMs: 30,
        accountApis: 'sandbox',
        grantSandboxTokens: [
          { token: DO_TOKEN, scopes: 'read-write' },
          { token: SB_TOKEN, scopes: 'read-write', api: 'supabase' },
        ],
      });
      quicken(later);
      // The deployment waits in the queue until the sandbox clock is moved on.
      setDeployTiming(later.sandbox.state, { pendingMs: QUEUED_MS, stepMs: 15 });
      const cloud = later.sandbox.url;
      const first = await startRuntime({
        logger: silentLogger,
        dataDir,
        secrets,
        deployPollMs: 30,
        apiUrls: { digitalocean: cloud, supabase: `${cloud}/supabase` },
      });
      const call = async <T>(method: string, request?: unknown): Promise<T> => {
        const result = await first.dispatcher.call(method, request);
        if (!result.ok) throw new Error(result.error.message);
        return result.value as T;
      };
      let id: string;
      try {
        await call('addAccount', { provider: 'digitalocean', context: 'production', token: DO_TOKEN });
        await call('addAccount', { provider: 'supabase', context: 'production', token: SB_TOKEN });
        await call('switchContext', { context: 'production' });
        const plan = await call<OnboardingPlan>('planTenant', acmeRequest(later));
        expect(plan.problems).toEqual([]);
        id = (await call<OnboardingRun>('startOnboarding', { planId: plan.planId })).id;
        // Stopped while it waits for the deployment: everything before is made.
        await until(
          () => call<OnboardingRun>('getOnboarding', { id }),
          (r) => r.steps.find((s) => s.kind === 'healthy')?.state === 'running',
        );
      } finally {
        await first.dispose();
      }
      later.sandbox.state.clock.advance(QUEUED_MS);

      await value('addAccount', { provider: 'digitalocean', context: 'production', token: DO_TOKEN });
      await value('addAccount', { provider: 'supabase', context: 'production', token: SB_TOKEN });
      await value('switchContext', { context: 'production' });
      const [stopped] = await value<OnboardingRun[]>('listOnboardings');
      expect(stopped).toMatchObject({ id, name: 'taskifai-acme', context: 'production' });
      expect(stopped!.state).toBe('interrupted');
      expect(stopped!.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'running']);

      await value('resumeOnboarding', { id });
      const run = await until(
        () => value<OnboardingRun>('getOnboarding', { id }),
        (r) => r.state === 'done' || r.state === 'failed',
        30_000,
      );
      expect(run.steps.map((s) => [s.kind, s.state, s.error])).toEqual(
        run.steps.map((s) => [s.kind, 'done', undefined]),
      );

      const posts = (prefix: string) => later.sandbox.requests.filter((r) => r === `POST ${prefix}`).length;
      expect(posts('/supabase/v1/projects')).toBe(1);
      expect(posts('/v2/apps')).toBe(1);
      expect(posts('/v2/domains/taskifai.com/records')).toBe(1);
      const world = supabaseWorldOf(later.sandbox.state);
      expect(world.projects.taskifai!.filter((p) => p.name === 'taskifai-acme')).toHaveLength(1);
      const names = world.details[run.supabaseRef!]!.migrations.map((m) => m.name);
      expect(names).toEqual(run.plan.migrations.map((m) => m.name));
      expect([...later.sandbox.state.apps.values()].filter((r) => r.app.spec.name === 'taskifai-acme')).toHaveLength(1);
      // The password the first run made is still the one kept (the keychain outlived it).
      expect((await value<{ password: string }>('revealDbPassword', { id })).password).toHaveLength(32);
    },
  );
});
