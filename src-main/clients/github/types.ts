// What Fleetdeck reads from GitHub for a component's source: the branch head, what a deploy would
// ship (compare deployed…head) and the head's CI state (check runs and commit statuses together).
// Shapes are ours, narrowed from GitHub's (resources/openapi/github-subset.json); GitHubClient
// fills them with Octokit.

export interface GitHubCommitSummary {
  sha: string;
  /** First line of the commit message. */
  title: string;
  /** The GitHub login when the author is a GitHub user, else the commit's author name. */
  author: string;
  /** ISO time of the commit's author date. */
  date: string;
  url: string;
}

/** GET /repos/{owner}/{repo}/compare/{base}...{head}, commits newest first. */
export interface GitHubComparison {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  aheadBy: number;
  behindBy: number;
  /** Newest first (GitHub lists them oldest first); at most the first page. */
  commits: GitHubCommitSummary[];
  url: string;
}

export type CiState = 'success' | 'failure' | 'pending' | 'none';

export interface GitHubCheck {
  name: string;
  /** 'check' from the Checks API, 'status' from the commit Statuses API. */
  kind: 'check' | 'status';
  state: Exclude<CiState, 'none'>;
  url?: string;
  /** The check run's or status's id, as a string: GitHub's ids may exceed what a double holds exactly. */
  id?: string;
}

/** Check runs and combined commit status of one ref, folded into one state. */
export interface GitHubCiStatus {
  sha: string;
  state: CiState;
  checks: GitHubCheck[];
}

/** What the tenants and deploys domains need of a GitHub account. GitHubClient implements it. */
export interface GitHubReposApi {
  /** The branch's head commit; conditional (ETag) so an unchanged head costs no rate limit. */
  getBranchHead(repo: string, branch: string): Promise<GitHubCommitSummary>;
  /** `repo` is "owner/name"; base is the deployed sha, head a branch or sha. */
  compare(repo: string, base: string, head: string): Promise<GitHubComparison>;
  ciStatus(repo: string, ref: string): Promise<GitHubCiStatus>;
}
