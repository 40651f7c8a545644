// The sandbox's log endpoints answer like DigitalOcean's: `{live_url, historic_urls}` valid
// against the official spec for all four paths, live streams as WebSockets of `{"data": …}`
// frames in the `<component> <RFC3339> <message>` format, archives as plain text, and both
// opened with the signed token in the URL alone, which is refused once tampered with or expired.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

async function demo() {
  const { sandbox, token } = await sandboxWithClient();
  const record = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'taskifai-bibbi')!;
  const active = record.deployments.find((d) => d.phase === 'ACTIVE')!;
  const get = async (path: string, auth = true) => {
    const response = await fetch(sandbox.url + path, auth ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const type = response.headers.get('content-type') ?? '';
    return {
      response,
      body: type.includes('json') ? ((await response.json()) as Record<string, unknown>) : await response.text(),
    };
  };
  return { sandbox, record, appId: record.app.id!, active, get };
}

function firstFrame(url: string): Promise<{ data: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('message', (data) => {
      resolve(JSON.parse((data as Buffer).toString('utf8')) as { data: string });
      ws.close(1000);
    });
    ws.once('error', reject);
  });
}

function handshakeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => resolve(101));
    ws.once('error', () => undefined);
  });
}

const LINE = /^[a-z][a-z0-9-]* \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z .*$/;

describe('the sandbox log endpoints match the official spec', () => {
  it.each([
    ['apps_get_logs_active_deployment_aggregate', (a: string) => `/v2/apps/${a}/logs?type=RUN&follow=true`],
    [
      'apps_get_logs_active_deployment',
      (a: string) => `/v2/apps/${a}/components/bibbi-api/logs?type=RUN&follow=true&tail_lines=5`,
    ],
    ['apps_get_logs_aggregate', (a: string, d: string) => `/v2/apps/${a}/deployments/${d}/logs?type=BUILD`],
    [
      'apps_get_logs',
      (a: string, d: string) => `/v2/apps/${a}/deployments/${d}/components/bibbi-api/logs?type=DEPLOY&follow=false`,
    ],
  ])('%s', async (operationId, path) => {
    const { appId, active, get } = await demo();
    const { response, body } = await get(path(appId, active.id!));
    expect(response.status).toBe(200);
    await expectMatchesSpec(operationId, 200, body);
    expect(Object.keys(body as object).some((k) => k === 'live_url' || k === 'historic_urls')).toBe(true);
  });

  it('asks for a known type and answers 400 in the API error shape otherwise', async () => {
    const { appId, get } = await demo();
    const { response, body } = await get(`/v2/apps/${appId}/logs?type=EVERYTHING`);
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ id: 'bad_request' });
    await expectMatchesSpec('apps_get_logs_active_deployment_aggregate', 400, body);
  });

  it('needs the Bearer token for the endpoints themselves, and knows unknown components', async () => {
    const { appId, get } = await demo();
    expect((await get(`/v2/apps/${appId}/logs?type=RUN`, false)).response.status).toBe(401);
    expect((await get(`/v2/apps/${appId}/components/nope/logs?type=RUN`)).response.status).toBe(404);
  });
});

describe('live and archived logs behind the signed URLs', () => {
  it('streams {"data": "<component> <time> <message>\\n"} frames over a WebSocket opened with no header', async () => {
    const { appId, get } = await demo();
    const { body } = await get(`/v2/apps/${appId}/components/bibbi-api/logs?type=RUN&follow=true&tail_lines=3`);
    const url = (body as { live_url: string }).live_url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sandbox-logs\/live\?token=/);
    const frame = await firstFrame(url);
    expect(frame.data.endsWith('\n')).toBe(true);
    for (const line of frame.data.trimEnd().split('\n')) expect(line).toMatch(LINE);
    expect(frame.data.startsWith('bibbi-api ')).toBe(true);
  });

  it('serves a finished deployment’s build log as plain text, with no Authorization header', async () => {
    const { appId, active, get } = await demo();
    const { body } = await get(`/v2/apps/${appId}/deployments/${active.id}/logs?type=BUILD&follow=true`);
    const urls = (body as { historic_urls: string[] }).historic_urls;
    expect(urls.length).toBeGreaterThan(0);
    const archive = await fetch(urls[0]!);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await archive.text()).trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines.join('\n')).toMatch(/git repo clone/);
  });

  it('refuses a tampered token and an expired one, for archives and live streams alike', async () => {
    const { sandbox, appId, active, get } = await demo();
    const archive = (
      (await get(`/v2/apps/${appId}/deployments/${active.id}/logs?type=BUILD`)).body as { historic_urls: string[] }
    ).historic_urls[0]!;
    const live = ((await get(`/v2/apps/${appId}/logs?type=RUN&follow=true`)).body as { live_url: string }).live_url;
    const tamper = (url: string) =>
      url.replace(
        /token=([^.]+)\.(.)/,
        (_m, payload: string, c: string) => `token=${payload}.${c === 'A' ? 'B' : 'A'}`,
      );
    expect((await fetch(tamper(archive))).status).toBe(403);
    expect(await handshakeStatus(tamper(live))).toBe(403);

    sandbox.state.clock.advance(10 * 60_000);
    const expired = await fetch(archive);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { message: string }).message).toMatch(/expired/);
    expect(await handshakeStatus(live)).toBe(403);
  });
});
