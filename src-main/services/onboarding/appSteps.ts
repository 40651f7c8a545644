// The DigitalOcean steps of an onboarding: the app (found by name before it is created), its DNS
// record (made only when no record or wildcard already points at the app) and the wait until the
// deployment is ACTIVE and the spec's health-check path answers.
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { specToYaml } from '../specs/yamlSpec';
import { probeHealth } from './healthProbe';
import type { StepContext } from './stepContext';
import { tenantSpec } from './tenantSpec';

const hostOf = (url: string | undefined) => (url ? new URL(url).hostname : undefined);

export async function appStep(ctx: StepContext): Promise<void> {
  const { run, deps } = ctx;
  if (run.appId) return;
  const apps = await deps.client.listApps();
  // The plan refused a taken name, so an app of this name after an attempt whose outcome is unknown
  // (stopped mid-step, no answer) is that attempt's. Otherwise someone else made it since the plan:
  // it is not this run's, and "Remove what was created" must never delete it.
  const existing = apps.find((a) => a.spec.name === run.name);
  if (existing?.id && ctx.earlierAttempts > 0) {
    run.appId = existing.id;
    return ctx.created({ kind: 'app', id: existing.id, label: `App ${run.name}` });
  }
  if (existing)
    throw new ApiError({
      code: 'conflict',
      message: `An app named "${run.name}" was made since the plan, not by this onboarding: nothing was created. Rename or delete it, then retry.`,
    });
  const keys = ctx.keys();
  if (!keys) throw new ApiError({ code: 'internal', message: 'The project’s keys were not read: retry the step.' });
  const template = await deps.client.getApp(run.plan.request.templateAppId);
  const spec = tenantSpec(template.spec, run.plan.request, run.hostname, apps, {
    ref: run.supabaseRef!,
    keys,
    secrets: await ctx.envSecrets(),
  });
  // The specs domain's create path: the API's validation, the Activity log's create_app entry,
  // SECRET values redacted from every message, and a lost answer never creating two apps.
  const created = await deps.specs.createTenantApp(specToYaml(spec), run.plan.request.templateAppId);
  run.appId = created.appId;
  await ctx.created({ kind: 'app', id: created.appId, label: `App ${run.name}` });
}

async function ingressOf(ctx: StepContext): Promise<{ app: App; host: string }> {
  const started = Date.now();
  for (;;) {
    const app = await ctx.deps.client.getApp(ctx.run.appId!);
    const host = hostOf(app.default_ingress);
    if (host) {
      ctx.run.liveUrl = app.live_url ?? app.default_ingress;
      return { app, host };
    }
    if (Date.now() - started > ctx.timeoutMs)
      throw new ApiError({
        code: 'timeout',
        message: `${ctx.run.name} has no default ingress yet: retry once it deploys.`,
      });
    await ctx.progress('Waiting for the app’s default ingress');
    await ctx.pause();
  }
}

const sameHost = (a: string, b: string) => a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

export async function dnsStep(ctx: StepContext): Promise<void> {
  const { run, deps } = ctx;
  const { zone, record } = run.plan.dns;
  const { host } = await ingressOf(ctx);
  const records = await deps.dns.listRecords(zone);
  const own = records.find((r) => r.name === record);
  if (own) {
    if (own.type !== 'CNAME' || !sameHost(own.data, host))
      throw new ApiError({
        code: 'conflict',
        message: `${run.hostname} has a ${own.type} record pointing at ${own.data}, not at ${host}: change it in the DNS view, then retry.`,
      });
    // Pointing at an app that did not exist before this run: an earlier attempt made it.
    if (!run.created.some((c) => c.kind === 'dns_record'))
      await ctx.created({
        kind: 'dns_record',
        id: `${zone}/${own.id}`,
        label: `DNS record ${run.hostname} CNAME ${host}`,
      });
    return ctx.progress(`${run.hostname} points at ${host}`);
  }
  const wildcard = records.find((r) => r.name === '*' && r.type === 'CNAME' && sameHost(r.data, host));
  if (wildcard) return ctx.progress(`Covered by *.${zone} CNAME ${host}`);
  const made = await deps.dns.createRecord(zone, { type: 'CNAME', name: record, data: `${host}.`, ttl: 1800 });
  await ctx.created({
    kind: 'dns_record',
    id: `${zone}/${made.id}`,
    label: `DNS record ${run.hostname} CNAME ${host}`,
  });
  await ctx.progress(`${run.hostname} CNAME ${host}`);
}

export async function healthyStep(ctx: StepContext): Promise<void> {
  const { run, deps } = ctx;
  const started = Date.now();
  const path = run.plan.healthPath;
  for (;;) {
    const app = await deps.client.getApp(run.appId!);
    const deployment = app.in_progress_deployment ?? app.pending_deployment ?? app.active_deployment;
    const phase = deployment?.phase ?? 'UNKNOWN';
    if (phase === 'ERROR' || phase === 'CANCELED')
      throw new ApiError({
        code: 'server_error',
        message: `The deployment of ${run.name} ended ${phase}: see its logs, then retry.`,
      });
    const host = hostOf(app.default_ingress);
    if (phase === 'ACTIVE' && host) {
      // The app's own address first: the tenant's hostname answers only once App Platform has
      // seen the DNS record and issued its certificate, which can take a while after this.
      const answer = await probeHealth(host, path, ctx.deps.probeNetwork);
      if (answer.status !== undefined && answer.status < 400) {
        const tenant = await probeHealth(run.hostname, path, ctx.deps.probeNetwork);
        const note =
          tenant.status !== undefined && tenant.status < 400
            ? `${run.hostname}${path} answers ${tenant.status}`
            : `${run.hostname} is not serving yet (App Platform issues its certificate once DNS points at it)`;
        return ctx.progress(`ACTIVE; ${host}${path} answers ${answer.status}. ${note}`);
      }
      await ctx.progress(`ACTIVE; ${path} ${answer.status ?? answer.problem}`);
    } else {
      await ctx.progress(`Deployment ${phase}`);
    }
    if (Date.now() - started > ctx.timeoutMs)
      throw new ApiError({
        code: 'timeout',
        message: `${run.name} did not become healthy in time (${phase}): retry to keep waiting.`,
      });
    await ctx.pause();
  }
}
