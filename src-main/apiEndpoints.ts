// Where each provider's API is for real account contexts. The public APIs by default; each may be
// overridden (as doctl's --api-url does), for GitHub Enterprise, a proxy or a recording server:
// from the harness's flags or, for the Electron app, from FLEETDECK_*_API_URL variables.
import type { ApiEndpoints } from './services/accounts/tokenValidators';
import { REAL_ENDPOINTS } from './services/accounts/tokenValidators';
import { isSecureOrLoopback } from './base/loopback';

export type ApiProvider = keyof ApiEndpoints;

export const API_URL_VARIABLES: Record<ApiProvider, string> = {
  digitalocean: 'FLEETDECK_DIGITALOCEAN_API_URL',
  supabase: 'FLEETDECK_SUPABASE_API_URL',
  github: 'FLEETDECK_GITHUB_API_URL',
};

/**
 * A base URL a token may be sent to: https, or plain http on this machine only (a token must never
 * cross a network in clear). No credentials, query or fragment; a trailing slash is dropped.
 */
export function checkApiUrl(provider: ApiProvider, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`The ${provider} API URL "${raw}" is not a URL.`);
  }
  if (!isSecureOrLoopback(url))
    throw new Error(`The ${provider} API URL must use https (plain http only on localhost): "${raw}".`);
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `The ${provider} API URL may not carry credentials, a query or a fragment: "${url.origin}${url.pathname}".`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The overrides set in the environment, each checked; unset or empty variables are left out. */
export function apiOverridesFromEnv(env: Record<string, string | undefined>): Partial<ApiEndpoints> {
  const overrides: Partial<ApiEndpoints> = {};
  for (const provider of Object.keys(API_URL_VARIABLES) as ApiProvider[]) {
    const value = env[API_URL_VARIABLES[provider]];
    if (value?.trim()) overrides[provider] = checkApiUrl(provider, value);
  }
  return overrides;
}

/** The public APIs with the overrides applied (each checked). */
export function resolveEndpoints(overrides: Partial<ApiEndpoints> = {}): ApiEndpoints {
  const resolved = { ...REAL_ENDPOINTS };
  for (const provider of Object.keys(overrides) as ApiProvider[]) {
    const value = overrides[provider];
    if (value) resolved[provider] = checkApiUrl(provider, value);
  }
  return resolved;
}
