// The instances' side of the sandbox's logs: each running component of an ACTIVE deployment
// writes lines at the configured rate whether or not a socket is reading (while anyone watched it
// lately), and keeps its recent lines so `tail_lines` after a reconnect returns what was really
// written. Archives (historic URLs) are made from the same generators.
import type { Deployment, ServiceSpec, WorkerSpec } from '../../clients/digitalocean/types';
import { Rand } from '../seed/random';
import { RunLineGenerator, flavourOf, seedOf } from './runLines';

const HISTORY_LINES = 5_000;
/** How far back the first read of a component reaches, at the demo's natural pace. */
const BACKFILL_LINES = 300;
const BACKFILL_SPACING_MS = 2_000;

export type RunComponent = ServiceSpec | WorkerSpec;

/** Formats App Platform's prefix: `<component> <RFC3339Nano> <message>`. */
export class Stamper {
  private lastMs = 0;
  private sub = 0;
  constructor(private readonly r: Rand) {}

  /** Strictly increasing times, with sub-millisecond digits like the real stream. */
  line(component: string, ms: number, message: string): string {
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.sub += 1 + this.r.int(0, 40);
      if (this.sub > 999_999) {
        ms += 1;
        this.sub = this.r.int(0, 999);
      }
    } else {
      this.sub = this.r.int(0, 999_000);
    }
    this.lastMs = ms;
    return `${component} ${new Date(ms).toISOString().slice(0, 23)}${String(this.sub).padStart(6, '0')}Z ${message}`;
  }
}

export function runComponentsOf(deployment: Deployment): RunComponent[] {
  const spec = deployment.spec;
  return [...(spec?.services ?? []), ...(spec?.workers ?? [])];
}

/** Lines an instance wrote from `fromMs` to `toMs`, beginning with its start-up if it started then. */
function synthetic(
  generator: RunLineGenerator,
  stamper: Stamper,
  name: string,
  r: Rand,
  startedMs: number,
  toMs: number,
  count: number,
): string[] {
  const out: string[] = [];
  let ms = Math.max(startedMs, toMs - count * BACKFILL_SPACING_MS);
  if (ms === startedMs) for (const m of generator.startup(ms)) out.push(stamper.line(name, ms, m));
  while (ms < toMs && out.length < count) {
    for (const m of generator.next(ms)) out.push(stamper.line(name, ms, m));
    ms += r.int(200, BACKFILL_SPACING_MS * 2 - 200);
  }
  return out;
}

export class RunProducer {
  readonly history: string[] = [];
  readonly watchers = new Set<(lines: string[]) => void>();
  lastWatchedMs: number;
  private readonly generator: RunLineGenerator;
  private readonly stamper: Stamper;
  private readonly r: Rand;
  private carry = 0;
  private lastTickMs: number;

  constructor(
    readonly deploymentId: string,
    readonly component: RunComponent,
    startedMs: number,
    nowMs: number,
  ) {
    const name = component.name ?? 'app';
    this.r = Rand.fromSeed(seedOf(`${deploymentId}/${name}/run`));
    this.generator = new RunLineGenerator(flavourOf(component), component, `${deploymentId}/${name}`);
    this.stamper = new Stamper(this.r);
    this.history.push(...synthetic(this.generator, this.stamper, name, this.r, startedMs, nowMs, BACKFILL_LINES));
    this.lastTickMs = nowMs;
    this.lastWatchedMs = nowMs;
  }

  get name(): string {
    return this.component.name ?? 'app';
  }

  tail(lines: number): string[] {
    return lines > 0 ? this.history.slice(-lines) : [];
  }

  /**
   * Writes what is due at `linesPerSecond` up to `nowMs`; returns it grouped as written. A
   * multi-line event (a stack trace) goes out whole, as a process flushes it; the overshoot is
   * taken off the next tick so the rate holds.
   */
  tick(nowMs: number, linesPerSecond: number): string[][] {
    const elapsed = Math.max(0, nowMs - this.lastTickMs);
    const due = this.carry + (linesPerSecond * elapsed) / 1000;
    let budget = due;
    const groups: string[][] = [];
    while (budget >= 1) {
      const ms = Math.round(this.lastTickMs + (elapsed * (due - budget + 1)) / Math.max(1, due));
      const group = this.generator.next(ms).map((m) => this.stamper.line(this.name, ms, m));
      budget -= group.length;
      groups.push(group);
      for (const line of group) this.history.push(line);
    }
    this.carry = linesPerSecond > 0 ? budget : 0;
    if (this.history.length > HISTORY_LINES * 1.2) this.history.splice(0, this.history.length - HISTORY_LINES);
    this.lastTickMs = nowMs;
    return groups;
  }
}

/** An archive of run logs: what an instance of a finished deployment wrote, or what it wrote before it restarted. */
export function archivedRunLines(
  deployment: Deployment,
  component: RunComponent,
  untilMs: number,
  restarted: boolean,
): string[] {
  const name = component.name ?? 'app';
  const r = Rand.fromSeed(seedOf(`${deployment.id ?? ''}/${name}/${restarted ? 'restarted' : 'archive'}`));
  const generator = new RunLineGenerator(flavourOf(component), component, `${deployment.id ?? ''}/${name}/archive`);
  const stamper = new Stamper(r);
  const started = Date.parse(deployment.created_at ?? '') || untilMs - 3_600_000;
  const lines = synthetic(generator, stamper, name, r, started + 30_000, untilMs - (restarted ? 60_000 : 0), 400);
  if (restarted) {
    const at = untilMs - 60_000;
    lines.push(stamper.line(name, at, 'ERROR:    Worker was sent SIGKILL! Perhaps out of memory?'));
    lines.push(stamper.line(name, at, 'Killed'));
  }
  return lines;
}
