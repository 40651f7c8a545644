// The sandbox's GitHub tells the same story as its DigitalOcean: every commit a deployment built
// is on its component's branch, the demo's tenants are as far behind as their deployments say,
// and what GitHub answers for a conditional request costs nothing.
import { describe, expect, it } from 'vitest';
import { createSandboxState } from '../../../src-main/sandbox/demoCloud';
import { answerGitHub } from '../../../src-main/sandbox/github/api';
import { githubRateUsage, githubWorldOf, pushCommit } from '../../../src-main/sandbox/github/world';
import { startDeployment } from '../../../src-main/sandbox/deployEngine';
import type { AppRecord } from '../../../src-main/sandbox/state';
import { FIXED_NOW } from '../../support/sandbox';

function demo() {
  const { state } = createSandboxState({ nowMs: FIXED_NOW });
  const token = 'ghp_world_test_token_000000000000000000';
  state.tokens.set(token, { scopes: 'read-write', api: 'github' });
  const app = (name: string) => [...state.apps.values()].find((r) => r.app.spec.name === name)!;
  const get = (path: string, headers: Record<string, string> = {}) =>
    answerGitHub(state, { method: 'GET', path, token, headers });
  return { state, token, app, get };
}

const sourceOf = (record: AppRecord) => {
  const c = [
    ...(record.app.spec.services ?? []),
    ...(record.app.spec.workers ?? []),
    ...(record.app.spec.static_sites ?? []),
  ].find((x) => x.github)!;
  return { repo: c.github!.repo!, branch: c.github!.branch ?? 'main' };
};
const runningSha = (record: AppRecord) => {
  const active = record.deployments.find((d) => d.phase === 'ACTIVE');
  return [...(active?.services ?? []), ...(active?.workers ?? []), ...(active?.static_sites ?? [])].find(
    (c) => c.source_commit_hash,
  )?.source_commit_hash;
};

describe('the demo fleet on GitHub', () => {
  it('has every commit any deployment built on the branch its component builds from', () => {
    const { state } = demo();
    const world = githubWorldOf(state);
    let checked = 0;
    for (const record of state.apps.values()) {
      for (const deployment of record.deployments) {
        const specs = [
          ...(deployment.spec?.services ?? []),
          ...(deployment.spec?.workers ?? []),
          ...(deployment.spec?.static_sites ?? []),
        ];
        for (const built of [
          ...(deployment.services ?? []),
          ...(deployment.workers ?? []),
          ...(deployment.static_sites ?? []),
        ]) {
          const source = specs.find((s) => s.name === built.name)?.github;
          if (!built.source_commit_hash || !source?.repo) continue;
          const history = world.repos.get(source.repo.toLowerCase())?.branches.get(source.branch ?? 'main');
          expect(history, `${record.app.spec.name}: ${source.repo}@${source.branch}`).toContain(
            built.source_commit_hash,
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('shows BIBBI several commits behind main, Customer3 and Demo closer, Presence360 failing its tests and TaskifAI’s CI still running', () => {
    const { state, app, get } = demo();
    const behind = (name: string) => {
      const record = app(name);
      const { repo, branch } = sourceOf(record);
      const history = githubWorldOf(state).repos.get(repo)!.branches.get(branch)!;
      return history.length - 1 - history.indexOf(runningSha(record)!);
    };
    expect(behind('taskifai-bibbi')).toBeGreaterThanOrEqual(3);
    expect(behind('taskifai-customer3')).toBeLessThan(behind('taskifai-bibbi'));
    expect(behind('taskifai-demo')).toBeLessThan(behind('taskifai-bibbi'));

    const checks = (repo: string) =>
      (
        get(`/repos/${repo}/commits/main/check-runs`).body as {
          check_runs: Array<{ name: string; status: string; conclusion: string | null }>;
        }
      ).check_runs;
    expect(checks('presence360/presence360').find((c) => c.conclusion === 'failure')?.name).toBe('test');
    expect(checks('taskifai/taskifai-platform').some((c) => c.status !== 'completed')).toBe(true);
    for (const repo of ['insightpulse-ai/insightpulse-odoo', 'taskassistant/task-assistant-ai'])
      expect(
        checks(repo).every((c) => c.conclusion === 'success'),
        repo,
      ).toBe(true);
  });

  it('answers an unchanged branch with 304 and counts it against no limit', () => {
    const { state, token, get } = demo();
    const first = get('/repos/taskifai/taskifai-platform/branches/main');
    expect(first.status).toBe(200);
    expect(githubRateUsage(state, token).used).toBe(1);
    const again = get('/repos/taskifai/taskifai-platform/branches/main', { 'if-none-match': first.headers!.etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(githubRateUsage(state, token).used).toBe(1);

    // After a push the same ETag no longer matches.
    pushCommit(state, 'taskifai/taskifai-platform', 'main', {
      message: 'fix(upload): keep leading zeros in EAN codes',
    });
    expect(
      get('/repos/taskifai/taskifai-platform/branches/main', { 'if-none-match': first.headers!.etag! }).status,
    ).toBe(200);
  });

  it('gives the bare sha for application/vnd.github.sha, with the sha as its ETag', () => {
    const { state, get } = demo();
    const head = githubWorldOf(state).repos.get('presence360/presence360')!.branches.get('main')!.at(-1)!;
    const bare = get('/repos/presence360/presence360/commits/main', { accept: 'application/vnd.github.sha' });
    expect(bare.body).toBe(head);
    expect(bare.headers!['content-type']).toContain('application/vnd.github.sha');
    expect(
      get('/repos/presence360/presence360/commits/main', {
        accept: 'application/vnd.github.sha',
        'if-none-match': `"${head}"`,
      }).status,
    ).toBe(304);
  });

  it('builds the pushed head on the next deployment, while a restart keeps the running commit', () => {
    const { state, app } = demo();
    const record = app('taskifai-customer3');
    const pushed = pushCommit(state, 'taskifai/taskifai-platform', 'main', {
      message: 'feat(reports): Customer3 monthly export',
      ci: 'success',
    });
    const deploy = startDeployment(state, record, { cause: 'manual', causeType: 'MANUAL', spec: record.app.spec });
    expect(deploy.services?.map((s) => s.source_commit_hash)).toEqual(deploy.services?.map(() => pushed.sha));
    const running = runningSha(record);
    const restart = startDeployment(state, record, {
      cause: 'restart',
      causeType: 'MANUAL',
      spec: record.app.spec,
      skipBuild: true,
    });
    expect(restart.services?.[0]?.source_commit_hash).toBe(running);
  });
});
