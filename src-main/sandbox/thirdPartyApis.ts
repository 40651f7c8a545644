// The small parts of the Supabase Management API and the GitHub REST API that Fleetdeck uses,
// served by the sandbox under /supabase and /github, each with its own auth and error shape
// (Supabase: `{message}`, in supabaseApi.ts; GitHub: `{message, documentation_url, status}`, ETags and
// x-ratelimit-*, in github/api.ts).
import { answerGitHub } from './github/api';
import type { SandboxResponse } from './http';
import type { SandboxState } from './state';
import { answerSupabase, type SupabaseRequestParts } from './supabaseApi';

export const SUPABASE_PREFIX = '/supabase';
export const GITHUB_PREFIX = '/github';

export function isThirdPartyPath(pathname: string): boolean {
  return pathname.startsWith(`${SUPABASE_PREFIX}/`) || pathname.startsWith(`${GITHUB_PREFIX}/`);
}

/**
 * `query` pages the Supabase project list (offset, limit); without it the defaults apply.
 * `request` carries the headers and parsed body (Supabase's migrations POST reads both; GitHub
 * reads Accept and If-None-Match).
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
  const path = pathname.slice(GITHUB_PREFIX.length);
  return answerGitHub(state, { method, path, token, ...(query ? { query } : {}), headers: request?.headers ?? {} });
}
