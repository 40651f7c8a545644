// What an Uptime check's regions see: the sandbox really probes the check's target — the name is
// looked up in the sandbox's DNS and the request goes to its HTTPS edge with that name (SNI and
// Host), as DigitalOcean's probes would reach App Platform's edge — and keeps each region's
// transitions on the sandbox's clock.
//
// Undocumented, so chosen here and said so: how often DigitalOcean probes (the sandbox probes at
// most once a PROBE_INTERVAL_MS of its clock, when the state is read, so a new check has a status
// at its first read), how many failures turn a region DOWN (one here), and the probe's timeout.
// Every region sees the same answer: the sandbox has one network path, loopback.
import { request } from 'node:https';
import type { components } from '../../clients/digitalocean/generated';
import { answerQuery } from '../dns/answers';
import type { SandboxDnsEdge } from '../dns';
import type { SandboxState } from '../state';
import type { StoredCheck, Transition, UptimeRegion } from './world';

type CheckState = components['schemas']['state'];
type RegionState = components['schemas']['region_state'];

export const PROBE_INTERVAL_MS = 60_000;
const PROBE_TIMEOUT_MS = 5_000;
const THIRTY_DAYS = 30 * 86_400_000;

/** UP for a 2xx or 3xx answer, as DigitalOcean's checks count them; DOWN for anything else. */
export async function probeTarget(
  state: SandboxState,
  edge: Pick<SandboxDnsEdge, 'connectTo'>,
  check: StoredCheck['check'],
): Promise<'UP' | 'DOWN'> {
  let url: URL;
  try {
    url = new URL(check.type === 'ping' && !/^\w+:\/\//.test(check.target) ? `https://${check.target}` : check.target);
  } catch {
    return 'DOWN';
  }
  const resolved = answerQuery(state, url.hostname, 'A');
  if (resolved.rcode !== 'NOERROR' || !resolved.answers.some((a) => a.type === 'A')) return 'DOWN';
  // A ping only needs the host to answer; the edge's listening socket stands in for ICMP.
  // The edge speaks HTTPS only: an http check is sent there too.
  const { host, port } = edge.connectTo(resolved.answers.find((a) => a.type === 'A')!.data);
  return new Promise((resolve) => {
    const req = request(
      {
        host,
        port,
        servername: url.hostname,
        method: check.type === 'ping' ? 'HEAD' : 'GET',
        path: `${url.pathname}${url.search}`,
        headers: { host: url.hostname, 'user-agent': 'DigitalOcean Uptime Probe 0.22.0' },
        rejectUnauthorized: false,
        timeout: PROBE_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(check.type === 'ping' || (status >= 200 && status < 400) ? 'UP' : 'DOWN');
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve('DOWN'));
    req.end();
  });
}

/** Probes when one is due on the sandbox's clock; reads arriving during a probe share it. */
export async function probeIfDue(
  state: SandboxState,
  edge: Pick<SandboxDnsEdge, 'connectTo'>,
  stored: StoredCheck,
): Promise<void> {
  if (stored.probing) return stored.probing;
  const now = state.clock.now();
  if (!stored.check.enabled) return;
  if (stored.lastProbeAt !== undefined && now - stored.lastProbeAt < PROBE_INTERVAL_MS) return;
  stored.probing = probeTarget(state, edge, stored.check)
    .then((status) => {
      const at = state.clock.now();
      for (const region of stored.check.regions) record(stored, region, { at, status });
      stored.lastProbeAt = at;
    })
    .finally(() => {
      stored.probing = undefined;
    });
  return stored.probing;
}

function record(stored: StoredCheck, region: UptimeRegion, next: Transition): void {
  const history = (stored.history[region] ??= []);
  if (history.at(-1)?.status !== next.status) history.push(next);
}

/** The state as GET …/state answers it: each selected region, and the newest outage that ended. */
export function checkState(stored: StoredCheck, now: number): CheckState {
  const regions: Record<string, RegionState> = {};
  let previous: { region: string; start: number; end: number } | undefined;
  for (const region of stored.check.regions) {
    const history = stored.history[region] ?? [];
    const last = history.at(-1);
    if (!last || !stored.check.enabled) {
      regions[region] = { status: 'CHECKING' };
      continue;
    }
    regions[region] = {
      status: last.status,
      status_changed_at: iso(last.at),
      thirty_day_uptime_percentage: uptimePercent(history, stored.createdAt, now),
    };
    for (const outage of outages(history)) {
      if (outage.end !== undefined && (!previous || outage.end > previous.end))
        previous = { region, start: outage.start, end: outage.end };
    }
  }
  return {
    regions: regions,
    ...(previous
      ? {
          previous_outage: {
            region: previous.region,
            started_at: iso(previous.start),
            ended_at: iso(previous.end),
            duration_seconds: Math.round((previous.end - previous.start) / 1000),
          },
        }
      : {}),
  };
}

function outages(history: Transition[]): Array<{ start: number; end?: number }> {
  const found: Array<{ start: number; end?: number }> = [];
  for (const t of history) {
    if (t.status === 'DOWN') found.push({ start: t.at });
    else if (found.at(-1) && found.at(-1)!.end === undefined) found.at(-1)!.end = t.at;
  }
  return found;
}

/**
 * Share of the last 30 days (or of the region's record, when shorter) it saw the target up. A
 * record younger than one probe interval holds one result: 100 or 0 (how the real API rounds a
 * check's first minutes is undocumented).
 */
export function uptimePercent(history: Transition[], createdAt: number, now: number): number {
  const from = Math.max(history[0]?.at ?? createdAt, now - THIRTY_DAYS);
  const span = now - from;
  if (span < PROBE_INTERVAL_MS) return history.at(-1)?.status === 'DOWN' ? 0 : 100;
  let down = 0;
  for (const outage of outages(history)) {
    const start = Math.max(outage.start, from);
    const end = outage.end ?? now;
    if (end > start) down += end - start;
  }
  return Math.round(((span - down) / span) * 10_000) / 100;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
