import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextFolder, DraftStore } from '../../../src-main/services/specs/draftStore';
import { FIXTURES, fixture, specsWithSandbox } from '../../support/specs';

const COMMENTED = fixture('taskifai-demo.app.yaml');
const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the miniature main process until it prints `until`, then kills it with SIGKILL. */
function runThenKill(dataDir: string, mode: 'save' | 'tear-next-write', until: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(FIXTURES, 'draftWriter.ts'), dataDir, mode, join(FIXTURES, 'taskifai-demo.app.yaml')],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(until)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

describe('a draft survives Fleetdeck being killed', () => {
  it('kill -9 right after a save: a fresh start reads the draft back byte for byte', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-drafts-'));
    expect(await runThenKill(dataDir, 'save', 'SAVED')).toBe('SIGKILL');
    const restored = await new DraftStore(dataDir, 'Demo fleet').read(APP);
    expect(restored?.yaml).toBe(COMMENTED);
    expect(restored?.baseVersion).toBe('0123456789abcdef');
  }, 30_000);

  it('killed halfway through writing a newer version: the good draft is still the draft', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-drafts-'));
    expect(await runThenKill(dataDir, 'tear-next-write', 'TORN')).toBe('SIGKILL');
    const folder = join(dataDir, 'drafts', contextFolder('Demo fleet'));
    // The torn temporary file is there: it just never became the draft.
    expect(readdirSync(folder).some((n) => n.startsWith(`${APP}.json.tmp-`))).toBe(true);
    const store = new DraftStore(dataDir, 'Demo fleet');
    expect((await store.read(APP))?.yaml).toBe(COMMENTED);
    expect(await store.list()).toHaveLength(1);
    // The next save sweeps the leftover away.
    await store.write({ ...(await store.read(APP))!, yaml: 'name: taskifai-demo\n' });
    expect(readdirSync(folder)).toEqual([`${APP}.json`]);
  }, 30_000);

  it('a failed write leaves the previous draft in place and no temporary file behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-drafts-'));
    const good = {
      appId: APP,
      appName: 'taskifai-demo',
      yaml: COMMENTED,
      baseYaml: '',
      baseVersion: '0123456789abcdef',
      origin: 'edit' as const,
      createdAt: 'x',
      updatedAt: 'x',
    };
    await new DraftStore(dataDir, 'Demo fleet').write(good);
    const failing = new DraftStore(dataDir, 'Demo fleet', {
      beforeRename: async () => Promise.reject(new Error('ENOSPC: no space left on device')),
    });
    await expect(failing.write({ ...good, yaml: 'name: broken\n' })).rejects.toThrow(/ENOSPC/);
    expect((await failing.read(APP))?.yaml).toBe(COMMENTED);
    expect(readdirSync(join(dataDir, 'drafts', contextFolder('Demo fleet')))).toEqual([`${APP}.json`]);
  });

  it('a draft file damaged outside Fleetdeck is set aside, not overwritten or lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetdeck-drafts-'));
    const folder = join(dataDir, 'drafts', contextFolder('Demo fleet'));
    await new DraftStore(dataDir, 'Demo fleet').write({
      appId: APP,
      appName: 'x',
      yaml: 'a',
      baseYaml: 'a',
      baseVersion: 'v',
      origin: 'edit',
      createdAt: 'x',
      updatedAt: 'x',
    });
    writeFileSync(join(folder, `${APP}.json`), '{"yaml": "half');
    const seen: string[] = [];
    const store = new DraftStore(dataDir, 'Demo fleet', { onUnreadable: (f) => seen.push(f) });
    expect(await store.read(APP)).toBeUndefined();
    expect(seen).toHaveLength(1);
    expect(readdirSync(folder).filter((n) => n.includes('.unreadable-'))).toHaveLength(1);
  });
});

describe('drafts are kept per app and per account context', () => {
  it('saves what the editor sends, lists it with its changed lines, and discards it', async () => {
    const { specs, make, appNamed } = await specsWithSandbox();
    const bibbi = appNamed('taskifai-bibbi').app.id!;
    const demo = appNamed('taskifai-demo').app.id!;
    const draft = await specs.openDraft(bibbi);
    expect(draft.yaml).toBe(draft.baseYaml);
    await specs.openDraft(demo);
    // Opened but untouched drafts are not worth listing.
    expect(await specs.listDrafts()).toEqual([]);
    await specs.saveDraft(
      bibbi,
      draft.yaml.replace('instance_count: 2', 'instance_count: 3').replace('region: fra', 'region: ams'),
    );
    expect(await specs.listDrafts()).toEqual([
      expect.objectContaining({ appId: bibbi, appName: 'taskifai-bibbi', origin: 'edit', changedLines: 2 }),
    ]);
    // Another account context has its own drafts.
    expect(await make('production').listDrafts()).toEqual([]);
    await specs.discardDraft(bibbi);
    expect(await specs.listDrafts()).toEqual([]);
    expect((await specs.openDraft(bibbi)).yaml).toBe(draft.baseYaml);
  });

  it('an untouched draft follows the live spec; an edited one keeps the base it was started from', async () => {
    const { specs, appNamed, client } = await specsWithSandbox();
    const record = appNamed('taskifai-demo');
    const untouched = await specs.openDraft(record.app.id!);
    const changed = structuredClone(record.app.spec);
    changed.workers![0]!.run_command = 'celery -A app.workers.celery_app worker --concurrency=2';
    await client.updateApp(record.app.id!, changed);
    const reopened = await specs.openDraft(record.app.id!);
    expect(reopened.baseVersion).not.toBe(untouched.baseVersion);
    await specs.saveDraft(record.app.id!, reopened.yaml.replace('region: fra', 'region: ams'));
    changed.workers![0]!.run_command = 'celery -A app.workers.celery_app worker --concurrency=3';
    await client.updateApp(record.app.id!, changed);
    expect((await specs.openDraft(record.app.id!)).baseVersion).toBe(reopened.baseVersion);
  });
});

describe('a draft file that cannot be read is never written over', () => {
  it('open and save say so in words and leave the file as it is; the list skips it', async () => {
    const { specs, appNamed, dataDir } = await specsWithSandbox();
    const appId = appNamed('taskifai-demo').app.id!;
    await specs.openDraft(appId);
    const file = join(dataDir, 'drafts', contextFolder('Demo fleet'), `${appId}.json`);
    // Unreadable the way a disk or permission problem makes it (tests run as root: a folder it is).
    rmSync(file);
    mkdirSync(file);
    writeFileSync(join(file, 'keep'), "the founder's work");
    const refusal = {
      code: 'internal',
      message: 'Your draft of taskifai-demo could not be read (EISDIR); nothing was changed.',
    };
    await expect(specs.openDraft(appId)).rejects.toMatchObject(refusal);
    await expect(specs.saveDraft(appId, 'name: taskifai-demo\n')).rejects.toMatchObject(refusal);
    expect(statSync(file).isDirectory()).toBe(true);
    expect(readdirSync(file)).toEqual(['keep']);
    expect(await specs.listDrafts()).toEqual([]);
  });
});
