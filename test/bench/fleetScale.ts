// Fleet at scale (#17), in a real browser: 1,000 and 2,000 synthetic apps with 100 ms on every
// sandbox request, the built renderer served by the harness to Debian's Chromium. Prints:
// - cached_first_row_ms: a second start (the API slowed to 3 s, so only the disk copy can answer)
//   to the first app row painted, from the renderer's DOMContentLoaded and from navigation start;
// - sort_to_paint_ms and filter_key_to_paint_ms: a click on a column header / one keystroke in the
//   filter to the frame after it (requestAnimationFrame, then a task);
// - longest_task_idle_ms / longest_task_scroll_ms: PerformanceObserver('longtask') while the
//   overview sits through a watch tick and health beats, and while the table is scrolled end to end;
// - refresh: listFleet from the page (bridge, services, client, sandbox) as a ratio to one raw
//   GET of a 200-app page; the same refresh with no latency (the work alone); and the round trips
//   a refresh waits for, counted from the sandbox's request times (roundTrips.ts) — and, as a
//   cross-check, estimated as (with latency − without) / latency.
// Goals: cached first row ≤ 300 ms (1,000 apps), input to paint ≤ 100 ms, no long task > 50 ms,
// refresh ≤ 1.5× one round trip. The sandbox answers from the same Node process as the services
// and the harness, so its own JSON work for ten pages (some 40 ms a page of 200 apps) is
// serialized however they are asked for, where a remote API serves them side by side: the ratio
// here is an upper bound on what a remote API would show, and refresh_round_trips is the part
// the pages' order decides (10 one after another, 1 side by side).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHarness } from '../../src-main/harness/server';
import type { SandboxRequestTiming } from '../../src-main/sandbox/server';
import { silentLogger } from '../../src-main/logging/logger';
import { startRuntime } from '../../src-main/runtime';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { roundTripsWaitedFor } from './roundTrips';

const LATENCY_MS = 100;
const SLOW_API_MS = 3000;
const SIZES = [1000, 2000];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs in the page before the renderer: long tasks and the first app row, timed. */
const PROBE = () => {
  const w = window as unknown as Record<string, unknown>;
  const tasks: { start: number; duration: number }[] = [];
  w.__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => (w.__domReady = performance.now()));
  const seen = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="fleet-row"]')) return;
    seen.disconnect();
    const cached = Boolean(document.querySelector('[data-testid="fleet-cached-age"]'));
    requestAnimationFrame(() => setTimeout(() => (w.__firstRow = { at: performance.now(), cached }), 0));
  });
  seen.observe(document, { childList: true, subtree: true });
};

type Input = { sort: string } | { filter: string };

/** Input to the frame after it: the handler, React's render and the browser's paint. */
async function toPaint(page: Page, input: Input): Promise<number> {
  return page.evaluate(async (input) => {
    const started = performance.now();
    if ('sort' in input) {
      document.querySelector<HTMLButtonElement>(`[data-testid="sort-${input.sort}"]`)!.click();
    } else {
      // A keystroke as React hears it: the value set natively, then an input event.
      const box = document.querySelector<HTMLInputElement>('[data-testid="fleet-filter"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, input.filter);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - started;
  }, input);
}

const longestSince = (page: Page, since: number) =>
  page.evaluate(
    (t) =>
      Math.max(
        0,
        ...((window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks ?? [])
          .filter((e) => e.start >= t)
          .map((e) => e.duration),
      ),
    since,
  );

const now = (page: Page) => page.evaluate(() => performance.now());

async function benchSize(apps: number): Promise<Record<string, number | string>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleetdeck-bench-'));
  const runtime = await startRuntime({
    logger: silentLogger,
    dataDir,
    // DigitalOcean's own limits (5,000 an hour, 250 a minute), which the app reads from the answers'
    // headers and paces its background reads by: with limits of 1e9 it read health 30 times a
    // second while the table scrolled, a load no real account allows, in the same 2 CPUs as the page.
    sandbox: { syntheticApps: apps, latencyMs: LATENCY_MS },
  });
  const harness = await startHarness({ dispatcher: runtime.dispatcher, rendererDir: resolve('out/renderer') });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await fetch(`${runtime.sandbox.url}/v2/apps?per_page=200`, {
        headers: { Authorization: `Bearer ${runtime.sandboxToken}` },
      });
      await response.json();
      floor.push(performance.now() - started);
    }

    // First start: nothing kept yet; the fleet comes from the API and is kept on disk.
    const first = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await first.addInitScript(PROBE);
    await first.goto(harness.url);
    await first.locator('[data-testid="fleet-row"]').first().waitFor({ timeout: 60_000 });
    const refreshFromPage = () =>
      first.evaluate(async () => {
        const started = performance.now();
        const result = await (
          window as unknown as { fleet: { listFleet(): Promise<{ ok: boolean }> } }
        ).fleet.listFleet();
        if (!result.ok) throw new Error('listFleet failed');
        return performance.now() - started;
      });
    const refresh: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The app's list requests only: a health beat landing in the same window is not the refresh's.
      const timings: SandboxRequestTiming[] = [];
      const unwatch = runtime.sandbox.watchRequestTimes((t) => {
        if (t.target.startsWith('GET /v2/apps?') || t.target === 'GET /v2/apps') timings.push(t);
      });
      refresh.push(await refreshFromPage());
      unwatch();
      roundTrips.push(roundTripsWaitedFor(timings));
    }
    // The same refresh with no latency: what is left is work (the sandbox's, ours, the bridge's).
    // What the latency adds, divided by one latency, is how many round trips a refresh waits for.
    runtime.sandbox.faults.latencyMs = 0;
    const work: number[] = [];
    for (let i = 0; i < 5; i++) work.push(await refreshFromPage());
    runtime.sandbox.faults.latencyMs = LATENCY_MS;
    // Those reads bypassed the window's store, yet main tells the watch's next update against the
    // last read (the window's own Refresh, as far as the app knows): the window would not hold it,
    // and the watch would start over with the whole fleet, which no user can bring about. The
    // user's Refresh, once, leaves the window holding main's last read.
    const readAt = await first.getByTestId('fleet-refreshed-at').getAttribute('title');
    await first.getByTestId('fleet-refresh').click();
    await first.waitForFunction(
      (before) =>
        document.querySelector('[data-testid="fleet-refreshed-at"]')?.getAttribute('title') !== before &&
        !document.querySelector<HTMLButtonElement>('[data-testid="fleet-refresh"]')?.disabled,
      readAt,
    );
    await runtime.apps.flushCache();

    // Idle: health beats and, within the wait, a watch tick (spaced by the fleet's size).
    const idleFrom = await now(first);
    const refreshedAt = await first.getByTestId('fleet-refreshed-at').getAttribute('title');
    const gapMs = runtime.apps.fleetWatchGapMs(15_000);
    await first
      .waitForFunction(
        (before) => document.querySelector('[data-testid="fleet-refreshed-at"]')?.getAttribute('title') !== before,
        refreshedAt,
        { timeout: gapMs + 20_000, polling: 500 },
      )
      .catch(() => undefined);
    await first.waitForTimeout(4000);
    const idleLongest = await longestSince(first, idleFrom);
    const idleSeconds = ((await now(first)) - idleFrom) / 1000;

    // Scrolling the whole table, a frame at a time.
    const scrollFrom = await now(first);
    const frames = await first.evaluate(async () => {
      const frame = document.querySelector<HTMLElement>('[data-testid="fleet-scroll"]')!;
      let count = 0;
      while (frame.scrollTop + frame.clientHeight < frame.scrollHeight - 1) {
        frame.scrollTop += 600;
        count++;
        await new Promise((r) => requestAnimationFrame(r));
      }
      frame.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
      return count;
    });
    const scrollLongest = await longestSince(first, scrollFrom);

    // Sorting: name descending, ascending, by cost and back, each click to paint.
    const sortFrom = await now(first);
    const sorts: number[] = [];
    for (const id of ['name', 'name', 'cost', 'cost', 'active', 'name']) {
      sorts.push(await toPaint(first, { sort: id }));
    }
    // Filtering: one keystroke at a time into the filter box, then cleared.
    const keys: number[] = [];
    let typed = '';
    for (const ch of 'tenant-1') {
      typed += ch;
      keys.push(await toPaint(first, { filter: typed }));
    }
    const inputLongest = await longestSince(first, sortFrom);
    await first.close();

    // Second start: the API is slow; the overview paints from the disk copy.
    runtime.sandbox.faults.latencyMs = SLOW_API_MS;
    const cachedRuns: { fromDom: number; fromNav: number; cached: boolean }[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(harness.url);
      await page.waitForFunction(() => (window as unknown as { __firstRow?: unknown }).__firstRow, undefined, {
        timeout: 30_000,
      });
      const { at, cached, dom } = await page.evaluate(() => {
        const w = window as unknown as { __firstRow: { at: number; cached: boolean }; __domReady: number };
        return { ...w.__firstRow, dom: w.__domReady };
      });
      cachedRuns.push({ fromDom: at - dom, fromNav: at, cached });
      await context.close();
      // The closed page's fleet read is still waiting on the slowed API; when it lands, its pages
      // are built, parsed and joined in this process. A real second start is a new process, so
      // the next start waits for that work rather than compete with it.
      await new Promise((r) => setTimeout(r, SLOW_API_MS + 1500));
    }
    runtime.sandbox.faults.latencyMs = LATENCY_MS;
    const floorMs = median(floor);
    return {
      apps,
      injected_latency_ms: LATENCY_MS,
      cached_first_row_ms_after_dom_ready: round(median(cachedRuns.map((r) => r.fromDom))),
      cached_first_row_ms_after_navigation: round(median(cachedRuns.map((r) => r.fromNav))),
      cached_first_row_was_cached: String(cachedRuns.every((r) => r.cached)),
      sort_to_paint_ms_median: round(median(sorts)),
      sort_to_paint_ms_max: round(Math.max(...sorts)),
      filter_key_to_paint_ms_median: round(median(keys)),
      filter_key_to_paint_ms_max: round(Math.max(...keys)),
      longest_task_during_input_ms: round(inputLongest),
      longest_task_idle_ms: round(idleLongest),
      idle_seconds_watched: round(idleSeconds),
      longest_task_scroll_ms: round(scrollLongest),
      scroll_frames: frames,
      floor_one_get_ms: round(floorMs),
      refresh_cold_ms: round(refresh[0]!),
      refresh_median_ms: round(median(refresh.slice(1))),
      refresh_ratio: round(median(refresh.slice(1)) / floorMs),
      refresh_work_ms_without_latency: round(median(work.slice(1))),
      refresh_round_trips: median(roundTrips.slice(1)),
      refresh_round_trips_cold: roundTrips[0]!,
      refresh_round_trips_by_timing: round((median(refresh.slice(1)) - median(work.slice(1))) / LATENCY_MS),
      goals:
        'cached ≤ 300 ms (1,000 apps); input→paint ≤ 100 ms; long tasks ≤ 50 ms; refresh ≤ 1.5 round trips (ratio: an upper bound, see above)',
    };
  } finally {
    await browser.close();
    await harness.close();
    await runtime.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchFleetScale(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  for (const apps of SIZES) {
    for (const [key, value] of Object.entries(await benchSize(apps))) figures[`${apps}.${key}`] = value;
  }
  return figures;
}
