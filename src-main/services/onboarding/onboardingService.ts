// Onboarding runs of one account context: a plan made first (nothing created), then a run that
// walks its steps in order, saving each outcome, so a crash, kill -9 or failed step leaves it where
// it stopped for Resume or Retry step; and "Remove what was created", which deletes exactly the
// resources the run recorded. Every step is written to the Activity log as it starts and ends.
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  CreatedResource,
  OffboardingPlan,
  OffboardingStepKind,
  OnboardingPlan,
  OnboardingRequest,
  OnboardingRun,
  OnboardingStepKind,
  Result,
} from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import type { ErrorMapper } from '../../base/errors';
import { ApiError } from '../../clients/http/apiError';
import type { SupabaseClient } from '../../clients/supabase/client';
import { registerSecret } from '../../logging/redact';
import type { SecretKey } from '../../secrets/secretStore';
import { appStep, dnsStep, healthyStep } from './appSteps';
import type { OnboardingDomainDeps } from './index';
import { Offboarding } from './offboarding';
import { makePlan } from './planner';
import { removeResource } from './removal';
import { RunActivity } from './runActivity';
import { RunStore, type StoredRun } from './runStore';
import { Stopped, type StepContext } from './stepContext';
import { apiKeysStep, migrationsStep, registryStep, supabaseProjectStep } from './supabaseSteps';
import { generatedSecrets, type ProjectKeys } from './tenantSpec';

const STEPS: Record<OnboardingStepKind, (ctx: StepContext) => Promise<void>> = {
  supabase_project: supabaseProjectStep,
  api_keys: apiKeysStep,
  migrations: migrationsStep,
  registry: registryStep,
  app: appStep,
  dns: dnsStep,
  healthy: healthyStep,
};
/** Plans are kept this long for startOnboarding; an older one is planned again. */
const PLAN_TTL_MS = 60 * 60_000;
const DEFAULT_TIMEOUT_MS = 20 * 60_000;

export class OnboardingService {
  private readonly store: RunStore;
  private readonly plans = new Map<string, { made: Awaited<ReturnType<typeof makePlan>>; at: number }>();
  /** Runs walking their steps in this process now. */
  private readonly active = new Set<string>();
  /** The projects' keys, by run: memory only, read again on resume after a restart. */
  private readonly keys = new Map<string, ProjectKeys>();
  private readonly watchers = new Map<string, Set<(run: OnboardingRun) => void>>();
  /**
   * Each run as this process last wrote it. Reads come from here, not the file: a read of the file
   * begun just before the walk's last write would return "running" after the walk ended, and the
   * run would show as interrupted for a moment.
   */
  private readonly written = new Map<string, StoredRun>();
  private readonly offboarding: Offboarding;
  private readonly activity: RunActivity;
  private stopped = false;

  constructor(private readonly deps: OnboardingDomainDeps) {
    this.store = new RunStore(deps.dataDir, deps.context);
    this.offboarding = new Offboarding(deps);
    this.activity = new RunActivity(deps.audit, deps.context);
  }

  async plan(request: OnboardingRequest): Promise<OnboardingPlan> {
    const made = await makePlan(this.deps, request);
    this.plans.set(made.plan.planId, { made, at: Date.now() });
    return made.plan;
  }

  async start(planId: string): Promise<OnboardingRun> {
    const kept = this.plans.get(planId);
    if (!kept || Date.now() - kept.at > PLAN_TTL_MS)
      throw new ApiError({ code: 'not_found', message: 'That plan is no longer kept: plan the tenant again.' });
    const { plan, templateRef, secretValues } = kept.made;
    if (plan.problems.length > 0)
      throw new ApiError({
        code: 'invalid_argument',
        message: `Nothing was created: ${plan.problems.map((p) => p.message).join(' ')}`,
      });
    this.plans.delete(planId);
    const now = new Date().toISOString();
    const run: StoredRun = {
      version: 1,
      id: randomUUID(),
      context: this.deps.context,
      name: plan.request.name,
      hostname: plan.request.hostname,
      plan,
      state: 'running',
      steps: plan.steps.map((s) => ({ kind: s.kind, title: s.title, state: 'pending' })),
      created: [],
      dbPassword: this.deps.keychain.kind === 'keychain' ? 'keychain' : 'memory',
      createdAt: now,
      updatedAt: now,
      attempts: {},
      templateRef,
    };
    await this.passwordOf(run);
    const secrets = [...secretValues, ...generatedSecrets(plan.secrets)];
    for (const secret of secrets) registerSecret(secret.value);
    await this.deps.keychain.set(this.secretsKey(run), JSON.stringify(secrets));
    await this.save(run);
    this.activity.started(run);
    this.drive(run.id);
    return this.view(run);
  }

  async list(): Promise<OnboardingRun[]> {
    return (await this.store.list()).map((r) => this.view(this.written.get(r.id) ?? r));
  }

  async get(id: string): Promise<OnboardingRun> {
    return this.view(await this.read(id));
  }

  /** The failed step again, then the rest. */
  async retry(id: string): Promise<OnboardingRun> {
    const run = await this.read(id);
    if (this.view(run).state !== 'failed')
      throw new ApiError({ code: 'conflict', message: `${run.name}'s onboarding has no failed step to retry.` });
    return this.continue(run, 'retry');
  }

  async resume(id: string): Promise<OnboardingRun> {
    const run = await this.read(id);
    const state = this.view(run).state;
    if (state !== 'failed' && state !== 'interrupted')
      throw new ApiError({
        code: 'conflict',
        message: `${run.name}'s onboarding is ${state}: there is nothing to resume.`,
      });
    return this.continue(run, 'resume');
  }

  async removeCreated(
    id: string,
    confirm: boolean,
    typedName?: string,
  ): Promise<{ run: OnboardingRun; resources: CreatedResource[] }> {
    const run = await this.read(id);
    if (this.active.has(id))
      throw new ApiError({
        code: 'conflict',
        message: `${run.name}'s onboarding is still running: wait for it to stop.`,
      });
    const resources = run.created.filter((c) => !c.removedAt);
    if (!confirm) return { run: this.view(run), resources };
    // The same confirmation as offboarding's deletes: an app and a project are gone for good.
    if (resources.length > 0 && typedName !== run.name)
      throw new ApiError({
        code: 'invalid_argument',
        message: `Type the tenant's name (${run.name}) to confirm: nothing was removed.`,
      });
    const failures: string[] = [];
    // Newest first: the DNS record before the app it points at, the app before its project.
    for (const resource of [...resources].reverse()) {
      const entry = this.deps.audit.start({
        context: this.deps.context,
        action: 'onboard_step',
        appName: run.name,
        ...(resource.kind === 'app' ? { appId: resource.id } : {}),
        target: `Remove ${resource.label}`,
        parameters: { run: run.id, step: `remove_${resource.kind}` },
      });
      try {
        await removeResource(this.deps, run, resource, this.keys.get(run.id));
        resource.removedAt = new Date().toISOString();
        this.deps.audit.finish(entry, { result: 'succeeded' });
      } catch (error) {
        const message = this.deps.toError('remove', error).message;
        failures.push(`${resource.label}: ${message}`);
        this.deps.audit.finish(entry, { result: 'failed', message });
      }
      await this.save(run);
    }
    if (failures.length === 0) {
      run.state = 'removed';
      await this.deps.keychain.delete(this.passwordKey(run)).catch(() => false);
      await this.deps.keychain.delete(this.secretsKey(run)).catch(() => false);
      run.dbPassword = 'gone';
      this.keys.delete(run.id);
    }
    await this.save(run);
    if (failures.length > 0)
      throw new ApiError({ code: 'server_error', message: `Not everything was removed. ${failures.join(' ')}` });
    return { run: this.view(run), resources };
  }

  async revealDbPassword(id: string): Promise<{ password: string }> {
    const run = await this.read(id);
    const password = await this.deps.keychain.get(this.passwordKey(run));
    if (!password)
      throw new ApiError({
        code: 'not_found',
        message:
          run.dbPassword === 'memory'
            ? 'The password was kept only until Fleetdeck quit (there is no keychain): reset it in the Supabase dashboard.'
            : 'The password is no longer kept: reset it in the Supabase dashboard.',
      });
    return { password };
  }

  planOffboarding(appId: string): Promise<OffboardingPlan> {
    return this.offboarding.plan(appId);
  }

  runOffboardingStep(appId: string, step: OffboardingStepKind, typedName?: string): Promise<OffboardingPlan> {
    return this.offboarding.run(appId, step, typedName);
  }

  watch(id: string, emit: (event: Result<OnboardingRun>) => void, toError: ErrorMapper): Disposable {
    let listeners = this.watchers.get(id);
    if (!listeners) this.watchers.set(id, (listeners = new Set()));
    const listener = (run: OnboardingRun) => emit({ ok: true, value: run });
    listeners.add(listener);
    void this.get(id).then(listener, (error: unknown) => emit({ ok: false, error: toError('watchOnboarding', error) }));
    return { dispose: () => listeners.delete(listener) };
  }

  /** The app quits: steps stop at their next wait, left on disk as they were (resume continues). */
  dispose(): void {
    this.stopped = true;
    this.watchers.clear();
  }

  private async continue(run: StoredRun, how: 'retry' | 'resume'): Promise<OnboardingRun> {
    if (this.active.has(run.id)) return this.view(run);
    const from = run.steps.find((s) => s.state !== 'done' && s.state !== 'skipped')?.title;
    this.activity.continued(run, how, from);
    for (const step of run.steps) {
      // A step stopped mid-way may have acted: its next attempt must not take its own work for another's.
      if (step.state === 'running') run.uncertain = [...new Set([...(run.uncertain ?? []), step.kind])];
      if (step.state === 'failed' || step.state === 'running') step.state = 'pending';
    }
    run.state = 'running';
    await this.save(run);
    this.drive(run.id);
    return this.view(run);
  }

  private drive(id: string): void {
    if (this.active.has(id)) return;
    this.active.add(id);
    void this.walk(id)
      .catch((error: unknown) =>
        this.deps.log.warn(`onboarding ${id} stopped: ${this.deps.toError('onboarding', error).message}`),
      )
      .finally(() => this.active.delete(id));
  }

  private async walk(id: string): Promise<void> {
    const run = await this.read(id);
    for (const step of run.steps) {
      if (step.state === 'done' || step.state === 'skipped') continue;
      if (this.stopped) return;
      const earlierAttempts = run.uncertain?.includes(step.kind) ? (run.attempts[step.kind] ?? 0) : 0;
      run.attempts[step.kind] = (run.attempts[step.kind] ?? 0) + 1;
      Object.assign(step, { state: 'running', startedAt: new Date().toISOString() });
      delete step.error;
      delete step.endedAt;
      const entry = this.activity.stepStarted(run, step.kind, step.title);
      await this.save(run);
      try {
        // A restart forgot the keys: read them again before any step that needs them.
        if (!this.keys.has(run.id) && run.supabaseRef && step.kind !== 'api_keys' && step.kind !== 'supabase_project')
          await STEPS.api_keys(this.context(run, await this.supabase(), 0));
        await STEPS[step.kind](this.context(run, await this.supabase(), earlierAttempts));
        Object.assign(step, { state: 'done', endedAt: new Date().toISOString() });
        this.activity.stepEnded(run, entry, 'succeeded', step.progress);
        await this.save(run);
      } catch (error) {
        if (error instanceof Stopped || this.stopped) return;
        const failure = this.deps.toError('onboarding step', error);
        const message = failure.message;
        if (['network', 'timeout', 'unknown_outcome', 'server_error'].includes(failure.code))
          run.uncertain = [...new Set([...(run.uncertain ?? []), step.kind])];
        Object.assign(step, { state: 'failed', error: message, endedAt: new Date().toISOString() });
        run.state = 'failed';
        this.activity.stepEnded(run, entry, 'failed', message);
        await this.save(run);
        return;
      }
    }
    run.state = 'done';
    await this.save(run);
    this.activity.finished(run);
  }

  private context(run: StoredRun, supabase: SupabaseClient, earlierAttempts: number): StepContext {
    const step = () => run.steps.find((s) => s.state === 'running');
    return {
      run,
      deps: this.deps,
      supabase,
      earlierAttempts,
      progress: async (text) => {
        const current = step();
        if (current) current.progress = text;
        await this.save(run);
      },
      save: () => this.save(run),
      created: async (resource) => {
        if (!run.created.some((c) => c.kind === resource.kind && c.id === resource.id)) run.created.push(resource);
        await this.save(run);
      },
      keys: () => this.keys.get(run.id),
      setKeys: (keys) => this.keys.set(run.id, keys),
      password: () => this.passwordOf(run),
      envSecrets: async () => {
        const text = await this.deps.keychain.get(this.secretsKey(run));
        const list = text ? (JSON.parse(text) as Array<{ key: string; value: string }>) : [];
        for (const secret of list) registerSecret(secret.value);
        return new Map(list.map((s) => [s.key, s.value]));
      },
      pause: () => this.pause(),
      pollMs: this.deps.pollMs,
      timeoutMs: this.deps.stepTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  private async supabase(): Promise<SupabaseClient> {
    const client = await this.deps.supabase();
    if (!client)
      throw new ApiError({ code: 'unauthorized', message: `Context "${this.deps.context}" has no Supabase account.` });
    return client;
  }

  private async pause(): Promise<void> {
    if (this.stopped) throw new Stopped();
    await new Promise((resolve) => setTimeout(resolve, this.deps.pollMs));
    if (this.stopped) throw new Stopped();
  }

  private passwordKey(run: StoredRun): SecretKey {
    // Its own keychain entry per run ("supabase:<context>/onboarding/<id>"), never an account's.
    return { provider: 'supabase', context: `${run.context}/onboarding/${run.id}` };
  }

  private secretsKey(run: StoredRun): SecretKey {
    return { provider: 'supabase', context: `${run.context}/onboarding/${run.id}/envs` };
  }

  private async passwordOf(run: StoredRun): Promise<string> {
    const key = this.passwordKey(run);
    const kept = await this.deps.keychain.get(key);
    if (kept) return kept;
    // 32 characters of letters, digits, - and _: strong, and safe in a connection string.
    const password = randomBytes(24).toString('base64url');
    registerSecret(password);
    await this.deps.keychain.set(key, password);
    return password;
  }

  private async read(id: string): Promise<StoredRun> {
    const kept = this.written.get(id);
    const run = kept ? structuredClone(kept) : await this.store.read(id);
    if (!run || run.context !== this.deps.context)
      throw new ApiError({ code: 'not_found', message: 'No such onboarding in this context.' });
    return run;
  }

  private async save(run: StoredRun): Promise<void> {
    run.updatedAt = new Date().toISOString();
    await this.store.write(run);
    this.written.set(run.id, structuredClone(run));
    const view = this.view(run);
    for (const listener of this.watchers.get(run.id) ?? []) listener(view);
  }

  /** What the window sees: a run that says running but runs in no process here was interrupted. */
  private view(run: StoredRun): OnboardingRun {
    const {
      version: _version,
      attempts: _attempts,
      templateRef: _templateRef,
      uncertain: _uncertain,
      openEntry: _openEntry,
      ...shown
    } = structuredClone(run);
    if (shown.state === 'running' && !this.active.has(run.id))
      shown.state = shown.steps.every((s) => s.state === 'done' || s.state === 'skipped') ? 'done' : 'interrupted';
    return shown;
  }
}
