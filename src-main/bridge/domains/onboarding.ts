// The onboarding domain's side of the contract: which service answers each method.
import type { OnboardingMethods, OnboardingStreams } from '../../../src-preload/contract';
import type { OnboardingService } from '../../services/onboarding';
import type { DomainMethodHandlers, DomainStreamHandlers, ErrorMapper } from '../dispatcher';

export function onboardingMethodHandlers(onboarding: () => OnboardingService): DomainMethodHandlers<OnboardingMethods> {
  return {
    planTenant: (request) => onboarding().plan(request),
    startOnboarding: ({ planId }) => onboarding().start(planId),
    listOnboardings: () => onboarding().list(),
    getOnboarding: ({ id }) => onboarding().get(id),
    retryStep: ({ id }) => onboarding().retry(id),
    resumeOnboarding: ({ id }) => onboarding().resume(id),
    removeCreated: ({ id, confirm, typedName }) => onboarding().removeCreated(id, confirm === true, typedName),
    revealDbPassword: ({ id }) => onboarding().revealDbPassword(id),
    planOffboarding: ({ appId }) => onboarding().planOffboarding(appId),
    runOffboardingStep: ({ appId, step, typedName }) => onboarding().runOffboardingStep(appId, step, typedName),
  };
}

export function onboardingStreamHandlers(
  onboarding: () => OnboardingService,
  toError: ErrorMapper,
): DomainStreamHandlers<OnboardingStreams> {
  return {
    // The session is taken once: a watch follows the run of the context it was opened in.
    watchOnboarding: ({ id }, emit) => onboarding().watch(id, emit, toError),
  };
}
