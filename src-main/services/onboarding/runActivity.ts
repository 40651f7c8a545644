// An onboarding's story in the Activity log, start to end: the plan started (template, hostname,
// the monthly cost), each step as it starts and ends (its attempt, the API's words on a failure,
// what it found on success), each Retry step or Resume on the founder's click, a step cut short by
// a quit, crash or kill -9 (closed as canceled when the run is resumed: the entry being written
// then is kept in the run's file), and the tenant live at the end. Removals are logged where they
// happen (onboardingService.removeCreated). Every entry is an `onboard_step`, named by `step`.
import type { ActivityEntry, ActivityResult, OnboardingStepKind } from '../../../src-preload/contract';
import type { AuditLog } from '../deploys/auditLog';
import type { StoredRun } from './runStore';

type Audit = Pick<AuditLog, 'start' | 'finish'>;

const money = (n: number) => `$${n.toFixed(2)}`;

export class RunActivity {
  constructor(
    private readonly audit: Audit,
    private readonly context: string,
  ) {}

  /** The run begins: what the plan said it would do and cost. */
  started(run: StoredRun): void {
    const { plan } = run;
    const cost = plan.cost.total;
    this.note(run, 'start', `Onboard ${run.name} (${run.hostname}) from ${plan.templateName}`, 'succeeded', {
      message: `${plan.steps.length} steps planned; ${money(cost.min)}${cost.max !== cost.min ? `–${money(cost.max)}` : ''}/mo once live.`,
      parameters: { template: plan.templateName, hostname: run.hostname, organization: plan.organization.slug },
    });
  }

  /** The founder asked to go on: Retry step after a failure, or Resume after a stop. */
  continued(run: StoredRun, how: 'retry' | 'resume', from: string | undefined): void {
    this.interrupted(run);
    this.note(run, how, `${how === 'retry' ? 'Retry step' : 'Resume'}: ${from ?? run.name}`, 'succeeded');
  }

  /** A step was being written when Fleetdeck stopped: its entry ends here, as canceled. */
  interrupted(run: StoredRun): void {
    if (!run.openEntry) return;
    this.audit.finish(run.openEntry, {
      result: 'canceled',
      message: 'Fleetdeck stopped during this step (it quit, crashed or was killed); the run was resumed.',
    });
    delete run.openEntry;
  }

  /** A step starts; the entry stays open in the run's file until it ends. */
  stepStarted(run: StoredRun, kind: OnboardingStepKind, title: string): ActivityEntry {
    const entry = this.audit.start({
      context: this.context,
      action: 'onboard_step',
      appName: run.name,
      ...(run.appId ? { appId: run.appId } : {}),
      target: title,
      parameters: { run: run.id, step: kind, attempt: run.attempts[kind] ?? 1 },
    });
    run.openEntry = entry;
    return entry;
  }

  stepEnded(run: StoredRun, entry: ActivityEntry, result: 'succeeded' | 'failed', message?: string): void {
    this.audit.finish(
      { ...entry, ...(run.appId ? { appId: run.appId } : {}) },
      { result, ...(message ? { message } : {}) },
    );
    delete run.openEntry;
  }

  /** Every step done: the tenant is live. */
  finished(run: StoredRun): void {
    this.note(run, 'done', `${run.name} is live${run.liveUrl ? ` at ${run.liveUrl}` : ''}`, 'succeeded', {
      message: `Onboarded; in the tenants matrix. ${run.created.length} resources created.`,
    });
  }

  private note(
    run: StoredRun,
    step: string,
    target: string,
    result: ActivityResult,
    extra: { message?: string; parameters?: Record<string, string> } = {},
  ): void {
    const entry = this.audit.start({
      context: this.context,
      action: 'onboard_step',
      appName: run.name,
      ...(run.appId ? { appId: run.appId } : {}),
      target,
      parameters: { run: run.id, step, ...extra.parameters },
    });
    this.audit.finish(entry, { result, ...(extra.message ? { message: extra.message } : {}) });
  }
}
