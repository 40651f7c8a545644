// An onboarding writes its start and its first step within the same millisecond. The Activity log
// lists newest first, and two entries started at the same moment still read in the order they
// happened: the step above the start, never the start above its own first step.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../../src-main/services/deploys/auditLog';

afterEach(() => {
  vi.useRealTimers();
});

describe('the Activity log read back', () => {
  it('keeps the written order of entries started in the same millisecond, newest first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T14:25:24.000Z'));
    const log = new AuditLog(mkdtempSync(join(tmpdir(), 'fleetdeck-activity-')));
    const base = { context: 'Demo fleet', action: 'onboard_step' as const, appName: 'taskifai-faulty', parameters: {} };

    const run = log.start({ ...base, message: 'Onboard taskifai-faulty' });
    const step = log.start({ ...base, message: 'Create Supabase project taskifai-faulty' });
    log.finish(step, { result: 'failed' });
    log.finish(run, { result: 'succeeded' });

    const listed = await log.list();
    expect(listed.map((e) => e.message)).toEqual([
      'Create Supabase project taskifai-faulty',
      'Onboard taskifai-faulty',
    ]);
  });
});
