// What a step sees while it runs: its run (saved after every change), the context's clients, the
// project's keys (memory only) and a clock that stops when the app quits.
import type { CreatedResource } from '../../../src-preload/contract';
import type { SupabaseClient } from '../../clients/supabase/client';
import type { OnboardingDomainDeps } from './index';
import type { StoredRun } from './runStore';
import type { ProjectKeys } from './tenantSpec';

/** Thrown out of a wait when the app quits mid-step: the step is left as it was, for resume. */
export class Stopped extends Error {
  constructor() {
    super('Fleetdeck stopped while the step ran.');
  }
}

export interface StepContext {
  run: StoredRun;
  deps: OnboardingDomainDeps;
  supabase: SupabaseClient;
  /**
   * Attempts of this step before this one whose outcome is unknown (stopped mid-step, or no answer):
   * only then may the step take what it finds (a duplicate registry row) for its own earlier work.
   */
  earlierAttempts: number;
  /** Saves the run with the step's progress in words, and tells the watchers. */
  progress(text: string): Promise<void>;
  /** Saves the run (after a field such as supabaseRef or appId changed). */
  save(): Promise<void>;
  /** Adds what the run created, saved at once: a crash right after still knows to remove it. */
  created(resource: CreatedResource): Promise<void>;
  keys(): ProjectKeys | undefined;
  setKeys(keys: ProjectKeys): void;
  /** The template's other SECRET envs' values for the new app, from the keychain (or memory). */
  envSecrets(): Promise<Map<string, string>>;
  /** The run's DB password, from the keychain (or memory); generated once. */
  password(): Promise<string>;
  /** Waits the poll interval; throws Stopped if the app quits meanwhile. */
  pause(): Promise<void>;
  /** The poll interval and how long a wait may last before the step fails. */
  pollMs: number;
  timeoutMs: number;
}
