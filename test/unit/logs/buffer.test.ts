// The merged tail stays in time order however the sources' batches interleave, and the buffer
// never holds more than its cap: the oldest lines leave first.
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src-preload/contract';
import { LogRing, mergeInto } from '../../../src-renderer/stores/logs/logBuffer';
import { LogModel } from '../../../src-renderer/stores/logs/logModel';

const t = (s: number) => `2026-11-20T12:00:${String(s).padStart(2, '0')}.000000000Z`;
const line = (s: number, message: string, component = 'api', extra: Partial<LogLine> = {}): LogLine => ({
  component,
  ts: t(s),
  message,
  ...extra,
});
const item = (s: number, name: string) => ({ ts: t(s), name });

describe('the ring buffer', () => {
  it('appends lines newer than the last', () => {
    const ring = new LogRing<{ ts: string; name: string }>(10);
    ring.insertSorted([item(1, 'a'), item(2, 'b')]);
    ring.insertSorted([item(3, 'c')]);
    expect(ring.toArray().map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });

  it('puts a late source’s lines where they belong, after lines of the same time already there', () => {
    const ring = new LogRing<{ ts: string; name: string }>(10);
    ring.insertSorted([item(1, 'api-1'), item(3, 'api-3'), item(5, 'api-5')]);
    ring.insertSorted([item(2, 'worker-2'), item(3, 'worker-3'), item(6, 'worker-6')]);
    expect(ring.toArray().map((x) => x.name)).toEqual(['api-1', 'worker-2', 'api-3', 'worker-3', 'api-5', 'worker-6']);
  });

  it('when full, pushes out the oldest lines and says which', () => {
    const ring = new LogRing<{ ts: string; name: string }>(3);
    ring.insertSorted([item(2, 'b'), item(4, 'd'), item(6, 'f')]);
    const evicted = ring.insertSorted([item(1, 'a'), item(5, 'e')]);
    expect(evicted.map((x) => x.name)).toEqual(['a', 'b']);
    expect(ring.toArray().map((x) => x.name)).toEqual(['d', 'e', 'f']);
    expect(ring.size).toBe(3);
  });

  it('wraps around its array many times and stays ordered', () => {
    const ring = new LogRing<{ ts: string; name: string }>(5);
    for (let s = 0; s < 40; s += 2) ring.insertSorted([item(s, `even-${s}`)]);
    ring.insertSorted([item(37, 'late')]);
    expect(ring.toArray().map((x) => x.name)).toEqual(['even-32', 'even-34', 'even-36', 'late', 'even-38']);
  });

  it('shrinks to a smaller cap by dropping the oldest', () => {
    const ring = new LogRing<{ ts: string; name: string }>(5);
    ring.insertSorted([1, 2, 3, 4, 5].map((s) => item(s, `n${s}`)));
    expect(ring.resize(2).map((x) => x.name)).toEqual(['n1', 'n2', 'n3']);
    expect(ring.toArray().map((x) => x.name)).toEqual(['n4', 'n5']);
    ring.insertSorted([item(6, 'n6')]);
    expect(ring.toArray().map((x) => x.name)).toEqual(['n5', 'n6']);
  });

  it('merges a sorted batch into a sorted list in place', () => {
    const list = [item(1, 'a'), item(4, 'd')];
    mergeInto(list, [item(2, 'b'), item(5, 'e')]);
    expect(list.map((x) => x.name)).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('the Logs view model', () => {
  it('merges ten sources that arrive out of order into one time-ordered tail', () => {
    const model = new LogModel(1_000);
    const batches = Array.from({ length: 10 }, (_, source) => ({
      label: `app/c${source}`,
      appName: 'app',
      lines: Array.from({ length: 20 }, (_, i) => line((i * 3 + source) % 60, `c${source} #${i}`, `c${source}`)),
    }));
    for (const batch of batches.reverse())
      model.add([{ ...batch, lines: [...batch.lines].sort((a, b) => (a.ts < b.ts ? -1 : 1)) }]);
    const times = model.visible.map((l) => l.ts);
    expect(times).toEqual([...times].sort());
    expect(model.received).toBe(200);
    expect(new Set(model.visible.map((l) => l.source)).size).toBe(10);
  });

  it('tags each line with its app and component, and markers of a whole-app stream with the app', () => {
    const model = new LogModel();
    model.add([
      {
        label: 'taskifai-bibbi',
        appName: 'taskifai-bibbi',
        lines: [line(1, 'x', 'bibbi-api'), line(2, 'gap', '', { marker: 'gap' })],
      },
    ]);
    expect(model.visible.map((l) => l.source)).toEqual(['taskifai-bibbi/bibbi-api', 'taskifai-bibbi']);
    expect(model.received).toBe(1);
  });

  it('keeps at most its cap, and the filtered view loses the same oldest lines', () => {
    const model = new LogModel(5);
    model.setFilter((l) => l.message.includes('keep'));
    const batch = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).map((s) => line(s, s % 2 ? `keep ${s}` : `drop ${s}`));
    model.add([{ label: 'a/api', appName: 'a', lines: batch(1, 5) }]);
    model.add([{ label: 'a/api', appName: 'a', lines: batch(6, 7) }]);
    expect(model.ring.size).toBe(5);
    expect(model.visible.map((l) => l.message)).toEqual(['keep 3', 'keep 5', 'keep 7']);
    expect(model.droppedFromView).toBe(1);
    expect(model.received).toBe(7);
  });

  it('while paused shows what it had, counts what arrives, and shows everything again on resume', () => {
    const model = new LogModel();
    model.add([{ label: 'a/api', appName: 'a', lines: [line(1, 'one')] }]);
    model.pause();
    model.add([{ label: 'a/api', appName: 'a', lines: [line(2, 'two'), line(3, 'three')] }]);
    expect(model.rows().map((l) => l.message)).toEqual(['one']);
    expect(model.newWhilePaused).toBe(2);
    model.resume();
    expect(model.rows().map((l) => l.message)).toEqual(['one', 'two', 'three']);
    expect(model.newWhilePaused).toBe(0);
  });

  it('remembers the newest time per source so a source added again starts after it', () => {
    const model = new LogModel();
    model.add([{ label: 'a/api', appName: 'a', lines: [line(4, 'x'), line(2, 'y')] }]);
    expect(model.lastTs.get('a/api')).toBe(t(4));
  });
});
