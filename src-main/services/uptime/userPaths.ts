// Health paths the user added to a tenant (e.g. /health/database), per account context, in
// <dataDir>/uptime-paths.json. Written whole and atomically; only well-formed paths are read back,
// so a hand-edited file cannot slip anything odd into a check's target. Nothing secret here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { healthPathProblem } from '../../../src-preload/contract/uptime';
import { writeFileAtomic } from '../../base/atomicFile';

export const UPTIME_PATHS_FILE = 'uptime-paths.json';

type PathsFile = { contexts: Record<string, Record<string, string[]>> };

export class UserHealthPaths {
  private readonly file: string;
  private data: Promise<PathsFile> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly context: string,
  ) {
    this.file = join(dataDir, UPTIME_PATHS_FILE);
  }

  async of(appId: string): Promise<string[]> {
    return [...((await this.load()).contexts[this.context]?.[appId] ?? [])];
  }

  add(appId: string, path: string): Promise<void> {
    return this.change(appId, (paths) => (paths.includes(path) ? paths : [...paths, path]));
  }

  remove(appId: string, path: string): Promise<void> {
    return this.change(appId, (paths) => paths.filter((p) => p !== path));
  }

  /** One change at a time, each on the file as the last one left it. */
  private change(appId: string, edit: (paths: string[]) => string[]): Promise<void> {
    const run = this.writes.then(async () => {
      const next: PathsFile = structuredClone(await this.load());
      const context = (next.contexts[this.context] ??= {});
      const paths = edit(context[appId] ?? []);
      if (paths.length > 0) context[appId] = paths;
      else delete context[appId];
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
      this.data = Promise.resolve(next);
    });
    this.writes = run.catch(() => {});
    return run;
  }

  private load(): Promise<PathsFile> {
    this.data ??= readFile(this.file, 'utf8').then(parsePaths, () => ({ contexts: {} }));
    return this.data;
  }
}

function parsePaths(text: string): PathsFile {
  const contexts: PathsFile['contexts'] = {};
  try {
    const raw = JSON.parse(text) as { contexts?: unknown };
    if (!raw.contexts || typeof raw.contexts !== 'object') return { contexts };
    for (const [context, apps] of Object.entries(raw.contexts as Record<string, unknown>)) {
      if (!apps || typeof apps !== 'object') continue;
      const kept: Record<string, string[]> = {};
      for (const [appId, paths] of Object.entries(apps as Record<string, unknown>)) {
        if (!Array.isArray(paths)) continue;
        const good = paths.filter((p): p is string => typeof p === 'string' && !healthPathProblem(p));
        if (good.length > 0) kept[appId] = [...new Set(good)];
      }
      contexts[context] = kept;
    }
  } catch {
    // An unreadable file holds no paths; the next change writes a good one.
  }
  return { contexts };
}
