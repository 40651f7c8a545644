// New tenants: a preview made from an existing tenant's spec, and the one POST /v2/apps that
// creates the app. A lost answer never creates two: the fleet is re-read and an app with the new
// name that was not there before is the one we asked for.
import type {
  DeploymentProgress,
  SpecProblem,
  SpecsMethods,
  TenantTemplatePreview,
  TenantTemplateRequest,
} from '../../../src-preload/contract';
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { registerSecret } from '../../logging/redact';
import { toProgress } from '../deploys/progress';
import { scrub, scrubbed } from './secrets';
import type { SpecsDeps } from './specsService';
import { domainsInUse, tenantFromTemplate } from './tenantTemplate';
import type { SpecChecker } from './validation';
import { hasErrors, specToYaml } from './yamlSpec';
import { specFrom, yamlThread } from './yamlThread';

type Created = SpecsMethods['createTenantApp']['response'];

export class TenantApps {
  /** Names being created right now: a second click waits for nothing, it is refused. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly deps: Pick<SpecsDeps, 'client' | 'deploys' | 'context'>,
    private readonly checker: SpecChecker,
  ) {}

  async preview(request: TenantTemplateRequest): Promise<TenantTemplatePreview> {
    const { client } = this.deps;
    const [template, apps] = await Promise.all([client.getApp(request.templateAppId), client.listApps()]);
    const copy = tenantFromTemplate(template.spec, request, domainsInUse(apps));
    const yaml = specToYaml(copy.spec);
    const noted = copy.notes.map((n) => n.path ?? '');
    const {
      proposal: _proposal,
      located: [at, ...where],
      ...checked
    } = await this.checker.check(yaml, { purpose: 'create', locate: ['name', ...noted] });
    const located = copy.notes.map((n, i): SpecProblem => (n.path ? { ...n, ...where[i] } : n));
    const problems = [...located, ...checked.problems];
    const owner = apps.find((a) => a.spec.name === request.name);
    if (owner)
      problems.unshift({
        source: 'api',
        severity: 'error',
        message: `An app named "${request.name}" already exists.`,
        path: 'name',
        ...at,
      });
    return { yaml, validation: { ...checked, valid: !hasErrors(problems), problems }, leftovers: copy.leftovers };
  }

  async create(yaml: string, templateAppId?: string): Promise<Created> {
    const checked = await yamlThread.run('checkSpec', yaml, { purpose: 'create' });
    const spec = specFrom(checked);
    const refusals = checked.problems.filter((p) => p.severity === 'error');
    if (refusals.length) {
      const listed = refusals.slice(0, 3).map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message));
      throw new ApiError({
        code: 'invalid_argument',
        message: `Nothing was created. ${listed.join(' ')}${refusals.length > 3 ? ` (and ${refusals.length - 3} more)` : ''}`,
      });
    }
    const name = spec.name;
    if (this.inFlight.has(name)) throw new ApiError({ code: 'conflict', message: `${name} is already being created.` });
    this.inFlight.add(name);
    // The clear SECRET values typed for the new app are in the request: never in what comes back.
    const values = checked.secretValues;
    for (const value of values) registerSecret(value);
    try {
      return await this.createOnce(spec, templateAppId, values);
    } catch (error) {
      throw scrubbed(error, values);
    } finally {
      this.inFlight.delete(name);
    }
  }

  private async createOnce(spec: App['spec'], templateAppId: string | undefined, values: string[]): Promise<Created> {
    const { client, deploys, context } = this.deps;
    const [before, template] = await Promise.all([
      client.listApps(),
      templateAppId ? client.getApp(templateAppId) : undefined,
    ]);
    if (before.some((a) => a.spec.name === spec.name)) {
      throw new ApiError({
        code: 'conflict',
        message: `An app named "${spec.name}" already exists. Nothing was created.`,
      });
    }
    const components = [spec.services, spec.workers, spec.jobs, spec.static_sites].reduce(
      (n, list) => n + (list?.length ?? 0),
      0,
    );
    const entry = deploys.audit.start({
      context,
      action: 'create_app',
      appName: spec.name,
      ...(template ? { target: `from ${template.spec.name}` } : {}),
      parameters: { template: template?.spec.name ?? null, region: spec.region ?? null, components },
    });
    let app: App;
    try {
      try {
        // The new tenant joins its template's project, so it groups with its siblings.
        app = await client.createApp(spec, template?.project_id);
      } catch (error) {
        if (!answerWasLost(error)) throw error;
        app = await this.recover(spec.name, new Set(before.map((a) => a.id)));
      }
    } catch (error) {
      const refused =
        error instanceof ApiError && (error.status === 409 || error.code === 'conflict' || error.code === 'forbidden');
      deploys.audit.finish(entry, {
        result: refused ? 'refused' : 'failed',
        message: scrub(error instanceof Error ? error.message : String(error), values),
      });
      throw error;
    }
    const appId = app.id ?? '';
    const owned = { ...entry, appId };
    const deployment = app.pending_deployment ?? app.in_progress_deployment ?? app.active_deployment;
    let progress: DeploymentProgress | undefined;
    if (deployment?.id) {
      progress = toProgress(appId, spec.name, deployment);
      deploys.audit.finish(owned, { result: 'started', deploymentId: progress.deploymentId });
      deploys.follower.follow(progress, owned);
    } else {
      deploys.audit.finish(owned, { result: 'succeeded' });
    }
    return { appId, appName: spec.name, ...(progress ? { progress } : {}) };
  }

  /** The answer was lost: an app with this name that was not there before is ours. */
  private async recover(name: string, existing: ReadonlySet<string | undefined>): Promise<App> {
    const apps = await this.deps.client.listApps().catch(() => undefined);
    const created = apps?.find((a) => a.spec.name === name && !existing.has(a.id));
    if (created) return created;
    throw new ApiError({
      code: 'unknown_outcome',
      message: apps
        ? `Creating ${name} got no answer, and the fleet has no app named ${name}: it was not created. Nothing was sent twice; try again when the API answers.`
        : `Creating ${name} got no answer and the fleet could not be re-read. Check whether ${name} exists before trying again.`,
    });
  }
}

function answerWasLost(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'network' || error.code === 'timeout' || error.code === 'server_error')
  );
}
