// The small parts of the Supabase Management API and the GitHub REST API that Fleetdeck uses,
// served by the sandbox under /supabase and /github, each with its own auth and error shape
// (Supabase: `{message}`, in supabaseApi.ts; GitHub: `{message, documentation_url}` and x-oauth-scopes).
import type { SandboxResponse } from './http';
import { json } from './http';
import type { SandboxState, SandboxToken } from './state';
import { answerSupabase, type SupabaseRequestParts } from './supabaseApi';

export const SUPABASE_PREFIX = '/supabase';
export const GITHUB_PREFIX = '/github';

export function isThirdPartyPath(pathname: string): boolean {
  return pathname.startsWith(`${SUPABASE_PREFIX}/`) || pathname.startsWith(`${GITHUB_PREFIX}/`);
}

/**
 * `query` pages the Supabase project list (offset, limit); without it the defaults apply.
 * `request` carries the headers and parsed body (Supabase's migrations POST reads both).
 */
export function answerThirdParty(
  state: SandboxState,
  method: string,
  pathname: string,
  token: string | undefined,
  query?: URLSearchParams,
  request?: SupabaseRequestParts,
): SandboxResponse {
  const grant = token ? state.tokens.get(token) : undefined;
  if (pathname.startsWith(`${SUPABASE_PREFIX}/`)) {
    return answerSupabase(state, method, pathname.slice(SUPABASE_PREFIX.length), grant, query, request);
  }
  return github(method, pathname.slice(GITHUB_PREFIX.length), grant);
}

function github(method: string, path: string, grant: SandboxToken | undefined): SandboxResponse {
  const documentation_url = 'https://docs.github.com/rest';
  if (!grant || grant.api !== 'github')
    return json(401, { message: 'Bad credentials', documentation_url, status: '401' });
  if (method === 'GET' && path === '/user') {
    return json(200, GITHUB_USER, {
      'x-oauth-scopes': grant.scopes === 'read-write' ? 'repo, workflow' : 'read:user',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
    });
  }
  return json(404, { message: 'Not Found', documentation_url, status: '404' });
}

const GITHUB_USER = {
  login: 'taskifai-founder',
  id: 5_551_212,
  node_id: 'MDQ6VXNlcjU1NTEyMTI=',
  avatar_url: 'https://avatars.githubusercontent.com/u/5551212?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/taskifai-founder',
  html_url: 'https://github.com/taskifai-founder',
  followers_url: 'https://api.github.com/users/taskifai-founder/followers',
  following_url: 'https://api.github.com/users/taskifai-founder/following{/other_user}',
  gists_url: 'https://api.github.com/users/taskifai-founder/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/taskifai-founder/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/taskifai-founder/subscriptions',
  organizations_url: 'https://api.github.com/users/taskifai-founder/orgs',
  repos_url: 'https://api.github.com/users/taskifai-founder/repos',
  events_url: 'https://api.github.com/users/taskifai-founder/events{/privacy}',
  received_events_url: 'https://api.github.com/users/taskifai-founder/received_events',
  type: 'User',
  site_admin: false,
  name: 'TaskifAI Founder',
  company: 'TaskifAI',
  blog: 'https://taskifai.com',
  location: null,
  email: null,
  hireable: null,
  bio: null,
  twitter_username: null,
  public_repos: 4,
  public_gists: 0,
  followers: 3,
  following: 1,
  created_at: '2021-03-14T09:26:53Z',
  updated_at: '2026-10-02T17:40:11Z',
};
