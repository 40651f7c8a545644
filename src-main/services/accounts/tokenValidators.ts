// Before a token is stored, it is tried against its own API: who it belongs to, and what it can
// and cannot do. Nothing is stored when the API refuses it.
import type { AccountProvider } from '../../../src-preload/contract/accounts';
import { ApiError } from '../../clients/http/apiError';
import { RestClient } from '../../clients/http/restClient';

export interface ApiEndpoints {
  digitalocean: string;
  supabase: string;
  github: string;
}

export const REAL_ENDPOINTS: ApiEndpoints = {
  digitalocean: 'https://api.digitalocean.com',
  supabase: 'https://api.supabase.com',
  github: 'https://api.github.com',
};

export interface TokenIdentity {
  owner: string;
  scopes: string[];
  limitations: string[];
}

const SERVICE: Record<AccountProvider, string> = {
  digitalocean: 'DigitalOcean',
  supabase: 'Supabase',
  github: 'GitHub',
};

export async function identifyToken(
  provider: AccountProvider,
  token: string,
  endpoints: ApiEndpoints,
): Promise<TokenIdentity> {
  const rest = new RestClient({
    service: SERVICE[provider],
    baseUrl: endpoints[provider],
    token: () => token,
    timeoutMs: 15_000,
  });
  try {
    if (provider === 'digitalocean') return await identifyDigitalOcean(rest);
    if (provider === 'supabase') return await identifySupabase(rest);
    return await identifyGitHub(rest);
  } catch (error) {
    throw checkFailed(error, endpoints[provider]);
  }
}

/** A failed check says where it was tried (an unreachable host is often a typo or a proxy) and that nothing was kept. */
function checkFailed(error: unknown, baseUrl: string): unknown {
  if (!(error instanceof ApiError) || /Nothing was saved\.$/.test(error.message)) return error;
  const where = ['network', 'timeout'].includes(error.code) ? ` (tried ${new URL(baseUrl).host})` : '';
  return new ApiError({
    code: error.code,
    message: `${error.message.replace(/\.?$/, '')}${where}. Nothing was saved.`,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  });
}

/** An app id no account has: the write probe asks about it when the account has no app yet. */
const NO_SUCH_APP = '00000000-0000-4000-8000-000000000000';

/** Read scopes Fleetdeck uses beyond app:read, each checked with one cheap GET; what goes missing. */
const OPTIONAL_READS: Array<{ scope: string; path: string; without: string }> = [
  { scope: 'project:read', path: '/v2/projects', without: 'apps are grouped by name, not by project' },
  { scope: 'billing:read', path: '/v2/customers/my/balance', without: 'Costs shows no balance or invoices' },
  { scope: 'domain:read', path: '/v2/domains', without: 'the DNS view cannot read your zones' },
];

const isForbidden = (error: unknown) => error instanceof ApiError && error.code === 'forbidden';

async function identifyDigitalOcean(rest: RestClient): Promise<TokenIdentity> {
  const limitations: string[] = [];
  const missing: string[] = [];
  // Custom-scoped tokens (GA since 2024) may lack account:read: that costs only the owner's name.
  // A refused token (401) still throws here and nothing is stored.
  const account = await rest
    .request<{ account?: { email?: string; status?: string; team?: { name?: string } } }>('GET', '/v2/account')
    .then((body) => body.account)
    .catch((error: unknown) => {
      if (!isForbidden(error)) throw error;
      missing.push('account:read');
      return undefined;
    });
  const owner = [account?.email, account?.team?.name ? `team ${account.team.name}` : undefined]
    .filter(Boolean)
    .join(', ');
  if (account?.status && account.status !== 'active')
    limitations.push(`The account is ${account.status}: DigitalOcean may refuse changes.`);

  const apps = await rest
    .request<{ apps?: Array<{ id?: string }> }>('GET', '/v2/apps', { params: { per_page: 1 } })
    .catch((error: unknown) => {
      if (isForbidden(error)) {
        throw new ApiError({
          code: 'forbidden',
          message:
            'DigitalOcean: this token cannot read apps (it lacks app:read), which Fleetdeck needs. Nothing was saved.',
        });
      }
      throw error;
    });
  const scopes = ['read', ...((await mayUpdateApps(rest, apps.apps?.[0]?.id ?? NO_SUCH_APP)) ? ['write'] : [])];
  if (!scopes.includes('write'))
    limitations.push('Deploy, scale, restart and rollback are disabled: the token is read-only (it lacks app:update).');

  for (const { scope, path, without } of OPTIONAL_READS) {
    const refused = await rest.request('GET', path, { params: { per_page: 1 } }).then(
      () => false,
      (error: unknown) => isForbidden(error),
    );
    if (refused) {
      missing.push(scope);
      limitations.push(`Without ${scope}, ${without}.`);
    }
  }
  if (missing.includes('account:read')) limitations.unshift('The owner is not shown: the token lacks account:read.');
  return { owner: owner || 'DigitalOcean token', scopes, limitations };
}

/**
 * DigitalOcean lists no scopes for a token. rollback/validate needs app:update and changes
 * nothing, so asking it about a deployment that does not exist tells read-only from read-write.
 * With no app yet it asks about an app that does not exist: the API checks the scope before it
 * looks the app up (undocumented, and so read tolerantly: only a 403 means read-only).
 */
async function mayUpdateApps(rest: RestClient, appId: string): Promise<boolean> {
  try {
    await rest.request('POST', `/v2/apps/${appId}/rollback/validate`, { body: { deployment_id: NO_SUCH_APP } });
    return true;
  } catch (error) {
    if (!(error instanceof ApiError) || ['network', 'timeout', 'server_error', 'rate_limited'].includes(error.code))
      throw error;
    return error.code !== 'forbidden';
  }
}

async function identifySupabase(rest: RestClient): Promise<TokenIdentity> {
  const orgs = await rest.request<Array<{ slug?: string; name?: string }>>('GET', '/v1/organizations');
  const names = orgs.map((o) => o.name ?? o.slug).filter(Boolean);
  return {
    owner: names.length ? `organizations ${names.join(', ')}` : 'no organizations',
    scopes: ['organizations:read'],
    limitations: names.length ? [] : ['The token sees no organization, so no tenant projects will show.'],
  };
}

async function identifyGitHub(rest: RestClient): Promise<TokenIdentity> {
  const { data, headers } = await rest.requestWithHeaders<{ login?: string; name?: string }>('GET', '/user');
  const header = headers['x-oauth-scopes'];
  // Classic tokens list their scopes; fine-grained tokens send no such header.
  const scopes =
    typeof header === 'string'
      ? header
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : ['fine-grained'];
  const limitations =
    typeof header === 'string' && !scopes.includes('repo')
      ? ['Private repositories and their CI status are not visible: the token lacks the repo scope.']
      : [];
  return { owner: data.login ? `@${data.login}` : 'GitHub user', scopes, limitations };
}
