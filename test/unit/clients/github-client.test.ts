// The founder's GitHub, read through GitHubClient (Octokit) from the sandbox over real HTTP: what
// a deploy of BIBBI would ship, whose CI is red, polling that costs nothing while nothing moved,
// a revoked token, and a push that the next deploy really builds.
import { describe, expect, it } from 'vitest';
import { GitHubClient } from '../../../src-main/clients/github/client';
import type { ApiError } from '../../../src-main/clients/http/apiError';
import { inBackground } from '../../../src-main/clients/http/requestGate';
import { githubRateUsage, githubWorldOf, pushCommit, setGitHubRateLimit } from '../../../src-main/sandbox/github/world';
import { sandboxWithClient } from '../../support/sandbox';

const TASKIFAI = 'taskifai/taskifai-platform';

/** The error a call failed with (the test fails if it did not fail). */
async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  return call.then(
    () => expect.fail('expected the call to fail'),
    (error: ApiError) => error,
  );
}

async function founder(options: { token?: string; fetch?: typeof fetch } = {}) {
  const setup = await sandboxWithClient();
  const token = 'ghp_founderToken0000000000000000000000001';
  setup.sandbox.state.tokens.set(token, { scopes: 'read-write', api: 'github' });
  const refused: ApiError[] = [];
  const github = new GitHubClient({
    baseUrl: `${setup.sandbox.url}/github`,
    token: async () => options.token ?? token,
    onUnauthorized: (error) => refused.push(error),
    waitUnitMs: 1,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const appNamed = async (name: string) => (await setup.client.listApps()).find((a) => a.spec?.name === name)!;
  const runningSha = (app: Awaited<ReturnType<typeof appNamed>>) =>
    [...(app.active_deployment?.services ?? []), ...(app.active_deployment?.workers ?? [])].find(
      (c) => c.source_commit_hash,
    )?.source_commit_hash;
  return { ...setup, github, token, refused, appNamed, runningSha };
}

describe('the founder reads the fleet’s source on GitHub', () => {
  it('sees what a deploy of BIBBI would ship: the commits since its running one, newest first', async () => {
    const { sandbox, github, appNamed, runningSha } = await founder();
    const deployed = runningSha(await appNamed('taskifai-bibbi'))!;
    const head = await github.getBranchHead(TASKIFAI, 'main');
    const comparison = await github.compare(TASKIFAI, deployed, head.sha);

    const history = githubWorldOf(sandbox.state).repos.get(TASKIFAI)!.branches.get('main')!;
    const shipped = history.slice(history.indexOf(deployed) + 1).reverse();
    expect(comparison.status).toBe('ahead');
    expect(comparison.aheadBy).toBe(shipped.length);
    expect(comparison.aheadBy).toBeGreaterThanOrEqual(3);
    expect(comparison.commits.map((c) => c.sha)).toEqual(shipped);
    expect(comparison.commits[0]).toEqual(head);
    expect(comparison.commits[0]!.title).not.toContain('\n');
    expect(Date.parse(comparison.commits[0]!.date)).toBeGreaterThan(Date.parse(comparison.commits.at(-1)!.date));
  });

  it('sees Presence360’s head failing its tests, with the failing check named', async () => {
    const { github } = await founder();
    const head = await github.getBranchHead('presence360/presence360', 'main');
    const ci = await github.ciStatus('presence360/presence360', head.sha);
    expect(ci.sha).toBe(head.sha);
    expect(ci.state).toBe('failure');
    expect(ci.checks.filter((c) => c.state === 'failure').map((c) => c.name)).toEqual(['test']);
    expect(ci.checks.every((c) => typeof c.id === 'string')).toBe(true);

    // TaskifAI's newest push is still in CI; Task Assistant's is green, with a Codecov status too.
    expect((await github.ciStatus(TASKIFAI, 'main')).state).toBe('pending');
    const assistant = await github.ciStatus('taskassistant/task-assistant-ai', 'main');
    expect(assistant.state).toBe('success');
    expect(assistant.checks.find((c) => c.kind === 'status')?.name).toBe('codecov/project');
  });

  it('polls an unchanged branch for free: the second read is a 304 and spends no rate limit', async () => {
    const { sandbox, github, token } = await founder();
    const first = await github.getBranchHead('multivio/multivio-backend', 'develop');
    const usedAfterFirst = githubRateUsage(sandbox.state, token).used;
    const second = await github.getBranchHead('multivio/multivio-backend', 'develop');
    expect(second).toEqual(first);
    expect(sandbox.requests.filter((r) => r.endsWith('/branches/develop'))).toHaveLength(2);
    expect(githubRateUsage(sandbox.state, token).used).toBe(usedAfterFirst);

    // The cheap head check takes the sha it knows as the ETag, even before anything is cached.
    const fresh = new GitHubClient({ baseUrl: `${sandbox.url}/github`, token: async () => token });
    expect(await fresh.getHeadSha('multivio/multivio-backend', 'develop', first.sha)).toBe(first.sha);
    expect(githubRateUsage(sandbox.state, token).used).toBe(usedAfterFirst);
  });

  it('gets a clear unauthorized error for a revoked token, without the token in it', async () => {
    const revoked = 'ghp_revokedToken000000000000000000000099';
    const { github, refused } = await founder({ token: revoked });
    const error = await failureOf(github.getBranchHead(TASKIFAI, 'main'));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(error.message).toMatch(/^GitHub: Bad credentials \(401\): the token was refused/);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(revoked);
    expect(refused).toHaveLength(1);
  });

  it('is told how long to wait once the hour’s requests are spent, and an unknown branch is not found', async () => {
    const { sandbox, github } = await founder();
    const missing = await failureOf(github.getBranchHead(TASKIFAI, 'no-such-branch'));
    expect(missing).toMatchObject({ code: 'not_found', status: 404 });
    expect(missing.message).toContain('Branch not found');

    setGitHubRateLimit(sandbox.state, { limit: 1 });
    const spent = await failureOf(github.compare(TASKIFAI, 'main~1', 'main'));
    expect(spent).toMatchObject({ code: 'rate_limited' });
    // Counted from x-ratelimit-reset; the test's sandbox clock runs days behind this machine's.
    expect(spent.retryAfterSeconds).toBeGreaterThanOrEqual(0);
    expect(spent.message).toContain('rate limit (1 requests an hour) is used up');
  });

  it('lets a background poll wait out a spent hour once, while the founder’s own read fails at once', async () => {
    const { sandbox, github } = await founder();
    setGitHubRateLimit(sandbox.state, { limit: 0 });
    const asked = () => sandbox.requests.filter((r) => r.includes('/branches/main')).length;
    await failureOf(github.getBranchHead(TASKIFAI, 'main'));
    expect(asked()).toBe(1);
    const polled = await failureOf(inBackground('poll', () => github.getBranchHead(TASKIFAI, 'main')));
    expect(polled.code).toBe('rate_limited');
    expect(asked()).toBe(3);
  });

  it('says GitHub did not answer in time when a request hangs', async () => {
    const { sandbox, token } = await founder();
    sandbox.faults.latencyMs = 300;
    const slow = new GitHubClient({
      baseUrl: `${sandbox.url}/github`,
      token: async () => token,
      timeoutMs: 50,
      retries: 0,
    });
    const error = await failureOf(slow.getBranchHead(TASKIFAI, 'main'));
    expect(error).toMatchObject({ code: 'timeout', message: 'GitHub did not answer in time.' });
  });

  it('keeps a check run id past 2^53 exact, as a string', async () => {
    const huge = '90071992547409931';
    // GitHub's ids will outgrow a double one day; Octokit then parses them as BigInt.
    const { github } = await founder({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!(input instanceof Request ? input.url : input.toString()).includes('/check-runs')) return response;
        const text = (await response.text()).replace(/"id":(\d+),"name"/, `"id":${huge},"name"`);
        return new Response(text, { status: response.status, headers: response.headers });
      },
    });
    const ci = await github.ciStatus('presence360/presence360', 'main');
    expect(ci.checks[0]!.id).toBe(huge);
    expect(() => JSON.stringify(ci)).not.toThrow();
  });

  it('deploys what it was told would ship: after a push, the next deployment builds the new head', async () => {
    const { sandbox, client, github, appNamed, runningSha } = await founder();
    const customer3 = await appNamed('taskifai-customer3');
    const pushed = pushCommit(sandbox.state, TASKIFAI, 'main', {
      message: 'fix(reports): Customer3 totals in the tenant currency\n\nRounded per line, as finance asked.',
    });
    const head = await github.getBranchHead(TASKIFAI, 'main');
    expect(head.sha).toBe(pushed.sha);
    expect(head.title).toBe('fix(reports): Customer3 totals in the tenant currency');
    const willShip = await github.compare(TASKIFAI, runningSha(customer3)!, head.sha);
    expect(willShip.commits[0]!.sha).toBe(pushed.sha);

    const deployment = await client.createDeployment(customer3.id!);
    const built = [...(deployment.services ?? []), ...(deployment.workers ?? [])].map((c) => c.source_commit_hash);
    expect(new Set(built)).toEqual(new Set([pushed.sha]));
  });
});
