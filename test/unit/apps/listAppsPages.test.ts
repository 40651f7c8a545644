// The fleet's pages are read side by side: the first read learns the page count from page 1's
// total, a re-read asks for every page it expects at once. (How fast: `npm run bench -- fleet-scale`.)
import { describe, expect, it } from 'vitest';
import { sandboxWithClient } from '../../support/sandbox';

const query = (requests: string[]) => requests.map((r) => r.replace(/^GET \/v2\/apps\?/, '')).sort();

describe('listing a fleet of many pages', () => {
  it('reads page 1, then the rest together; on a re-read, every page together; each app once', async () => {
    const { client, sandbox } = await sandboxWithClient({ syntheticApps: 450 });
    const first = await client.listApps();
    expect(first).toHaveLength(450);
    expect(new Set(first.map((a) => a.id)).size).toBe(450);
    expect(sandbox.requests[0]).toBe('GET /v2/apps?per_page=200&with_projects=true');

    sandbox.requests.length = 0;
    const again = await client.listApps();
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(query(sandbox.requests)).toEqual([
      'per_page=200&with_projects=true',
      'per_page=200&with_projects=true&page=2',
      'per_page=200&with_projects=true&page=3',
    ]);
  }, 30_000);
});
