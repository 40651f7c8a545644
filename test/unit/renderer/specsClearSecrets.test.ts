// A SECRET value typed in clear into the YAML stays on screen until apply, but never leaves through
// Export draft or Copy: the file and the clipboard get the live encrypted value (or "") instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withoutClearSecrets } from '../../../src-renderer/specSchema/secrets';
import { draftOf, fakeFleet, type FakeFleet } from './specsFleetFake';

const BASE = [
  'name: shop',
  'envs:',
  '- key: JWT_SECRET',
  '  type: SECRET',
  '  value: EV[1:live-jwt:abc]',
  'services:',
  '- name: api',
  '  envs:',
  '  - key: STRIPE_KEY',
  '    type: SECRET',
  '    value: EV[1:live-stripe:def]',
  '  - key: LOG_LEVEL',
  '    value: info',
  '',
].join('\n');

/** The founder typed the JWT secret in clear, quoted the Stripe key, and added a new secret. */
const TYPED = [
  '# keys rotated today',
  'name: shop',
  'envs:',
  '- key: JWT_SECRET',
  '  type: SECRET',
  '  value: hunter2-jwt # new one',
  '- key: SENTRY_DSN',
  '  type: SECRET',
  '  value: https://secret@sentry.example/1',
  'services:',
  '- name: api',
  '  envs:',
  '  - key: STRIPE_KEY',
  '    type: SECRET',
  "    value: 'sk_live_typed'",
  '  - key: LOG_LEVEL',
  '    value: info',
  '',
].join('\n');

describe('clear SECRET values are taken out of what leaves Fleetdeck', () => {
  it('puts back the live encrypted value, or "" for a secret the live spec does not have, and keeps the rest', () => {
    const out = withoutClearSecrets(TYPED, BASE);
    expect(out).not.toContain('hunter2-jwt');
    expect(out).not.toContain('sentry.example');
    expect(out).not.toContain('sk_live_typed');
    expect(out).toBe(
      TYPED.replace('hunter2-jwt', 'EV[1:live-jwt:abc]')
        .replace('https://secret@sentry.example/1', '""')
        .replace("'sk_live_typed'", 'EV[1:live-stripe:def]'),
    );
  });

  it('leaves a draft without clear values exactly as it is, non-secret values included', () => {
    const edited = BASE.replace('value: info', 'value: debug');
    expect(withoutClearSecrets(edited, BASE)).toBe(edited);
  });

  it('still takes them out of a half-typed draft that does not parse', () => {
    const broken = `${TYPED}  instance_count: [1\n`;
    const out = withoutClearSecrets(broken, BASE);
    expect(out).not.toContain('hunter2-jwt');
    expect(out).not.toContain('sk_live_typed');
    expect(out).toContain('instance_count: [1');
  });

  it('treats a list or mapping given as a SECRET value as clear text', () => {
    const listed = BASE.replace('value: EV[1:live-jwt:abc]', 'value: [hunter2, again]');
    expect(withoutClearSecrets(listed, BASE)).toBe(BASE);
  });
});

describe('Export draft and Copy with a clear SECRET in the editor', () => {
  let fleet: FakeFleet;
  let files: Array<{ name: string; blob: Blob }>;
  let clipboard: string[];

  beforeEach(() => {
    vi.resetModules();
    fleet = fakeFleet();
    fleet.openDraft.mockResolvedValue({ ok: true, value: draftOf(BASE, { baseYaml: BASE }) });
    files = [];
    clipboard = [];
    let lastBlob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      lastBlob = blob as Blob;
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const link = {
      href: '',
      download: '',
      click: () => files.push({ name: link.download, blob: lastBlob! }),
      remove: () => undefined,
    };
    vi.stubGlobal('document', { createElement: () => link, body: { append: () => undefined } });
    vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void clipboard.push(text) } });
    vi.stubGlobal('window', { fleet: fleet.api, location: { hash: '' } });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const typed = async () => {
    const { useSpecEditorStore } = await import('../../../src-renderer/stores/specEditorStore');
    await useSpecEditorStore.getState().open('app-1');
    useSpecEditorStore.getState().edit('app-1', TYPED);
    return useSpecEditorStore;
  };

  it('downloads the draft without them and says so', async () => {
    const store = await typed();
    await store.getState().exportSpec('app-1', 'draft');
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('shop.app.yaml');
    const text = await files[0]!.blob.text();
    expect(text).toBe(withoutClearSecrets(TYPED, BASE));
    expect(text).not.toMatch(/hunter2|sentry\.example|sk_live/);
    expect(store.getState().editors['app-1']?.notice?.text).toContain('SECRET values typed in clear were left out');
    // The editor keeps showing what was typed: only what leaves is changed.
    expect(store.getState().editors['app-1']?.text).toBe(TYPED);
  });

  it('copies the draft without them', async () => {
    const store = await typed();
    await store.getState().copyDraft('app-1');
    expect(clipboard).toEqual([withoutClearSecrets(TYPED, BASE)]);
    expect(store.getState().editors['app-1']?.notice?.text).toContain('Copied your draft');
  });
});
