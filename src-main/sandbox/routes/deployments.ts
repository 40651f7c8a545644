// App Platform mutations of the sandbox cloud: create, deploy, cancel, restart, spec update,
// propose and the four rollback calls, with the platform's rules (deploys refused while pinned, 400
// for an invalid spec, 409 for a name another app has, rollback validation codes).
import type { AppDomain, AppSpec } from '../../clients/digitalocean/types';
import { isTerminalPhase } from '../../clients/digitalocean/types';
import { createAppRecord, domainsInStep, nameTaken } from '../appFactory';
import { cancelDeployment, startDeployment } from '../deployEngine';
import { doError, json, notFound, type Router, type SandboxRequest } from '../http';
import { encryptSecrets } from '../secretValues';
import { FREE_STATIC_APPS, isStaticOnly, specMonthlyCost, validateSpec } from '../specValidation';
import type { AppRecord, SandboxState } from '../state';
import { presentApp } from './apps';

const PINNED = 'The app is pinned to a rollback deployment: commit or revert the rollback before deploying.';
const NAME_TAKEN = (name: string) => `an app with the name "${name}" already exists on this account`;

export function registerDeploymentRoutes(router: Router, state: SandboxState): void {
  // App Platform refuses a spec with 400 invalid_argument (the spec documents only the default error).
  const refused = (problem: string) => doError(400, 'invalid_argument', problem);
  const recordOf = (req: SandboxRequest) => state.apps.get(req.params.appId ?? '');
  const body = (req: SandboxRequest) =>
    typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

  router
    .add('POST', '/v2/apps/propose', (req) => {
      const spec = body(req).spec as AppSpec | undefined;
      const problem = validateSpec(spec);
      if (problem || !spec) return refused(problem ?? 'spec is required');
      const appId = typeof body(req).app_id === 'string' ? (body(req).app_id as string) : undefined;
      const taken = nameTaken(state, spec.name, appId);
      const staticApps = [...state.apps.values()].filter((r) => r.app.id !== appId && isStaticOnly(r.app.spec)).length;
      const cost = specMonthlyCost(spec, staticApps);
      // The API speaks protobuf JSON, which leaves zero values out: a free app has no app_cost at all.
      return json(200, {
        ...(cost > 0 ? { app_cost: cost } : {}),
        ...(taken ? { app_name_suggestion: `${spec.name}-2` } : { app_name_available: true }),
        ...(isStaticOnly(spec) ? { app_is_static: true } : {}),
        existing_static_apps: String(staticApps),
        max_free_static_apps: String(FREE_STATIC_APPS),
        spec,
      });
    })
    .add('POST', '/v2/apps', (req) => {
      const spec = body(req).spec as AppSpec | undefined;
      const problem = validateSpec(spec);
      if (problem || !spec) return refused(problem ?? 'spec is required');
      if (nameTaken(state, spec.name)) return doError(409, 'conflict', NAME_TAKEN(spec.name));
      const projectId = typeof body(req).project_id === 'string' ? (body(req).project_id as string) : undefined;
      const created = createAppRecord(state, encryptSecrets(spec), projectId);
      return json(200, { app: presentApp(created, state, created.deployments[0]) });
    })
    .add('PUT', '/v2/apps/:appId', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      const spec = body(req).spec as AppSpec | undefined;
      const problem = validateSpec(spec);
      if (problem || !spec) return refused(problem ?? 'spec is required');
      if (record.pinnedDeploymentId) return doError(400, 'bad_request', PINNED);
      if (nameTaken(state, spec.name, record.app.id)) return doError(409, 'conflict', NAME_TAKEN(spec.name));
      record.app.spec = encryptSecrets(spec);
      // domains and updated_at are read-only to API clients, not to the server that keeps them.
      (record.app as { domains?: AppDomain[] }).domains = domainsInStep(
        record.app.domains ?? [],
        record.app.spec.domains,
      );
      (record.app as { updated_at?: string }).updated_at = new Date(state.clock.now()).toISOString();
      const started = startDeployment(state, record, {
        cause: 'app spec updated',
        causeType: 'MANUAL',
        spec: record.app.spec,
      });
      return json(200, { app: presentApp(record, state, started) });
    })
    .add('POST', '/v2/apps/:appId/deployments', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      if (record.pinnedDeploymentId) return doError(400, 'bad_request', PINNED);
      const forceBuild = body(req).force_build === true;
      const deployment = startDeployment(state, record, {
        cause: forceBuild ? 'manual deployment (force rebuild)' : 'manual deployment',
        causeType: 'MANUAL',
        spec: record.app.spec,
      });
      return json(200, { deployment });
    })
    .add('POST', '/v2/apps/:appId/deployments/:deploymentId/cancel', (req) => {
      const deployment = recordOf(req)?.deployments.find((d) => d.id === req.params.deploymentId);
      if (!deployment) return notFound();
      if (isTerminalPhase(deployment.phase)) {
        return doError(400, 'bad_request', `The deployment is ${deployment.phase} and can no longer be canceled.`);
      }
      cancelDeployment(state, deployment);
      return json(200, { deployment });
    })
    .add('POST', '/v2/apps/:appId/restart', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      const components = Array.isArray(body(req).components) ? (body(req).components as string[]) : [];
      const known = componentNames(record);
      const unknown = components.filter((c) => !known.includes(c));
      if (unknown.length) return doError(400, 'bad_request', `Unknown component: ${unknown.join(', ')}`);
      const deployment = startDeployment(state, record, {
        cause: components.length ? `restart of ${components.join(', ')}` : 'app restart',
        causeType: 'MANUAL',
        spec: record.app.spec,
        skipBuild: true,
      });
      return json(200, { deployment });
    })
    .add('POST', '/v2/apps/:appId/rollback/validate', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      return json(200, validateRollback(record, stringOf(body(req).deployment_id)));
    })
    .add('POST', '/v2/apps/:appId/rollback', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      const targetId = stringOf(body(req).deployment_id);
      const check = validateRollback(record, targetId);
      if (!check.valid) return doError(400, 'bad_request', check.error?.message ?? 'Rollback is not possible.');
      const target = record.deployments.find((d) => d.id === targetId)!;
      const deployment = startDeployment(state, record, {
        cause: `rollback to deployment ${targetId}`,
        causeType: 'MANUAL_ROLLBACK',
        spec: target.spec ?? record.app.spec,
        clonedFrom: targetId,
      });
      if (body(req).skip_pin !== true) record.pinnedDeploymentId = deployment.id;
      return json(200, { deployment });
    })
    .add('POST', '/v2/apps/:appId/rollback/commit', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      if (!record.pinnedDeploymentId) return doError(400, 'bad_request', 'The app has no rollback to commit.');
      record.pinnedDeploymentId = undefined;
      return json(200, {});
    })
    .add('POST', '/v2/apps/:appId/rollback/revert', (req) => {
      const record = recordOf(req);
      if (!record) return notFound();
      if (!record.pinnedDeploymentId) return doError(400, 'bad_request', 'The app has no rollback to revert.');
      record.pinnedDeploymentId = undefined;
      const deployment = startDeployment(state, record, {
        cause: 'revert of a rollback',
        causeType: 'MANUAL',
        spec: record.app.spec,
      });
      return json(200, { deployment });
    });
}

function componentNames(record: AppRecord): string[] {
  const s = record.app.spec;
  return [...(s.services ?? []), ...(s.workers ?? []), ...(s.static_sites ?? []), ...(s.jobs ?? [])].map(
    (c) => c.name ?? '',
  );
}

type Condition = { code: string; message: string; components?: string[] };

function validateRollback(
  record: AppRecord,
  deploymentId: string,
): { valid: boolean; error?: Condition; warnings?: Condition[] } {
  const target = record.deployments.find((d) => d.id === deploymentId);
  const fail = (code: string, message: string) => ({ valid: false, error: { code, message } });
  if (!target) return fail('incompatible_phase', 'The deployment does not exist for this app.');
  if (record.pinnedDeploymentId)
    return fail('app_pinned', 'The app is already pinned to a rollback; commit or revert it first.');
  if (target.phase === 'ACTIVE') return fail('incompatible_phase', 'This deployment is the one already live.');
  if (!isTerminalPhase(target.phase)) return fail('incompatible_phase', 'The deployment is still in progress.');
  if (target.phase !== 'SUPERSEDED')
    return fail(
      'incompatible_result',
      `The deployment ended ${target.phase}; only successful deployments can be rolled back to.`,
    );
  const index = record.deployments.indexOf(target);
  if (index > 10)
    return fail('exceeded_revision_limit', 'Only the last 10 deployments can be rolled back to on this tier.');
  const statics = (target.spec?.static_sites ?? []).map((s) => s.name);
  const warnings: Condition[] = statics.length
    ? [
        {
          code: 'static_site_requires_rebuild',
          message: 'Static sites are rebuilt from source during the rollback.',
          components: statics,
        },
      ]
    : [];
  return { valid: true, warnings };
}

/** A string field of a request body, or '' for anything else (the route then answers 404 or 400). */
const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
