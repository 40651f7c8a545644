// Between Fleetdeck and DigitalOcean sits a proxy that answers 200 with its own login page, or a
// reply with nothing in it. The founder must be told the answer was wrong, not shown an empty fleet.
import { describe, expect, it } from 'vitest';
import { sandboxWithClient } from '../../support/sandbox';

describe('a 200 that is not what the API sends', () => {
  it.each([
    ['an HTML page', '<html><body>Please sign in to the corporate proxy</body></html>'],
    ['an empty object', {}],
    ['a list where an object belongs', []],
  ])('%s instead of the app list is an error, not an empty fleet', async (_label, body) => {
    const { sandbox, client } = await sandboxWithClient();
    sandbox.faults.inject({ method: 'GET', pathPrefix: '/v2/apps', kind: 'status', status: 200, body });
    await expect(client.listApps()).rejects.toMatchObject({
      code: 'server_error',
      message: expect.stringMatching(/did not hold the expected apps.*Nothing was read from it/),
    });
  });

  it('an account with no apps (the API leaves the empty list out) is an empty fleet', async () => {
    const { sandbox, client } = await sandboxWithClient();
    sandbox.faults.inject({
      method: 'GET',
      pathPrefix: '/v2/apps',
      kind: 'status',
      status: 200,
      body: { links: {}, meta: { total: 0 } },
    });
    await expect(client.listApps()).resolves.toEqual([]);
  });

  it('an app read that comes back without the app is an error too', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const id = [...sandbox.state.apps.keys()][0]!;
    sandbox.faults.inject({
      method: 'GET',
      pathPrefix: `/v2/apps/${id}`,
      kind: 'status',
      status: 200,
      body: '<html></html>',
    });
    await expect(client.getApp(id)).rejects.toMatchObject({ code: 'server_error' });
  });
});
