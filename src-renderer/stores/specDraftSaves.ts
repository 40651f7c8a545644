// How each app's draft text gets to disk: saved half a second after the last keystroke, one save at
// a time per app, retried until one lands — typing is never dropped. Apply, import, rebase and
// discard replace the draft: they run `exclusive`ly, with the debounced save cancelled, after the
// save on its way is answered, and with saves held until they are done. Each replacement starts a
// new generation, so a save answered for a text that is gone changes nothing and schedules nothing.
import type { SpecDraft } from '../../src-preload/contract';
import { callFleet } from '../fleetApi';
import type { SpecEditorEntry } from './specEditorEntry';

export const SAVE_DEBOUNCE_MS = 500;
/** Waits between retries of a failed save: quick at first, then every 30 s until it lands. */
export const SAVE_RETRY_MS = [2_000, 5_000, 10_000, 30_000];

interface AppSaves {
  timer?: ReturnType<typeof setTimeout>;
  flight?: Promise<void>;
  failures: number;
  generation: number;
  /** Operations replacing the draft that are running now: no save starts meanwhile. */
  held: number;
}

export interface DraftSaver {
  /** Saves after `ms` unless something else saves or cancels first. */
  schedule: (appId: string, ms: number) => void;
  /** Saves the text now (after a save already on its way); resolves once it landed or failed. */
  saveNow: (appId: string) => Promise<void>;
  /** Runs an operation that replaces the draft once the save on its way is answered, with saves held. */
  exclusive: <T>(appId: string, operation: () => Promise<T>) => Promise<T>;
  /** The draft was replaced or thrown away: what is on its way for the old one no longer counts. */
  forget: (appId: string) => void;
}

type Entry = (appId: string) => SpecEditorEntry;
type Patch = (appId: string, change: Partial<SpecEditorEntry>) => void;

/** What a save answer changes in the draft the store holds. */
export type DraftFromSave = (
  draft: SpecDraft,
  text: string,
  saved: { savedAt: string; pendingSecrets?: string[]; secretsToReenter?: string[] },
) => SpecDraft;

export function createDraftSaver(entry: Entry, patch: Patch, fromSave: DraftFromSave): DraftSaver {
  const apps = new Map<string, AppSaves>();
  const of = (appId: string) => {
    let saves = apps.get(appId);
    if (!saves) apps.set(appId, (saves = { failures: 0, generation: 0, held: 0 }));
    return saves;
  };
  const cancel = (appId: string) => {
    const saves = of(appId);
    clearTimeout(saves.timer);
    saves.timer = undefined;
  };
  const schedule = (appId: string, ms: number) => {
    cancel(appId);
    of(appId).timer = setTimeout(() => void saveNow(appId), ms);
  };

  const send = async (appId: string, text: string, generation: number) => {
    patch(appId, { save: { state: 'saving' } });
    const result = await callFleet((api) => api.saveDraft({ appId, yaml: text }));
    const saves = of(appId);
    if (saves.generation !== generation) return;
    const after = entry(appId);
    if (result.ok) {
      saves.failures = 0;
      const newer = after.text !== text;
      patch(appId, {
        savedText: text,
        draft: after.draft ? fromSave(after.draft, text, result.value) : after.draft,
        save: newer ? { state: 'pending' } : { state: 'saved', savedAt: result.value.savedAt },
      });
      if (newer && saves.held === 0) schedule(appId, SAVE_DEBOUNCE_MS);
      return;
    }
    // Refused as 'stale': the draft was applied or discarded in another window. Retrying cannot help.
    if (result.error.code === 'stale') {
      patch(appId, { save: { state: 'failed', error: result.error } });
      return;
    }
    saves.failures += 1;
    const wait = SAVE_RETRY_MS[Math.min(saves.failures, SAVE_RETRY_MS.length) - 1] ?? 30_000;
    patch(appId, { save: { state: 'failed', error: result.error, retryInSeconds: Math.round(wait / 1000) } });
    if (saves.held === 0) schedule(appId, wait);
  };

  const saveNow = async (appId: string) => {
    cancel(appId);
    const saves = of(appId);
    // One save at a time: the text typed meanwhile goes out once the one on its way is answered.
    while (saves.flight) await saves.flight;
    if (saves.held > 0) return;
    const current = entry(appId);
    if (current.text === undefined || !current.draft) return;
    if (current.text === current.savedText) {
      if (current.save && current.save.state !== 'saved')
        patch(appId, { save: { state: 'saved', savedAt: current.draft.updatedAt } });
      return;
    }
    const flight = send(appId, current.text, saves.generation);
    saves.flight = flight;
    try {
      await flight;
    } finally {
      if (saves.flight === flight) saves.flight = undefined;
    }
  };

  const exclusive = async <T>(appId: string, operation: () => Promise<T>): Promise<T> => {
    const saves = of(appId);
    // No new save first: each of these operations writes the draft itself (apply saves the text it
    // sends). A save on its way is waited for, so that it cannot land after the operation.
    while (saves.flight) await saves.flight;
    // From here to the hold there is no await: no save can start in between. The answer may have
    // scheduled another save or a retry: the operation's outcome decides whether one is needed.
    cancel(appId);
    saves.held += 1;
    try {
      return await operation();
    } finally {
      saves.held -= 1;
      const after = entry(appId);
      // The operation failed and left the typing as it was: it still has to reach the disk.
      if (saves.held === 0 && after.text !== undefined && after.text !== after.savedText)
        schedule(appId, SAVE_DEBOUNCE_MS);
    }
  };

  const forget = (appId: string) => {
    const saves = of(appId);
    cancel(appId);
    saves.failures = 0;
    saves.generation += 1;
  };

  return { schedule, saveNow, exclusive, forget };
}
