// Live logs under load: 10 sources writing 10,000 lines a second in total for 30 s, followed in
// the Logs view in Chromium through the browser harness (sandbox WebSockets → main process
// parse and batch → harness socket → renderer store → virtualized list). Reports lines sent
// against lines received (no loss expected below the buffer cap: the count is of arrivals), the
// longest main-thread task in the page (goal: none over 50 ms) and the JS heap at the end.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '../../src-main/harness/server';
import { silentLogger } from '../../src-main/logging/logger';
import { startRuntime } from '../../src-main/runtime';
import { CHROMIUM_LAUNCH } from '../support/chromium';

const SOURCES = 10;
const LINES_PER_SECOND = 10_000;
const SECONDS = 30;

declare global {
  interface Window {
    __longTasks: number[];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchLogs(): Promise<Record<string, number | string>> {
  const runtime = await startRuntime({
    logger: silentLogger,
    sandbox: { logLinesPerSecond: 0, rateLimits: { perHour: 1e9, perMinute: 1e9 } },
  });
  const sandbox = runtime.sandbox;
  const harness = await startHarness({ dispatcher: runtime.dispatcher, rendererDir: resolve('out/renderer') });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });

    // Ten running components across the fleet, one stream each.
    const keys = [...sandbox.state.apps.values()]
      .flatMap((r) =>
        [...(r.app.spec.services ?? []), ...(r.app.spec.workers ?? [])].map((c) => `${r.app.id}:${c.name}`),
      )
      .slice(0, SOURCES);
    await page.goto(`${harness.url}#/logs?sources=${keys.join(',')}`);
    await page
      .locator('[data-testid="stream-state"][data-state="live"]')
      .nth(SOURCES - 1)
      .waitFor({ timeout: 30_000 });
    const count = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-count'));
    await sleep(1_000);
    const historyLines = await count('received-count');

    await page.evaluate(() => (window.__longTasks = []));
    const sentBefore = sandbox.logs.stats.linesSent;
    sandbox.logs.linesPerSecond = LINES_PER_SECOND / SOURCES;
    const started = performance.now();
    await sleep(SECONDS * 1_000);
    sandbox.logs.linesPerSecond = 0;
    const seconds = (performance.now() - started) / 1000;
    const sent = sandbox.logs.stats.linesSent - sentBefore;

    // Let the last batches arrive: done when the count stops moving.
    let received = await count('received-count');
    for (let settled = 0, i = 0; settled < 3 && i < 60; i++) {
      await sleep(250);
      const now = await count('received-count');
      settled = now === received ? settled + 1 : 0;
      received = now;
    }
    const longTasks = await page.evaluate(() => window.__longTasks);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    return {
      sources: SOURCES,
      seconds: round(seconds),
      target_lines_per_second: LINES_PER_SECOND,
      lines_sent: sent,
      lines_received: received - historyLines,
      lines_lost: sent - (received - historyLines),
      buffer_lines: await count('buffer-count'),
      sandbox_lines_dropped: sandbox.logs.stats.linesDropped,
      longest_task_ms: round(Math.max(0, ...longTasks)),
      tasks_over_50ms: longTasks.filter((d) => d > 50).length,
      js_heap_used_mb: round(heap.usedSize / 1024 / 1024),
      js_heap_total_mb: round(heap.totalSize / 1024 / 1024),
      goal: 'no loss; no task over 50 ms; bounded heap',
    };
  } finally {
    await browser.close();
    await harness.close();
    await runtime.dispose();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
