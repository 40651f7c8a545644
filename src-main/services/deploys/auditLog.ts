// The Activity log: every action appended as one JSON line to a file in the app's data folder.
// Append-only, so a crash never rewrites history; read back newest first with filters.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionKind, ActivityEntry } from '../../../src-preload/contract';
import { redact } from '../../logging/redact';

export const AUDIT_FILE = 'activity.jsonl';

export class AuditLog {
  private readonly file: string;
  private writes: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, AUDIT_FILE);
  }

  /** Records the start of an action; `finish` appends its outcome as a second line with the same id. */
  start(
    entry: Omit<ActivityEntry, 'id' | 'startedAt' | 'result'> & { result?: ActivityEntry['result'] },
  ): ActivityEntry {
    const full: ActivityEntry = { id: randomUUID(), startedAt: new Date().toISOString(), result: 'started', ...entry };
    this.append(full);
    return full;
  }

  finish(
    entry: ActivityEntry,
    outcome: Pick<ActivityEntry, 'result'> & Partial<Pick<ActivityEntry, 'message' | 'deploymentId'>>,
  ): ActivityEntry {
    const done: ActivityEntry = { ...entry, ...outcome, endedAt: new Date().toISOString() };
    this.append(done);
    return done;
  }

  async list(filter: { appId?: string; action?: ActionKind; limit?: number } = {}): Promise<ActivityEntry[]> {
    await this.writes;
    const text = await readFile(this.file, 'utf8').catch(() => '');
    // Later lines for the same id carry the outcome; the latest wins.
    const byId = new Map<string, ActivityEntry>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as ActivityEntry;
        byId.set(entry.id, { ...byId.get(entry.id), ...entry });
      } catch {
        // A torn last line after a crash is skipped, not fatal.
      }
    }
    // Newest first; entries started in the same millisecond keep the order they were written in
    // (the later one first), so a run's start never reads as coming after its first step.
    return [...byId.values()]
      .map((entry, written) => ({ entry, written }))
      .filter(
        ({ entry: e }) => (!filter.appId || e.appId === filter.appId) && (!filter.action || e.action === filter.action),
      )
      .sort((a, b) => b.entry.startedAt.localeCompare(a.entry.startedAt) || b.written - a.written)
      .slice(0, filter.limit ?? 500)
      .map(({ entry }) => entry);
  }

  /** Waits for pending appends (tests, shutdown). */
  flush(): Promise<void> {
    return this.writes;
  }

  private append(entry: ActivityEntry): void {
    const line = redact(JSON.stringify(entry)) + '\n';
    this.writes = this.writes
      .then(() => mkdir(join(this.file, '..'), { recursive: true }))
      .then(() => appendFile(this.file, line, { mode: 0o600 }));
  }
}
