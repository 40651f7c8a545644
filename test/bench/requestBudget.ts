// Request budget: the fleet overview left open on 200, 1,000 and 2,000 synthetic apps, against
// the sandbox cloud with DigitalOcean's limits on (250 a minute, 5,000 in a rolling hour). The
// window is simulated as the renderer behaves: one listFleet when it opens, watchFleet every 15 s,
// and getFleetHealth on the health store's beat (healthPolicy). Counted at the sandbox: requests
// in the busiest minute and the busiest hour, the 429s, and how old the oldest health reading is.
// Goals: at most 40% of each limit at every size; every app's health at most 10 min old at 1,000.
//
// Time is simulated, not waited for: one VirtualClock is the sandbox's clock (its rate limiter
// and deployments), the request budget's, the health refresh's, the fleet watch's and the
// simulated window's. It jumps to the next timer once every request in flight has been
// answered (the requests themselves are real HTTP over loopback), so an hour of the overview
// runs in seconds of wall time per fleet size, the sizes side by side in worker threads.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DigitalOceanClient } from '../../src-main/clients/digitalocean/client';
import type { RequestGate } from '../../src-main/clients/http/requestGate';
import { createSandboxState } from '../../src-main/sandbox/demoCloud';
import { startSandbox } from '../../src-main/sandbox/server';
import { AppsService } from '../../src-main/services/apps/appsService';
import { VirtualClock } from '../../src-main/services/budget/clock';
import { RequestBudget } from '../../src-main/services/budget/requestBudget';
import { watchFleet } from '../../src-main/services/apps/fleetWatcher';
import { InstanceSizeCache } from '../../src-main/services/apps/instanceSizeCache';
import {
  HEALTH_CHECK_TICK_MS,
  healthAskDue,
  healthKeyOf,
  type HealthAskState,
} from '../../src-renderer/stores/healthPolicy';

const SIZES = [200, 1000, 2000];
/**
 * An hour fills the API's hourly window (the first hour is the busiest: it holds the opening
 * burst); five more minutes show the window sliding. Longer is truer for health at 2,000 apps
 * (a full pass takes longer than an hour) but costs wall time: each re-read of that fleet's list
 * is 24 MB of JSON through the sandbox, so the full-pass time is reported from the measured rate.
 */
const OPEN_MS = 65 * 60_000;
/** The health read rate for the full-pass figure is measured over the run's last half hour. */
const RATE_WINDOW_MS = 30 * 60_000;
const PER_MINUTE = 250;
const PER_HOUR = 5000;
const SHARE = 0.4;
const HEALTH_AGE_GOAL_MIN = 10;
const START = Date.parse('2026-11-20T12:00:00Z');

interface Sample {
  at: number;
  requests: number;
  health: number;
}

const HEALTH_READ = /^GET \/v2\/apps\/[^/]+\/health$/;

export async function benchRequestBudget(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  let allMet = true;
  // Each size in a worker thread of its own, with its own clock and sandbox, so the cores share the
  // JSON work of the simulated hours.
  const runs = await Promise.all(SIZES.map((apps) => inWorker(apps)));
  for (const [i, apps] of SIZES.entries()) {
    const run = runs[i]!;
    const perMinuteOk = run.peakPerMinute <= SHARE * PER_MINUTE;
    const perHourOk = run.peakPerHour <= SHARE * PER_HOUR;
    const ageOk = run.neverRead === 0 && run.oldestHealthMin <= HEALTH_AGE_GOAL_MIN;
    const ageGoal = apps === 1000;
    allMet &&= perMinuteOk && perHourOk && (!ageGoal || ageOk);
    process.stdout.write(
      `  ${String(apps).padStart(5)} apps: ${run.peakPerMinute}/min peak (${pct(run.peakPerMinute, PER_MINUTE)} of 250, ` +
        `${perMinuteOk ? 'met' : 'NOT met'}), ${run.peakPerHour}/h peak (${pct(run.peakPerHour, PER_HOUR)} of 5,000, ` +
        `${perHourOk ? 'met' : 'NOT met'}), first 2 min ${run.firstTwoMinutes} requests, 429s ${run.rateLimited}; ` +
        `health: oldest reading ${run.oldestHealthMin} min, never read ${run.neverRead}, ` +
        `a full pass every ${run.fullPassMin} min at ${run.healthPerMinute} reads/min` +
        (ageGoal ? ` (goal <= ${HEALTH_AGE_GOAL_MIN} min: ${ageOk ? 'met' : 'NOT met'})` : '') +
        '\n',
    );
    Object.assign(figures, {
      [`apps_${apps}_per_minute_peak`]: run.peakPerMinute,
      [`apps_${apps}_per_hour_peak`]: run.peakPerHour,
      [`apps_${apps}_first_2_min`]: run.firstTwoMinutes,
      [`apps_${apps}_429s`]: run.rateLimited,
      [`apps_${apps}_oldest_health_min`]: run.oldestHealthMin,
      [`apps_${apps}_never_read`]: run.neverRead,
      [`apps_${apps}_health_full_pass_min`]: run.fullPassMin,
    });
  }
  return {
    ...figures,
    simulated_minutes: OPEN_MS / 60_000,
    goal: `<= ${SHARE * PER_MINUTE}/min and <= ${SHARE * PER_HOUR}/h at every size; health <= ${HEALTH_AGE_GOAL_MIN} min at 1,000 apps`,
    goals_met: allMet ? 'yes' : 'no',
  };
}

type Run = Awaited<ReturnType<typeof overviewOpen>>;

function inWorker(apps: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A worker starts without the TypeScript loader the bench runs under: register it first.
    const entry = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
    const worker = new Worker(entry, { eval: true, workerData: { requestBudgetApps: apps } });
    worker.once('message', (run: Run) => {
      resolve(run);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

if (!isMainThread && typeof (workerData as { requestBudgetApps?: unknown })?.requestBudgetApps === 'number') {
  void overviewOpen((workerData as { requestBudgetApps: number }).requestBudgetApps).then((run) =>
    parentPort!.postMessage(run),
  );
}

async function overviewOpen(appCount: number) {
  const clock = new VirtualClock(START);
  const { state, token } = createSandboxState({ syntheticApps: appCount, nowMs: START });
  state.clock = clock;
  // The synthetic deployments drop the spec copy and step list they carry (the list answer holds
  // each app's active deployment): no request count or health age depends on them, and an hour
  // of list re-reads then moves half the JSON through the sandbox.
  for (const record of state.apps.values()) {
    for (const deployment of record.deployments) {
      delete deployment.spec;
      if (deployment.progress) delete deployment.progress.steps;
    }
  }
  const sandbox = await startSandbox({ state });
  const budget = new RequestBudget({ clock });
  let rateLimited = 0;
  // Counts the API's 429s on the way through; the budget still hears every answer.
  const gate: RequestGate = {
    admit: async () => {
      const settle = await budget.admit();
      return (outcome) => {
        if (outcome.status === 429) rateLimited++;
        settle(outcome);
      };
    },
  };
  const client = new DigitalOceanClient({ baseUrl: sandbox.url, token: () => token, gate });
  const apps = new AppsService(client, new InstanceSizeCache(client), { budget, health: { clock } });
  const samples: Sample[] = [];
  let healthReads = 0;
  const push = sandbox.requests.push.bind(sandbox.requests);
  sandbox.requests.push = (...requests: string[]) => {
    for (const request of requests) if (HEALTH_READ.test(request)) healthReads++;
    return push(...requests);
  };
  const sample = () =>
    samples.push({ at: clock.now() - START, requests: sandbox.requests.length, health: healthReads });
  try {
    // The window opens: the user's own load, then health on the store's beat and the watch.
    let appIds = (await apps.listFleet()).apps.map((a) => a.id);
    const asked: HealthAskState = {};
    let health: Awaited<ReturnType<AppsService['getFleetHealth']>> = {};
    const askHealth = async () => {
      if (!healthAskDue(asked, appIds, clock.now())) return;
      health = await apps.getFleetHealth(appIds);
      Object.assign(asked, {
        loadedAt: clock.now(),
        loadedKey: healthKeyOf(appIds),
        pendingCount: Object.values(health).filter((h) => h.pending).length,
        appCount: appIds.length,
      });
    };
    await askHealth();
    const watch = watchFleet(
      () => apps.refreshFleet(),
      (error) => ({ code: 'internal', message: String(error) }),
      15,
      (event) => {
        if (event.ok) appIds = event.value.apps.map((a) => a.id);
        void askHealth();
      },
      { clock, gapMs: (ms) => apps.fleetWatchGapMs(ms), pausedUntil: () => apps.backgroundPausedUntil() },
    );
    const beat = new AbortController();
    void (async () => {
      while (!beat.signal.aborted) {
        await clock.sleep(HEALTH_CHECK_TICK_MS, beat.signal).catch(() => {});
        if (!beat.signal.aborted) await askHealth();
      }
    })();
    await clock.runFor(OPEN_MS, () => budget.busy, sample);
    watch.dispose();
    beat.abort();

    health = await apps.getFleetHealth(appIds);
    const readings = Object.values(health).filter((h) => h.checkedAt);
    const oldest = Math.min(...readings.map((h) => Date.parse(h.checkedAt!)));
    const rateFrom = samples.findLast((s) => s.at <= OPEN_MS - RATE_WINDOW_MS) ?? samples[0]!;
    const healthPerMinute = (healthReads - rateFrom.health) / ((OPEN_MS - rateFrom.at) / 60_000);
    return {
      peakPerMinute: peakIn(samples, 60_000),
      peakPerHour: peakIn(samples, 3_600_000),
      firstTwoMinutes: countUntil(samples, 2 * 60_000),
      rateLimited,
      oldestHealthMin: readings.length ? Math.round((clock.now() - oldest) / 60_000) : Infinity,
      neverRead: appIds.length - readings.length,
      healthPerMinute: Math.round(healthPerMinute * 10) / 10,
      fullPassMin: Math.round(appIds.length / healthPerMinute),
    };
  } finally {
    await sandbox.close();
  }
}

/** The most requests in any window of `ms` (samples are taken at every instant time stops at). */
function peakIn(samples: Sample[], ms: number): number {
  let peak = 0;
  let from = 0;
  for (const s of samples) {
    // Requests counted at an instant happened at it; the window (at - ms, at] excludes older ones.
    while (samples[from]!.at <= s.at - ms) from++;
    const before = from > 0 ? samples[from - 1]!.requests : 0;
    peak = Math.max(peak, s.requests - before);
  }
  return peak;
}

function countUntil(samples: Sample[], ms: number): number {
  let count = 0;
  for (const s of samples) if (s.at < ms) count = s.requests;
  return count;
}

const pct = (n: number, of: number) => `${Math.round((n / of) * 1000) / 10}%`;
