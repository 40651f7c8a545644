// Tenants' health paths and the DigitalOcean Uptime checks on them. The overview answers at once
// from what was last read and re-reads in the background (request budget, "health" priority) once
// that is older than a few minutes: checks run at DigitalOcean every minute or so whether the
// laptop is open or not, so the window only needs their state now and then. A tenant's page reads
// now, as the user asked. Creating checks is idempotent: the account's checks are re-read and
// looked up by target first, so a second click — or a click after a lost answer — never makes a
// duplicate; one Activity entry per click says what was made.
import type {
  HealthPath,
  PlannedCheck,
  TenantUptime,
  UptimeChecksCreated,
  UptimeOverview,
} from '../../../src-preload/contract';
import { healthPathProblem } from '../../../src-preload/contract/uptime';
import { KeyedQueue } from '../../base/keyedQueue';
import type { App } from '../../clients/digitalocean/types';
import type { UptimeCheck, UptimeClient } from '../../clients/digitalocean/uptime';
import { ApiError } from '../../clients/http/apiError';
import { inBackground } from '../../clients/http/requestGate';
import type { AuditLog } from '../deploys/auditLog';
import { checksByTarget, healthPathsOf, hostsOf, regionsNear, targetKey } from './healthPaths';
import { checkView, summarize, type ReadState } from './uptimeState';
import type { UserHealthPaths } from './userPaths';

export type UptimeApi = Pick<
  UptimeClient,
  | 'listUptimeChecks'
  | 'getUptimeCheckState'
  | 'createUptimeCheck'
  | 'deleteUptimeCheck'
  | 'createUptimeAlert'
  | 'accountEmail'
>;

export interface UptimeServiceDeps {
  client: UptimeApi;
  /** The context's apps (one fleet read); the overview keeps them for APPS_MAX_AGE_MS. */
  apps: () => Promise<App[]>;
  app: (appId: string) => Promise<App>;
  paths: Pick<UserHealthPaths, 'of' | 'add' | 'remove'>;
  audit: Pick<AuditLog, 'start' | 'finish'>;
  context: string;
  toMessage: (error: unknown) => string;
  now?: () => number;
  /** Age past which the overview re-reads checks and states in the background (default 2 min). */
  stateMaxAgeMs?: number;
}

const APPS_MAX_AGE_MS = 10 * 60_000;
/** A refused token (no uptime:read) is asked again only after this long. */
const REFUSED_PAUSE_MS = 10 * 60_000;
/** A state read this recently is shown as it is on a tenant's page rather than read again. */
const FRESH_STATE_MS = 20_000;

export class UptimeService {
  private readonly now: () => number;
  private readonly maxAge: number;
  private readonly queue = new KeyedQueue();
  private checks?: { list: UptimeCheck[]; readAt: number };
  private fleet?: { apps: App[]; readAt: number };
  private readonly states = new Map<string, ReadState>();
  private refreshing?: Promise<void>;
  private problem?: { message: string; until: number };
  private email?: Promise<string | undefined>;

  constructor(private readonly deps: UptimeServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.maxAge = deps.stateMaxAgeMs ?? 120_000;
  }

  /** Every tenant's uptime as last read; starts a background re-read when one is due. */
  async getUptimeOverview(): Promise<UptimeOverview> {
    const now = this.now();
    const due = !this.fleet || !this.checks || now - this.checks.readAt >= this.maxAge;
    if (due && !this.refreshing && !(this.problem && now < this.problem.until)) {
      this.refreshing = this.refresh().finally(() => (this.refreshing = undefined));
    }
    const tenants: UptimeOverview['tenants'] = {};
    if (this.fleet && this.checks) {
      const byTarget = checksByTarget(this.checks.list);
      for (const app of this.fleet.apps) {
        if (!app.id) continue;
        const paths = await this.joined(app, byTarget);
        if (paths.length > 0) tenants[app.id] = summarize(app.id, paths);
      }
    }
    return {
      ...(this.checks ? { readAt: new Date(this.checks.readAt).toISOString() } : {}),
      tenants,
      ...(this.problem ? { problem: this.problem.message } : {}),
    };
  }

  /** Waits for a background re-read under way (tests). */
  settled(): Promise<void> {
    return this.refreshing ?? Promise.resolve();
  }

  private async refresh(): Promise<void> {
    try {
      await inBackground('health', async () => {
        const now = this.now();
        if (!this.fleet || now - this.fleet.readAt >= APPS_MAX_AGE_MS)
          this.fleet = { apps: await this.deps.apps(), readAt: this.now() };
        const list = await this.deps.client.listUptimeChecks();
        this.checks = { list, readAt: this.now() };
        this.forgetGone(list);
        const hosts = new Set(this.fleet.apps.flatMap((a) => [...hostsOf(a)]));
        // One state at a time: a modest pace the budget spreads out anyway.
        for (const check of list.filter((c) => c.id && hostOfTarget(c.target) && hosts.has(hostOfTarget(c.target)!)))
          await this.readState(check);
      });
      this.problem = undefined;
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      if (code === 'unauthorized' || code === 'forbidden')
        this.problem = { message: this.deps.toMessage(error), until: this.now() + REFUSED_PAUSE_MS };
      else if (code !== 'rate_limited') this.problem = { message: this.deps.toMessage(error), until: this.now() };
    }
  }

  private async readState(check: UptimeCheck): Promise<void> {
    const id = check.id!;
    try {
      const state = await this.deps.client.getUptimeCheckState(id);
      this.states.set(id, { state, readAt: this.now() });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rate_limited') throw error;
      this.states.set(id, { ...this.states.get(id), error: this.deps.toMessage(error) });
    }
  }

  private forgetGone(list: readonly UptimeCheck[]): void {
    const ids = new Set(list.map((c) => c.id));
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }

  /** The app's health paths, each with the check on exactly its URL. */
  private async joined(app: App, byTarget: ReadonlyMap<string, UptimeCheck>): Promise<HealthPath[]> {
    const paths = healthPathsOf(app, await this.deps.paths.of(app.id ?? ''));
    return paths.map((p) => {
      const check = byTarget.get(targetKey(p.url));
      return check ? { ...p, check: checkView(check, this.states.get(check.id ?? '')) } : p;
    });
  }

  /** One tenant, read now: its app, the account's checks, and the state of this tenant's checks. */
  async getTenantUptime(appId: string): Promise<TenantUptime> {
    const [app, list] = await Promise.all([this.deps.app(appId), this.deps.client.listUptimeChecks()]);
    this.checks = { list, readAt: this.now() };
    this.forgetGone(list);
    const hosts = hostsOf(app);
    const own = list.filter((c) => hosts.has(hostOfTarget(c.target) ?? ''));
    await Promise.all(
      own
        .filter((c) => c.id && !(this.now() - (this.states.get(c.id)?.readAt ?? 0) < FRESH_STATE_MS))
        .map((c) => this.readState(c)),
    );
    const paths = await this.joined(app, checksByTarget(list));
    const watched = new Set(paths.flatMap((p) => (p.check ? [p.check.id] : [])));
    const email = await this.alertEmail();
    const plan: PlannedCheck[] = paths
      .filter((p) => !p.check)
      .map((p) => ({
        name: checkName(app, p.path),
        target: p.url,
        regions: regionsNear(app.spec?.region),
        ...(email ? { alertEmail: email } : {}),
      }));
    return {
      appId,
      appName: app.spec?.name ?? appId,
      paths,
      otherChecks: own.filter((c) => !watched.has(c.id ?? '')).map((c) => checkView(c, this.states.get(c.id ?? ''))),
      plan,
      summary: summarize(appId, paths),
      ...(paths.length === 0
        ? { blocked: 'No health paths yet: the spec names no health_check.http_path. Add a path to watch.' }
        : {}),
    };
  }

  createTenantUptimeChecks(appId: string): Promise<UptimeChecksCreated> {
    return this.queue.run(appId, async () => {
      const [app, list, userPaths] = await Promise.all([
        this.deps.app(appId),
        this.deps.client.listUptimeChecks(),
        this.deps.paths.of(appId),
      ]);
      const paths = healthPathsOf(app, userPaths);
      const byTarget = checksByTarget(list);
      const missing = paths.filter((p) => !byTarget.has(targetKey(p.url)));
      const appName = app.spec?.name ?? appId;
      if (missing.length === 0)
        return { created: [], existing: paths.length, uptime: await this.getTenantUptime(appId) };
      const entry = this.deps.audit.start({
        context: this.deps.context,
        action: 'uptime_checks',
        appId,
        appName,
        target: missing.map((p) => p.path).join(', '),
        parameters: { create: missing.length, regions: regionsNear(app.spec?.region).join(', ') },
      });
      const created: UptimeCheck[] = [];
      let alertProblem: string | undefined;
      try {
        const email = await this.alertEmail();
        for (const path of missing) {
          const check = await this.deps.client.createUptimeCheck({
            name: checkName(app, path.path),
            type: 'https',
            target: path.url,
            regions: regionsNear(app.spec?.region),
            enabled: true,
          });
          created.push(check);
          if (email && check.id && !alertProblem) {
            // The check stands even when its alert cannot be set up; the page says why.
            await this.deps.client
              .createUptimeAlert(check.id, {
                name: `${checkName(app, path.path)} down`,
                type: 'down',
                comparison: 'less_than',
                threshold: 1,
                period: '2m',
                notifications: { email: [email], slack: [] },
              })
              .catch((error: unknown) => (alertProblem = this.deps.toMessage(error)));
          }
        }
      } catch (error) {
        this.deps.audit.finish(entry, {
          result: 'failed',
          message: `Created ${created.length} of ${missing.length} checks; then: ${this.deps.toMessage(error)}`,
        });
        throw error;
      }
      this.deps.audit.finish(entry, {
        result: 'succeeded',
        message: `Created ${created.length} uptime check${created.length === 1 ? '' : 's'}: ${missing.map((p) => p.path).join(', ')}.${alertProblem ? ` Alerts not set up: ${alertProblem}` : ''}`,
      });
      const uptime = await this.getTenantUptime(appId);
      return {
        created: created.map((c) => uptime.paths.find((p) => p.check?.id === c.id)?.check ?? checkView(c, undefined)),
        existing: paths.length - missing.length,
        uptime,
        ...(alertProblem ? { alertProblem } : {}),
      };
    });
  }

  deleteUptimeCheck(appId: string, checkId: string): Promise<TenantUptime> {
    return this.queue.run(appId, async () => {
      const [app, list] = await Promise.all([this.deps.app(appId), this.deps.client.listUptimeChecks()]);
      const check = list.find((c) => c.id === checkId);
      // Only a check on this tenant's own hosts may be deleted from its page.
      if (!check || !hostsOf(app).has(hostOfTarget(check.target) ?? ''))
        throw new ApiError({
          code: 'not_found',
          message: 'No such uptime check on this tenant (it may have been deleted).',
        });
      const entry = this.deps.audit.start({
        context: this.deps.context,
        action: 'uptime_checks',
        appId,
        appName: app.spec?.name ?? appId,
        target: check.target ?? checkId,
        parameters: { delete: check.name ?? checkId },
      });
      try {
        await this.deps.client.deleteUptimeCheck(checkId);
        this.deps.audit.finish(entry, { result: 'succeeded', message: `Deleted the uptime check on ${check.target}.` });
      } catch (error) {
        this.deps.audit.finish(entry, { result: 'failed', message: this.deps.toMessage(error) });
        throw error;
      }
      this.states.delete(checkId);
      return this.getTenantUptime(appId);
    });
  }

  async addHealthPath(appId: string, path: string): Promise<TenantUptime> {
    const problem = healthPathProblem(path);
    if (problem) throw new ApiError({ code: 'invalid_argument', message: problem });
    await this.deps.paths.add(appId, path);
    return this.getTenantUptime(appId);
  }

  async removeHealthPath(appId: string, path: string): Promise<TenantUptime> {
    await this.deps.paths.remove(appId, path);
    return this.getTenantUptime(appId);
  }

  /** Where a new check's "down" alert goes: the account's own email (verified, as alerts need). */
  private alertEmail(): Promise<string | undefined> {
    this.email ??= this.deps.client.accountEmail().catch(() => {
      this.email = undefined;
      return undefined;
    });
    return this.email;
  }
}

const checkName = (app: App, path: string) => `${app.spec?.name ?? 'app'} ${path}`.slice(0, 255);

function hostOfTarget(target: string | undefined): string | undefined {
  if (!target) return undefined;
  try {
    return new URL(/^\w+:\/\//.test(target) ? target : `https://${target}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
