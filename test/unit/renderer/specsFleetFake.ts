// A fake window.fleet for the spec editor's store tests: each method is a vi.fn answering as the
// main process would; a test holds a save back with `later()` to see what happens while it travels.
import { vi } from 'vitest';
import type { FleetApi, FleetError, Result, SpecDraft, SpecsMethods } from '../../../src-preload/contract';

export const LIVE = 'name: shop\nservices:\n- name: api\n  instance_count: 1\n';

export const draftOf = (yaml = LIVE, change: Partial<SpecDraft> = {}): SpecDraft => ({
  appId: 'app-1',
  appName: 'shop',
  yaml,
  baseYaml: LIVE,
  baseVersion: 'abcdef12',
  origin: 'edit',
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  pendingSecrets: [],
  ...change,
});

export const SAVED_AT = '2026-01-01T10:05:00Z';

type Saved = Result<SpecsMethods['saveDraft']['response']>;

/** A promise the test settles when it wants: an answer that arrives late. */
export function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const failure = (code: FleetError['code'], message: string) => ({
  ok: false as const,
  error: { code, message },
});

export function fakeFleet() {
  const openDraft = vi.fn(async (): Promise<Result<SpecDraft>> => ({ ok: true, value: draftOf() }));
  const saveDraft = vi.fn(async (_: { appId: string; yaml: string }): Promise<Saved> => ({
    ok: true,
    value: { savedAt: SAVED_AT },
  }));
  const discardDraft = vi.fn(async (): Promise<Result<null>> => ({ ok: true, value: null }));
  const importDraft = vi.fn(async (request: { appId: string; yaml: string }): Promise<Result<SpecDraft>> => ({
    ok: true,
    value: draftOf(request.yaml, { origin: 'import' }),
  }));
  const rebaseDraft = vi.fn(
    async (request: { appId: string; yaml: string; liveVersion: string }): Promise<Result<SpecDraft>> => ({
      ok: true,
      value: draftOf(request.yaml),
    }),
  );
  const applyDraft = vi.fn(async (): Promise<Result<{ deploymentId: string; terminal: boolean }>> =>
    failure('stale', 'The spec changed.'),
  );
  const previewApply = vi.fn(async () => ({
    ok: true as const,
    value: {
      appId: 'app-1',
      valid: true,
      problems: [],
      liveYaml: `${LIVE}region: fra\n`,
      liveVersion: '99999999',
      stale: true,
    },
  }));
  const quiet = vi.fn(async () => failure('internal', 'not in this test'));
  const api = new Proxy<Record<string, unknown>>(
    { openDraft, saveDraft, discardDraft, importDraft, rebaseDraft, applyDraft, previewApply },
    {
      get: (target, key: string) => target[key] ?? quiet,
    },
  );
  return {
    api: api as unknown as FleetApi,
    openDraft,
    saveDraft,
    discardDraft,
    importDraft,
    rebaseDraft,
    applyDraft,
    previewApply,
  };
}

export type FakeFleet = ReturnType<typeof fakeFleet>;

/** Puts the store's editor for app-1 into the given state, as the view would have led it there. */
export async function setEntry(change: Record<string, unknown>) {
  const { useSpecEditorStore } = await import('../../../src-renderer/stores/specEditorStore');
  useSpecEditorStore.setState((s) => ({ editors: { ...s.editors, 'app-1': { ...s.editors['app-1']!, ...change } } }));
}
