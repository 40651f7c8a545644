// The sandbox's GitHub answers are GitHub's: every success and every error a tenant's source view
// can meet is validated against the official REST description (resources/openapi/github-subset.json),
// and a 304 carries no body.
import { describe, expect, it } from 'vitest';
import github from '../../resources/openapi/github-subset.json';
import { githubWorldOf, setGitHubRateLimit } from '../../src-main/sandbox/github/world';
import { specValidator } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

const REPO = '/github/repos/taskifai/taskifai-platform';

/**
 * GitHub's description is OpenAPI 3.0, where `nullable: true` may stand beside `oneOf` or `enum`;
 * ajv accepts `nullable` only next to a `type` and checks `enum` before it. The same meaning in
 * terms ajv reads: null added to the enum, or the schema as one branch of "it or null".
 */
function ajvReadable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(ajvReadable);
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, ajvReadable(v)])) as Record<
    string,
    unknown
  >;
  if (schema.nullable !== true) return schema;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (schema.type !== undefined) return schema;
  const { nullable: _nullable, ...rest } = schema;
  return { anyOf: [rest, { type: 'object', nullable: true, enum: [null] }] };
}

async function githubSandbox(scopes: 'read-write' | 'read-only' = 'read-write') {
  const { sandbox } = await sandboxWithClient();
  const token = `ghp_${Math.random().toString(16).slice(2).padEnd(36, '0')}`;
  sandbox.state.tokens.set(token, { scopes, api: 'github' });
  const get = (path: string, headers: Record<string, string> = {}, bearer = token) =>
    fetch(sandbox.url + path, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/vnd.github+json', ...headers },
    });
  const spec = await specValidator(ajvReadable(github) as object);
  const expectValid = (operationId: string, status: number, body: unknown) => {
    const result = spec.validator.validateResponse(body, operationId, status);
    expect(result.errors ?? [], JSON.stringify(result.errors?.slice(0, 3), null, 1)).toEqual([]);
  };
  // Errors the spec lists on only some operations (401, 403) share GitHub's basic-error schema.
  const expectError = (body: unknown, status: number) => {
    expectValid('users/get-authenticated', 401, body);
    expect(body).toMatchObject({
      status: String(status),
      documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
  };
  return { sandbox, token, get, expectValid, expectError };
}

describe('GitHub answers for a tenant’s source, in the official shapes', () => {
  it('GET a branch (repos/get-branch), and 404 for an unknown branch or repository', async () => {
    const { get, expectValid, expectError } = await githubSandbox();
    const response = await get(`${REPO}/branches/main`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expectValid('repos/get-branch', 200, body);
    expect(body).toMatchObject({
      name: 'main',
      protected: true,
      commit: { sha: expect.stringMatching(/^[0-9a-f]{40}$/) },
    });

    for (const path of [`${REPO}/branches/no-such-branch`, '/github/repos/taskifai/nope/branches/main']) {
      const missing = await get(path);
      expect(missing.status).toBe(404);
      const error = await missing.json();
      expectValid('repos/get-branch', 404, error);
      expectError(error, 404);
    }
  });

  it('GET a commit (repos/get-commit), and 404 for an unknown ref', async () => {
    const { get, expectValid } = await githubSandbox();
    const head = (await (await get(`${REPO}/branches/main`)).json()).commit.sha as string;
    const response = await get(`${REPO}/commits/${head}`);
    const body = await response.json();
    expectValid('repos/get-commit', 200, body);
    expect(body.files.length).toBeGreaterThan(0);

    const missing = await get(`${REPO}/commits/0123456789abcdef0123456789abcdef01234567`);
    expect(missing.status).toBe(404);
    expectValid('repos/get-commit', 404, await missing.json());
  });

  it('GET compare (repos/compare-commits-with-basehead): oldest first, paged, and 404 for an unknown base', async () => {
    const { sandbox, get, expectValid } = await githubSandbox();
    const history = githubWorldOf(sandbox.state).repos.get('taskifai/taskifai-platform')!.branches.get('main')!;
    const base = history.at(-6)!;
    const response = await get(`${REPO}/compare/${base}...main`);
    const body = await response.json();
    expectValid('repos/compare-commits-with-basehead', 200, body);
    expect(body).toMatchObject({ status: 'ahead', ahead_by: 5, behind_by: 0, total_commits: 5 });
    expect(body.commits.map((c: { sha: string }) => c.sha)).toEqual(history.slice(-5));

    const page2 = await (await get(`${REPO}/compare/${base}...main?per_page=2&page=2`)).json();
    expectValid('repos/compare-commits-with-basehead', 200, page2);
    expect(page2.commits.map((c: { sha: string }) => c.sha)).toEqual(history.slice(-3, -1));
    expect(page2.files).toBeUndefined();

    const behind = await (await get(`${REPO}/compare/main...${base}`)).json();
    expect(behind).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 5 });

    const missing = await get(`${REPO}/compare/ffffffffffffffffffffffffffffffffffffffff...main`);
    expect(missing.status).toBe(404);
    expectValid('repos/compare-commits-with-basehead', 404, await missing.json());
  });

  it('GET check runs (checks/list-for-ref) and the combined status (repos/get-combined-status-for-ref)', async () => {
    const { get, expectValid, expectError } = await githubSandbox();
    for (const repo of ['presence360/presence360', 'taskassistant/task-assistant-ai', 'taskifai/taskifai-platform']) {
      const runs = await get(`/github/repos/${repo}/commits/main/check-runs`);
      const runsBody = await runs.json();
      expect(runs.status).toBe(200);
      expectValid('checks/list-for-ref', 200, runsBody);
      expect(runsBody.total_count).toBeGreaterThan(0);

      const status = await get(`/github/repos/${repo}/commits/main/status`);
      expect(status.status).toBe(200);
      expectValid('repos/get-combined-status-for-ref', 200, await status.json());
    }
    const unknown = await get(`${REPO}/commits/no-such-ref/check-runs`);
    expect(unknown.status).toBe(404);
    expectError(await unknown.json(), 404);
    const unknownStatus = await get(`${REPO}/commits/no-such-ref/status`);
    expectValid('repos/get-combined-status-for-ref', 404, await unknownStatus.json());
  });

  it('every GET has an ETag, and If-None-Match answers 304 with no body and no rate limit spent', async () => {
    const { get } = await githubSandbox();
    for (const path of [
      `${REPO}/branches/main`,
      `${REPO}/commits/main`,
      `${REPO}/compare/main~3...main`,
      `${REPO}/commits/main/check-runs`,
      `${REPO}/commits/main/status`,
      '/github/user',
    ]) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const used = Number(first.headers.get('x-ratelimit-used'));
      const again = await get(path, { 'If-None-Match': etag! });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      expect(Number(again.headers.get('x-ratelimit-used'))).toBe(used);
    }
    // The bare-sha form takes the sha the client knows as its ETag.
    const sha = await (await get(`${REPO}/commits/main`, { Accept: 'application/vnd.github.sha' })).text();
    const unchanged = await get(`${REPO}/commits/main`, {
      Accept: 'application/vnd.github.sha',
      'If-None-Match': `"${sha}"`,
    });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
  });

  it('GET a commit as application/vnd.github.sha answers the bare sha', async () => {
    const { get } = await githubSandbox();
    const head = (await (await get(`${REPO}/branches/main`)).json()).commit.sha as string;
    const bare = await get(`${REPO}/commits/main`, { Accept: 'application/vnd.github.sha' });
    expect(bare.status).toBe(200);
    expect(bare.headers.get('content-type')).toContain('application/vnd.github.sha');
    expect(await bare.text()).toBe(head);
  });

  it('401 Bad credentials, 404 for a token without the repo scope, and 403/429 once the hour is used up', async () => {
    const { sandbox, get, expectError } = await githubSandbox();
    const refused = await get(`${REPO}/branches/main`, {}, 'ghp_revoked');
    expect(refused.status).toBe(401);
    const refusedBody = await refused.json();
    expectError(refusedBody, 401);
    expect(refusedBody.message).toBe('Bad credentials');

    const narrow = await githubSandbox('read-only');
    expect((await narrow.get(`${REPO}/branches/main`)).status).toBe(404);

    setGitHubRateLimit(sandbox.state, { limit: 2 });
    const ok = await get(`${REPO}/branches/main`);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('2');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('1');
    await get('/github/user');
    const exhausted = await get(`${REPO}/branches/main`);
    expect(exhausted.status).toBe(403);
    expect(exhausted.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(exhausted.headers.get('x-ratelimit-reset'))).toBeGreaterThan(sandbox.state.clock.now() / 1000);
    expectError(await exhausted.json(), 403);

    setGitHubRateLimit(sandbox.state, { exceededStatus: 429 });
    const tooMany = await get(`${REPO}/branches/main`);
    expect(tooMany.status).toBe(429);
    expectError(await tooMany.json(), 429);

    // GET /rate_limit is free, and says the same.
    const rate = await (await get('/github/rate_limit')).json();
    expect(rate.resources.core).toMatchObject({ limit: 2, remaining: 0, used: 2 });
  });
});
