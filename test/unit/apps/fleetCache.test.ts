// The last fleet per context is kept on disk for the next start: atomically, not too often, and
// with nothing in it but the fleet.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetSnapshot } from '../../../src-preload/contract';
import { FleetCache } from '../../../src-main/services/apps/fleetCache';

const fleet = (fetchedAt: string, names: string[]): FleetSnapshot => ({
  fetchedAt,
  apps: names.map((name) => ({
    id: `id-${name}`,
    name,
    group: name.split('-')[0]!,
    region: 'fra',
    components: [{ name: 'api', kind: 'service', monthlyCost: { min: 5, max: 5 } }],
    monthlyCost: { min: 5, max: 5 },
    liveUrl: `https://${name}.example.com`,
  })),
  monthlyCost: { min: 5 * names.length, max: 5 * names.length },
  rateLimit: { limit: 5000, remaining: 4990, resetAt: 1796295600 },
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleet-cache-'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the fleet kept for the next start', () => {
  it('is read back by the same context as it was read from the API, with its age', async () => {
    const cache = new FleetCache({ dataDir, context: 'production' });
    expect(await cache.read()).toBeNull();
    cache.offer(fleet('2026-12-03T10:00:00Z', ['taskifai-demo', 'taskifai-bibbi']));
    await cache.flush();

    const next = await new FleetCache({ dataDir, context: 'production' }).read();
    expect(next?.cachedAt).toBe('2026-12-03T10:00:00Z');
    expect(next?.snapshot.apps.map((a) => a.name)).toEqual(['taskifai-demo', 'taskifai-bibbi']);
    // Another context starts with nothing, not production's fleet.
    expect(await new FleetCache({ dataDir, context: 'staging' }).read()).toBeNull();
  });

  it('holds the fleet and nothing else: no rate-limit reading, no stray temporary files', async () => {
    const cache = new FleetCache({ dataDir, context: 'production' });
    cache.offer(fleet('2026-12-03T10:00:00Z', ['multivio-api']));
    await cache.flush();
    const text = await readFile(cache.file, 'utf8');
    const kept = JSON.parse(text) as { snapshot: Record<string, unknown> };
    expect(Object.keys(kept.snapshot).sort()).toEqual(['apps', 'fetchedAt', 'monthlyCost']);
    expect(text).not.toMatch(/remaining|token|dop_v1|sbp_/i);
    expect((await readdir(join(dataDir, 'fleet-cache'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the first fleet at once and then at most once a minute, the newest one winning', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const cache = new FleetCache({ dataDir, context: 'production', minWriteIntervalMs: 60_000 });
    cache.offer(fleet('2026-12-03T10:00:00Z', ['a-1']));
    await cache.flush();
    cache.offer(fleet('2026-12-03T10:00:15Z', ['a-1', 'a-2']));
    cache.offer(fleet('2026-12-03T10:00:30Z', ['a-1', 'a-2', 'a-3']));
    expect((await cache.read())?.cachedAt).toBe('2026-12-03T10:00:00Z');

    await vi.advanceTimersByTimeAsync(60_000);
    await cache.flush();
    expect((await cache.read())?.snapshot.apps).toHaveLength(3);
  });

  it('is no cache when the file is torn, of another format or from another context', async () => {
    const cache = new FleetCache({ dataDir, context: 'production' });
    cache.offer(fleet('2026-12-03T10:00:00Z', ['a-1']));
    await cache.flush();
    // Each read is a next start's: a new cache over the same folder.
    const readAtStart = () => new FleetCache({ dataDir, context: 'production' }).read();
    await writeFile(cache.file, '{"format":1,"context":"production","snapshot":{"fetchedAt":');
    expect(await readAtStart()).toBeNull();
    await writeFile(
      cache.file,
      JSON.stringify({ format: 1, context: 'staging', snapshot: fleet('2026-12-03T10:00:00Z', []) }),
    );
    expect(await readAtStart()).toBeNull();
    await writeFile(
      cache.file,
      JSON.stringify({ format: 1, context: 'production', snapshot: { fetchedAt: 'x', apps: 3 } }),
    );
    expect(await readAtStart()).toBeNull();
  });

  it("reads the file once: the window's first question is answered from memory", async () => {
    const written = new FleetCache({ dataDir, context: 'production' });
    written.offer(fleet('2026-12-03T10:00:00Z', ['a-1', 'a-2']));
    await written.flush();

    const atStart = new FleetCache({ dataDir, context: 'production' });
    expect((await atStart.read())?.snapshot.apps).toHaveLength(2);
    await rm(atStart.file);
    expect((await atStart.read())?.cachedAt).toBe('2026-12-03T10:00:00Z');
    // What it writes next is what it answers next, without reading it back.
    atStart.offer(fleet('2026-12-03T10:05:00Z', ['a-1']));
    await atStart.flush();
    expect((await atStart.read())?.snapshot.apps.map((a) => a.name)).toEqual(['a-1']);
  });
});
