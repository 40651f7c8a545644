// A founder on GitHub Enterprise, or behind a recording proxy, points Fleetdeck at other API base
// URLs: the tokens go there and nowhere else, only over https (or plain http on this machine), and
// Settings says where they go.
import { describe, expect, it } from 'vitest';
import { apiOverridesFromEnv, checkApiUrl, resolveEndpoints } from '../../../src-main/apiEndpoints';
import { silentLogger } from '../../../src-main/logging/logger';
import { createSandboxState } from '../../../src-main/sandbox/demoCloud';
import { startSandbox } from '../../../src-main/sandbox/server';
import type { AccountSummary, EnvironmentInfo } from '../../../src-preload/contract';
import { runningApp } from '../../support/runningApp';

const TOKEN = `dop_v1_${'e5'.repeat(32)}`;
const { start, value } = runningApp();

describe('API base URLs', () => {
  it('reads the FLEETDECK_*_API_URL variables, keeping paths (GitHub Enterprise) and dropping a trailing slash', () => {
    expect(
      apiOverridesFromEnv({
        FLEETDECK_GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
        FLEETDECK_SUPABASE_API_URL: '',
        FLEETDECK_DIGITALOCEAN_API_URL: 'http://127.0.0.1:8080',
      }),
    ).toEqual({ github: 'https://ghe.example.com/api/v3', digitalocean: 'http://127.0.0.1:8080' });
    expect(resolveEndpoints({ github: 'https://ghe.example.com/api/v3' })).toEqual({
      digitalocean: 'https://api.digitalocean.com',
      supabase: 'https://api.supabase.com',
      github: 'https://ghe.example.com/api/v3',
    });
  });

  it.each([
    ['plain http to another machine', 'http://api.example.com', /must use https/],
    ['not a URL', 'api.example.com', /is not a URL/],
    ['credentials in the URL', 'https://user:pw@api.example.com', /credentials, a query or a fragment/],
    ['a query string', 'https://api.example.com/?token=x', /credentials, a query or a fragment/],
    ['another scheme', 'ftp://api.example.com', /must use https/],
  ])('refuses %s', (_label, url, message) => {
    expect(() => checkApiUrl('digitalocean', url)).toThrow(message);
  });

  it('a real context talks to the overridden DigitalOcean API, and the environment names it', async () => {
    // A second sandbox cloud stands in for the company's proxy in front of DigitalOcean.
    const proxied = createSandboxState();
    proxied.state.tokens.set(TOKEN, { scopes: 'read-write' });
    const proxy = await startSandbox({ state: proxied.state });
    try {
      await start({ logger: silentLogger, apiUrls: { digitalocean: `${proxy.url}/` } });
      const account = await value<AccountSummary>('addAccount', {
        provider: 'digitalocean',
        context: 'production',
        token: TOKEN,
        memoryOnly: true,
      });
      expect(account.owner).toMatch(/founder@taskifai\.com/);
      await value('switchContext', { context: 'production' });
      const environment = await value<EnvironmentInfo>('getEnvironment');
      expect(environment.apiOverrides).toEqual({ digitalocean: proxy.url });
      const before = proxy.requests.length;
      await value('listFleet');
      expect(proxy.requests.slice(before).some((r) => r.startsWith('GET /v2/apps'))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('without overrides the environment names none', async () => {
    await start({ logger: silentLogger });
    expect((await value<EnvironmentInfo>('getEnvironment')).apiOverrides).toBeUndefined();
  });
});
