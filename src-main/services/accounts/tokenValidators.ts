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

const SERVICE: Record<AccountProvider, string> = { digitalocean: 'DigitalOcean', supabase: 'Supabase', github: 'GitHub' };

export async function identifyToken(provider: AccountProvider, token: string, endpoints: ApiEndpoints): Promise<TokenIdentity> {
  const rest = new RestClient({ service: SERVICE[provider], baseUrl: endpoints[provider], token: () => token, timeoutMs: 15_000 });
  if (provider === 'digitalocean') return identifyDigitalOcean(rest);
  if (provider === 'supabase') return identifySupabase(rest);
  return identifyGitHub(rest);
}

async function identifyDigitalOcean(rest: RestClient): Promise<TokenIdentity> {
  const { account } = await rest.request<{ account?: { email?: string; status?: string; team?: { name?: string } } }>('GET', '/v2/account');
  const owner = [account?.email, account?.team?.name ? `team ${account.team.name}` : undefined].filter(Boolean).join(', ');
  const limitations: string[] = [];
  if (account?.status && account.status !== 'active') limitations.push(`The account is ${account.status}: DigitalOcean may refuse changes.`);
  // DigitalOcean lists no scopes for a token. rollback/validate needs app:update and changes
  // nothing, so asking it about a deployment that does not exist tells read-only from read-write.
  const { apps } = await rest.request<{ apps?: Array<{ id?: string }> }>('GET', '/v2/apps', { params: { per_page: 1 } });
  const probeApp = apps?.[0]?.id;
  let scopes = ['read'];
  if (probeApp) {
    try {
      await rest.request('POST', `/v2/apps/${probeApp}/rollback/validate`, { body: { deployment_id: '00000000-0000-4000-8000-000000000000' } });
      scopes = ['read', 'write'];
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'forbidden') {
        limitations.push('Deploy, scale, restart and rollback are disabled: the token is read-only (it lacks app:update).');
      } else {
        scopes = ['read', 'write'];
      }
    }
  } else {
    limitations.push('Could not tell whether the token may deploy: the account has no apps yet.');
  }
  return { owner: owner || 'DigitalOcean account', scopes, limitations };
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
  const scopes = typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean) : ['fine-grained'];
  const limitations =
    typeof header === 'string' && !scopes.includes('repo')
      ? ['Private repositories and their CI status are not visible: the token lacks the repo scope.']
      : [];
  return { owner: data.login ? `@${data.login}` : 'GitHub user', scopes, limitations };
}
