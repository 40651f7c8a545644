// Onboarding runs of one account context. (Being built: every method answers "not yet".)
import type {
  OffboardingPlan,
  OffboardingStepKind,
  OnboardingPlan,
  OnboardingRequest,
  OnboardingRun,
  CreatedResource,
  Result,
} from '../../../src-preload/contract';
import type { Disposable } from '../../base/disposable';
import type { ErrorMapper } from '../../base/errors';
import type { OnboardingDomainDeps } from './index';

const notYet = (): never => {
  throw new Error('Onboarding is not built yet.');
};

export class OnboardingService {
  constructor(readonly deps: OnboardingDomainDeps) {}

  plan(request: OnboardingRequest): Promise<OnboardingPlan> {
    void request;
    return notYet();
  }
  start(planId: string): Promise<OnboardingRun> {
    void planId;
    return notYet();
  }
  list(): Promise<OnboardingRun[]> {
    return notYet();
  }
  get(id: string): Promise<OnboardingRun> {
    void id;
    return notYet();
  }
  retry(id: string): Promise<OnboardingRun> {
    void id;
    return notYet();
  }
  resume(id: string): Promise<OnboardingRun> {
    void id;
    return notYet();
  }
  removeCreated(id: string, confirm: boolean): Promise<{ run: OnboardingRun; resources: CreatedResource[] }> {
    void id;
    void confirm;
    return notYet();
  }
  revealDbPassword(id: string): Promise<{ password: string }> {
    void id;
    return notYet();
  }
  planOffboarding(appId: string): Promise<OffboardingPlan> {
    void appId;
    return notYet();
  }
  runOffboardingStep(appId: string, step: OffboardingStepKind, typedName?: string): Promise<OffboardingPlan> {
    void appId;
    void step;
    void typedName;
    return notYet();
  }
  watch(id: string, emit: (event: Result<OnboardingRun>) => void, toError: ErrorMapper): Disposable {
    void id;
    void emit;
    void toError;
    return { dispose: () => {} };
  }
  /** Stops following runs (the app quits): a step in flight is left for resume. */
  dispose(): void {}
}
