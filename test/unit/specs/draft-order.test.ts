import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFolder } from '../../../src-main/services/specs/draftStore';
import { specsWithSandbox } from '../../support/specs';

const LATE = { code: 'stale', message: 'This draft was discarded or applied meanwhile; nothing was saved.' };

async function openedBibbi(options: Parameters<typeof specsWithSandbox>[0] = {}) {
  const setup = await specsWithSandbox(options);
  const appId = setup.appNamed('taskifai-bibbi').app.id!;
  const draft = await setup.specs.openDraft(appId);
  const folder = join(setup.dataDir, 'drafts', contextFolder('Demo fleet'));
  const draftFiles = () => readdirSync(folder);
  return {
    ...setup,
    appId,
    draft,
    edited: draft.yaml.replace('instance_count: 2', 'instance_count: 3'),
    file: join(folder, `${appId}.json`),
    draftFiles,
  };
}

describe('draft changes to one app happen in the order they were asked for', () => {
  it('a save already on its way when the founder discards does not bring the draft back', async () => {
    const { specs, appId, edited, draftFiles } = await openedBibbi();
    const [saved, discarded] = await Promise.allSettled([specs.saveDraft(appId, edited), specs.discardDraft(appId)]);
    expect([saved.status, discarded.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(draftFiles()).toEqual([]);
    expect(await specs.listDrafts()).toEqual([]);
  });

  it('a save that arrives after the discard is refused and leaves no draft behind', async () => {
    const { specs, appId, edited, draftFiles } = await openedBibbi();
    const discarding = specs.discardDraft(appId);
    const late = specs.saveDraft(appId, edited);
    await discarding;
    await expect(late).rejects.toMatchObject(LATE);
    expect(draftFiles()).toEqual([]);
  });

  it('a save that arrives after the apply is refused: the applied spec is live, no stale draft reappears', async () => {
    const { specs, appId, draft, edited, draftFiles } = await openedBibbi();
    await specs.saveDraft(appId, edited);
    const applying = specs.applyDraft(appId, edited, draft.baseVersion);
    const late = specs.saveDraft(appId, `${edited}# typed while applying\n`);
    await applying;
    await expect(late).rejects.toMatchObject(LATE);
    expect(draftFiles()).toEqual([]);
    // Opening the editor again starts from the live spec, which is now the applied one.
    expect((await specs.openDraft(appId)).yaml).toContain('instance_count: 3');
  });

  it('flush waits for a draft write that is still on its way to the disk', async () => {
    let reached!: () => void;
    let release!: () => void;
    const atRename = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const { specs, appId, edited, file } = await openedBibbi({
      draftStore: {
        beforeRename: async () => {
          if (!holding) return;
          reached();
          await gate;
        },
      },
    });
    holding = true;
    const saving = specs.saveDraft(appId, edited);
    const flushed = specs.flush();
    await atRename;
    release();
    await flushed;
    expect(JSON.parse(readFileSync(file, 'utf8')).yaml).toBe(edited);
    await saving;
  });
});
