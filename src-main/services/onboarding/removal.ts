// Undoing what an onboarding created, one resource at a time: the DNS record, the app, the
// registry row and the Supabase project (DELETE /v1/projects/{ref}: its data is gone for good).
// A resource already gone counts as removed.
import type { CreatedResource } from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';
import type { OnboardingDomainDeps } from './index';
import type { StoredRun } from './runStore';
import type { ProjectKeys } from './tenantSpec';
import { undoOf } from './supabaseSteps';

const gone = (error: unknown) => error instanceof ApiError && error.code === 'not_found';

export async function removeResource(
  deps: OnboardingDomainDeps,
  run: StoredRun,
  resource: CreatedResource,
  keys: ProjectKeys | undefined,
): Promise<void> {
  try {
    await remove(deps, run, resource, keys);
  } catch (error) {
    if (!gone(error)) throw error;
  }
}

async function remove(
  deps: OnboardingDomainDeps,
  run: StoredRun,
  resource: CreatedResource,
  keys: ProjectKeys | undefined,
): Promise<void> {
  switch (resource.kind) {
    case 'dns_record': {
      const [zone, id] = resource.id.split('/');
      await deps.dns.deleteRecord(zone!, Number(id));
      return;
    }
    case 'app':
      await deleteApp(deps, run, resource.id);
      return;
    case 'supabase_project': {
      const supabase = await deps.supabase();
      if (!supabase) throw new ApiError({ code: 'unauthorized', message: 'This context has no Supabase account.' });
      await supabase.deleteProject(resource.id);
      return;
    }
    case 'registry_row': {
      const registry = run.plan.request.registry;
      const undo = registry ? undoOf(registry.sql) : undefined;
      const supabase = await deps.supabase();
      if (!registry || !undo || !supabase)
        throw new ApiError({
          code: 'invalid_argument',
          message: 'The registry row cannot be found again: delete it by hand.',
        });
      const raw = registry.parameters[undo.parameter] ?? '';
      const value = raw.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
        key === 'name'
          ? run.name
          : key === 'hostname'
            ? run.hostname
            : key === 'subdomain'
              ? run.hostname.split('.')[0]!
              : key === 'ref'
                ? (run.supabaseRef ?? '')
                : key === 'supabase_url'
                  ? `https://${run.supabaseRef}.supabase.co`
                  : key === 'anon_key' && keys
                    ? keys.anon
                    : whole,
      );
      await supabase.runQuery(registry.ref, `delete from ${undo.table} where ${undo.column} = $1`, [value]);
      return;
    }
  }
}

/**
 * DELETE /v2/apps/{id} of the app the run recorded, found by that id and never by name: an app the
 * run did not create is never touched, and one that was renamed since is left for the founder.
 */
async function deleteApp(deps: OnboardingDomainDeps, run: StoredRun, appId: string): Promise<void> {
  const app = await deps.client.getApp(appId);
  if (app.spec.name !== run.name)
    throw new ApiError({
      code: 'conflict',
      message: `App ${appId} is now named ${app.spec.name}, not ${run.name}: it was not deleted.`,
    });
  await deps.client.deleteApp(appId);
}
