// Which apps a rolling deploy cannot deploy, decided from the API's own answers just before the
// run starts. The dialog shows the same marks from the fleet it last read, but that read may be a
// minute old and a request may come from anywhere, so main decides again here.
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import type { DeployClient } from './deployActions';

export interface BlockedApp {
  appId: string;
  appName: string;
  /** Why no deployment can start, in words the run, the dialog and the Activity log show. */
  reason: string;
}

/** A deployment id no app has: asking to validate a rollback to it changes nothing. */
const NO_SUCH_DEPLOYMENT = '00000000-0000-4000-8000-000000000000';

export const READ_ONLY_REASON =
  'The DigitalOcean token of this context is read-only (it lacks app:update): it cannot deploy.';

/** A pinned app refuses every new deployment until its rollback is kept or undone. */
export function pinReason(app: App): string | undefined {
  const pinned = app.pinned_deployment?.id;
  if (!pinned) return undefined;
  return `Pinned to deployment ${pinned.slice(0, 8)} by a rollback: keep that version or undo the rollback first.`;
}

/**
 * Whether this context's token may deploy at all. DigitalOcean lists no scopes for a token, so
 * this asks it to validate a rollback to a deployment that does not exist: the check needs
 * app:update and changes nothing, and only a 403 means read-only (as the account check reads it).
 */
export async function readOnlyReason(
  client: Pick<DeployClient, 'validateRollback'>,
  appId: string,
): Promise<string | undefined> {
  try {
    await client.validateRollback(appId, NO_SUCH_DEPLOYMENT);
    return undefined;
  } catch (error) {
    return error instanceof ApiError && error.code === 'forbidden' ? READ_ONLY_REASON : undefined;
  }
}

/** Every selected app that cannot be deployed now, in the order given. */
export async function findBlocked(
  client: Pick<DeployClient, 'validateRollback'>,
  apps: ReadonlyArray<{ appId: string; app: App }>,
): Promise<BlockedApp[]> {
  const first = apps[0];
  const readOnly = first ? await readOnlyReason(client, first.appId) : undefined;
  return apps.flatMap(({ appId, app }) => {
    const reason = readOnly ?? pinReason(app);
    return reason ? [{ appId, appName: app.spec.name, reason }] : [];
  });
}

/** The refusal when blocked apps were not to be skipped, or nothing is left once they are. */
export function refusal(blocked: readonly BlockedApp[], total: number, skipBlocked: boolean): ApiError | undefined {
  if (blocked.length === 0) return undefined;
  const readOnly = blocked.some((b) => b.reason === READ_ONLY_REASON);
  const listed = blocked.map((b) => `${b.appName} (${b.reason.replace(/[.:].*$/, '').toLowerCase()})`).join(', ');
  if (readOnly)
    return new ApiError({
      code: 'forbidden',
      message: `Nothing was started: ${READ_ONLY_REASON.replace(/^The/, 'the')}`,
    });
  if (blocked.length === total)
    return new ApiError({
      code: 'conflict',
      message: `Nothing was started: ${total === 1 ? 'the selected app is' : `all ${total} selected apps are`} blocked — ${listed}.`,
    });
  if (!skipBlocked)
    return new ApiError({
      code: 'conflict',
      message: `Nothing was started: ${listed} ${blocked.length === 1 ? 'is' : 'are'} blocked. Skip blocked apps to deploy the others, or resolve ${blocked.length === 1 ? 'it' : 'them'} first.`,
    });
  return undefined;
}
