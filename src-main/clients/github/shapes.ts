// GitHub's answers narrowed to our shapes (types.ts): commit summaries, comparisons, and check
// runs plus commit statuses folded into one CI state.
import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { CiState, GitHubCheck, GitHubCiStatus, GitHubCommitSummary, GitHubComparison } from './types';

export type BranchData = RestEndpointMethodTypes['repos']['getBranch']['response']['data'];
export type ComparisonData = RestEndpointMethodTypes['repos']['compareCommitsWithBasehead']['response']['data'];
export type CheckRunsData = RestEndpointMethodTypes['checks']['listForRef']['response']['data'];
export type CombinedStatusData = RestEndpointMethodTypes['repos']['getCombinedStatusForRef']['response']['data'];
type CommitData = ComparisonData['commits'][number];

/**
 * An id as a string. Octokit parses JSON with BigInt for integers past 2^53, and BigInt breaks
 * JSON.stringify (logs, our IPC's JSON path), so ids never leave the client as numbers.
 */
export function idString(id: unknown): string | undefined {
  if (typeof id === 'bigint' || typeof id === 'number' || typeof id === 'string') return String(id);
  return undefined;
}

export function summaryOf(commit: CommitData): GitHubCommitSummary {
  const author = commit.author && 'login' in commit.author ? commit.author.login : undefined;
  return {
    sha: commit.sha,
    title: (commit.commit.message.split('\n', 1)[0] ?? '').trim(),
    author: author ?? commit.commit.author?.name ?? 'unknown',
    date: commit.commit.author?.date ?? commit.commit.committer?.date ?? '',
    url: commit.html_url,
  };
}

export function comparisonOf(data: ComparisonData): GitHubComparison {
  return {
    status: data.status,
    aheadBy: data.ahead_by,
    behindBy: data.behind_by,
    // GitHub lists them oldest first; what a deploy would ship reads best newest first.
    commits: data.commits.map(summaryOf).reverse(),
    url: data.html_url,
  };
}

type CheckRun = CheckRunsData['check_runs'][number];

function checkState(run: CheckRun): GitHubCheck['state'] {
  if (run.status !== 'completed') return 'pending';
  return run.conclusion === 'success' || run.conclusion === 'neutral' || run.conclusion === 'skipped'
    ? 'success'
    : 'failure';
}

/**
 * Check runs and commit statuses as one state: any failure fails it, else anything still running
 * makes it pending, else success; no checks at all is 'none'. The combined status says 'pending'
 * when a commit has no statuses, so its statuses are read rather than its state.
 */
export function ciOf(ref: string, runs: CheckRunsData, combined: CombinedStatusData): GitHubCiStatus {
  const checks: GitHubCheck[] = [
    ...runs.check_runs.map((run): GitHubCheck => {
      const url = run.html_url ?? run.details_url ?? undefined;
      const id = idString(run.id);
      return { name: run.name, kind: 'check', state: checkState(run), ...(url ? { url } : {}), ...(id ? { id } : {}) };
    }),
    ...combined.statuses.map((status): GitHubCheck => {
      const state = status.state === 'success' ? 'success' : status.state === 'pending' ? 'pending' : 'failure';
      const id = idString(status.id);
      return {
        name: status.context,
        kind: 'status',
        state,
        ...(status.target_url ? { url: status.target_url } : {}),
        ...(id ? { id } : {}),
      };
    }),
  ];
  const state: CiState =
    checks.length === 0
      ? 'none'
      : checks.some((c) => c.state === 'failure')
        ? 'failure'
        : checks.some((c) => c.state === 'pending')
          ? 'pending'
          : 'success';
  return { sha: combined.sha || runs.check_runs[0]?.head_sha || ref, state, checks };
}
