// One app's spec editor as the store holds it, and its text as it may leave Fleetdeck (a download,
// the clipboard).
import type { ApplyPreview, FleetError, SpecDraft, SpecValidation } from '../../src-preload/contract';
import { withoutClearSecrets } from '../specSchema/secrets';

export type SaveStatus =
  | { state: 'saved'; savedAt: string }
  | { state: 'pending' }
  | { state: 'saving' }
  /** Without `retryInSeconds` no retry is coming: the draft is gone (applied or discarded elsewhere). */
  | { state: 'failed'; error: FleetError; retryInSeconds?: number };

export interface StaleState {
  liveYaml: string;
  liveVersion: string;
  /** Why the three-way view opened: the preview saw it, or apply was refused. */
  reason: 'preview' | 'apply';
}

export interface SpecEditorEntry {
  loading: boolean;
  loadError?: FleetError;
  /** The draft as the main process last reported it (base, version, pending secrets). */
  draft?: SpecDraft;
  /** What the editor shows: the truth while typing, kept here until a save has it on disk. */
  text?: string;
  savedText?: string;
  save?: SaveStatus;
  /** The time of the draft restored on open, when there was one with changes. */
  restoredAt?: string;
  validating: boolean;
  validation?: SpecValidation;
  validationError?: FleetError;
  /** The text the validation (and its line numbers) belong to. */
  validatedText?: string;
  reviewing: boolean;
  review?: ApplyPreview;
  reviewError?: FleetError;
  reviewedText?: string;
  applying: boolean;
  applyError?: FleetError;
  stale?: StaleState;
  secretBusy: boolean;
  secretError?: FleetError;
  /** One line about the last import, export or rebase (a failure when `failed`). */
  notice?: { text: string; failed?: boolean };
}

export const EMPTY_SPEC_EDITOR: SpecEditorEntry = {
  loading: false,
  validating: false,
  reviewing: false,
  applying: false,
  secretBusy: false,
};

/** The editor's text as it may leave Fleetdeck, and whether clear SECRET values were taken out. */
export function shareable(entry: SpecEditorEntry): { text: string; scrubbed: boolean } | undefined {
  if (entry.text === undefined) return undefined;
  const text = withoutClearSecrets(entry.text, entry.draft?.baseYaml ?? '');
  return { text, scrubbed: text !== entry.text };
}

export const SCRUBBED =
  ' SECRET values typed in clear were left out (the encrypted live value, or an empty one, stands in their place).';

/** Hands a text to the browser's download (the renderer has no file system). */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
