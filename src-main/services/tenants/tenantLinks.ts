// The links a user set by hand between a tenant (an app) and a Supabase project, per account
// context, in <dataDir>/tenant-links.json. A link overrides what the spec says; `null` says "this
// app has no project of its own" (a shared Supabase such as InsightPulse's). Nothing secret here:
// app ids and project refs only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../base/atomicFile';

export const TENANT_LINKS_FILE = 'tenant-links.json';

type ContextLinks = Record<string, { supabaseRef: string | null }>;
type LinksFile = { contexts: Record<string, ContextLinks> };

const REF = /^[a-z]{20}$/;

export class TenantLinks {
  private readonly file: string;
  private data: Promise<LinksFile> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly context: string,
  ) {
    this.file = join(dataDir, TENANT_LINKS_FILE);
  }

  /** appId → the project linked by hand (null: unlinked on purpose); apps not in here follow their spec. */
  async all(): Promise<ReadonlyMap<string, string | null>> {
    const links = (await this.load()).contexts[this.context] ?? {};
    return new Map(Object.entries(links).map(([appId, link]) => [appId, link.supabaseRef]));
  }

  set(appId: string, supabaseRef: string | null): Promise<void> {
    return this.change((links) => {
      links[appId] = { supabaseRef };
    });
  }

  forget(appId: string): Promise<void> {
    return this.change((links) => {
      delete links[appId];
    });
  }

  /** One change at a time, each on the file as the last one left it; the file is replaced whole. */
  private change(edit: (links: ContextLinks) => void): Promise<void> {
    const run = this.writes.then(async () => {
      const data = await this.load();
      const next: LinksFile = structuredClone(data);
      edit((next.contexts[this.context] ??= {}));
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
      this.data = Promise.resolve(next);
    });
    this.writes = run.catch(() => {});
    return run;
  }

  private load(): Promise<LinksFile> {
    this.data ??= readFile(this.file, 'utf8').then(parseLinks, () => ({ contexts: {} }));
    return this.data;
  }
}

/** Whatever the file holds, only well-formed links are taken: a hand-edited file cannot inject anything. */
function parseLinks(text: string): LinksFile {
  try {
    const raw = JSON.parse(text) as { contexts?: unknown };
    const contexts: Record<string, ContextLinks> = {};
    if (raw.contexts && typeof raw.contexts === 'object') {
      for (const [context, links] of Object.entries(raw.contexts as Record<string, unknown>)) {
        if (!links || typeof links !== 'object') continue;
        const kept: ContextLinks = {};
        for (const [appId, link] of Object.entries(links as Record<string, { supabaseRef?: unknown }>)) {
          const ref = link?.supabaseRef;
          if (ref === null || (typeof ref === 'string' && REF.test(ref))) kept[appId] = { supabaseRef: ref };
        }
        contexts[context] = kept;
      }
    }
    return { contexts };
  } catch {
    return { contexts: {} };
  }
}
