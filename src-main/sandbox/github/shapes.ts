// The sandbox's GitHub objects in the REST API's shapes (resources/openapi/github-subset.json:
// commit, branch-with-protection, commit-comparison, check-run, combined-commit-status), with
// api.github.com URLs as the real API writes them whatever host serves them.
import { createHash } from 'node:crypto';
import type { CiRun, GitHubPerson, SandboxCommit, SandboxRepo } from './model';

const API = 'https://api.github.com';
const WEB = 'https://github.com';
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const fullNameOf = (repo: SandboxRepo) => `${repo.owner}/${repo.name}`;
const digest = (text: string) => createHash('sha1').update(text).digest();
const nodeId = (prefix: string, text: string) => `${prefix}_kwDO${digest(text).toString('base64url').slice(0, 16)}`;

function account(login: string, id: number, type: 'User' | 'Bot' | 'Organization') {
  // As GitHub writes them: a bot's login is escaped in its API URL and its page is its app's.
  const url = `${API}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(type === 'Organization' ? 'O' : 'U', login),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: type === 'Bot' ? `${WEB}/apps/${login.replace(/\[bot\]$/, '')}` : `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The GitHub account behind a commit, or null when its email belongs to none. */
const userOf = (person: GitHubPerson) =>
  person.login && person.id !== undefined ? account(person.login, person.id, person.type ?? 'User') : null;

const ownerOf = (repo: SandboxRepo) => account(repo.owner, (repo.id % 90_000_000) + 10_000_000, 'Organization');

function lineCounts(sha: string, file: string): { additions: number; deletions: number } {
  const h = digest(`${sha}:${file}`);
  return { additions: 1 + (h[0]! % 120), deletions: h[1]! % 40 };
}

export function diffEntry(repo: SandboxRepo, sha: string, filename: string) {
  const { additions, deletions } = lineCounts(sha, filename);
  const web = `${WEB}/${fullNameOf(repo)}`;
  return {
    sha: digest(`blob:${sha}:${filename}`).toString('hex'),
    filename,
    status: 'modified' as const,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${web}/blob/${sha}/${filename}`,
    raw_url: `${web}/raw/${sha}/${filename}`,
    contents_url: `${API}/repos/${fullNameOf(repo)}/contents/${filename}?ref=${sha}`,
  };
}

/** GitHub's `commit` schema; `detail` adds stats and files, as GET /commits/{ref} has them. */
export function commitJson(repo: SandboxRepo, commit: SandboxCommit, detail = false) {
  const api = `${API}/repos/${fullNameOf(repo)}`;
  const web = `${WEB}/${fullNameOf(repo)}`;
  const person = { name: commit.author.name, email: commit.author.email, date: iso(commit.dateMs) };
  const tree = digest(`tree:${commit.sha}`).toString('hex');
  const body: Record<string, unknown> = {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    commit: {
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: userOf(commit.author),
    committer: userOf(commit.author),
    parents: commit.parent
      ? [{ sha: commit.parent, url: `${api}/commits/${commit.parent}`, html_url: `${web}/commit/${commit.parent}` }]
      : [],
  };
  if (detail) {
    const files = commit.files.map((f) => diffEntry(repo, commit.sha, f));
    const additions = files.reduce((n, f) => n + f.additions, 0);
    const deletions = files.reduce((n, f) => n + f.deletions, 0);
    body.stats = { additions, deletions, total: additions + deletions };
    body.files = files;
  }
  return body;
}

/** GET /repos/{owner}/{repo}/branches/{branch}: the default branch is protected by its CI. */
export function branchJson(repo: SandboxRepo, name: string, head: SandboxCommit, contexts: string[]) {
  const api = `${API}/repos/${fullNameOf(repo)}/branches/${name}`;
  const isProtected = name === repo.defaultBranch;
  return {
    name,
    commit: commitJson(repo, head),
    _links: { self: api, html: `${WEB}/${fullNameOf(repo)}/tree/${name}` },
    protected: isProtected,
    protection: {
      enabled: isProtected,
      required_status_checks: isProtected
        ? { enforcement_level: 'non_admins', contexts, checks: contexts.map((context) => ({ context, app_id: null })) }
        : { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${api}/protection`,
  };
}

type RunState = { status: 'queued' | 'in_progress' | 'completed'; conclusion: CiRun['conclusion'] | null };

export function runStateAt(run: CiRun, nowMs: number): RunState {
  if (nowMs < run.startedMs) return { status: 'queued', conclusion: null };
  if (nowMs < run.startedMs + run.durationMs) return { status: 'in_progress', conclusion: null };
  return { status: 'completed', conclusion: run.conclusion };
}

const GITHUB_ACTIONS = {
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  owner: account('github', 9919, 'Organization'),
  name: 'GitHub Actions',
  description: 'Automate your workflow from idea to production',
  external_url: 'https://help.github.com/en/actions',
  html_url: 'https://github.com/apps/github-actions',
  created_at: '2018-07-30T09:30:17Z',
  updated_at: '2024-04-10T20:33:16Z',
  permissions: { actions: 'write', checks: 'write', contents: 'write', metadata: 'read', statuses: 'write' },
  events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch', 'workflow_run'],
};

export function checkRunJson(repo: SandboxRepo, sha: string, run: CiRun, nowMs: number) {
  const { status, conclusion } = runStateAt(run, nowMs);
  const suite = 20_000_000_000 + (run.id % 1_000_000_000);
  const jobUrl = `${WEB}/${fullNameOf(repo)}/actions/runs/${suite}/job/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CR', String(run.id)),
    head_sha: sha,
    external_id: digest(`ext:${run.id}`).toString('hex').slice(0, 32),
    url: `${API}/repos/${fullNameOf(repo)}/check-runs/${run.id}`,
    html_url: jobUrl,
    details_url: jobUrl,
    status,
    conclusion,
    started_at: nowMs < run.startedMs ? null : iso(run.startedMs),
    completed_at: status === 'completed' ? iso(run.startedMs + Math.max(0, run.durationMs)) : null,
    output: {
      title: status === 'completed' ? run.summary : null,
      summary: status === 'completed' ? run.summary : null,
      text: null,
      annotations_count: 0,
      annotations_url: `${API}/repos/${fullNameOf(repo)}/check-runs/${run.id}/annotations`,
    },
    check_suite: { id: suite },
    app: GITHUB_ACTIONS,
    pull_requests: [],
  };
}

export function commitStatusJson(repo: SandboxRepo, sha: string, run: CiRun, nowMs: number) {
  const { status, conclusion } = runStateAt(run, nowMs);
  const state = status !== 'completed' ? 'pending' : conclusion === 'success' ? 'success' : 'failure';
  const at = iso(status === 'completed' ? run.startedMs + Math.max(0, run.durationMs) : run.startedMs);
  return {
    url: `${API}/repos/${fullNameOf(repo)}/statuses/${sha}`,
    avatar_url: 'https://avatars.githubusercontent.com/u/9919?v=4',
    id: run.id,
    node_id: nodeId('SC', String(run.id)),
    state,
    description: state === 'pending' ? 'Waiting for status to be reported' : run.summary,
    target_url: `https://app.example-ci.com/gh/${fullNameOf(repo)}/commit/${sha}`,
    context: run.name,
    created_at: iso(run.startedMs),
    updated_at: at,
  };
}

/** GitHub's `minimal-repository`, as the combined status embeds it. */
export function minimalRepository(repo: SandboxRepo) {
  const full = fullNameOf(repo);
  const api = `${API}/repos/${full}`;
  const templated: Record<string, string> = {};
  for (const [key, suffix] of Object.entries(REPO_URLS)) templated[key] = `${api}/${suffix}`;
  return {
    id: repo.id,
    node_id: nodeId('R', full),
    name: repo.name,
    full_name: full,
    owner: ownerOf(repo),
    private: true,
    html_url: `${WEB}/${full}`,
    description: null,
    fork: false,
    url: api,
    ...templated,
  };
}

const REPO_URLS = {
  archive_url: '{archive_format}{/ref}',
  assignees_url: 'assignees{/user}',
  blobs_url: 'git/blobs{/sha}',
  branches_url: 'branches{/branch}',
  collaborators_url: 'collaborators{/collaborator}',
  comments_url: 'comments{/number}',
  commits_url: 'commits{/sha}',
  compare_url: 'compare/{base}...{head}',
  contents_url: 'contents/{+path}',
  contributors_url: 'contributors',
  deployments_url: 'deployments',
  downloads_url: 'downloads',
  events_url: 'events',
  forks_url: 'forks',
  git_commits_url: 'git/commits{/sha}',
  git_refs_url: 'git/refs{/sha}',
  git_tags_url: 'git/tags{/sha}',
  hooks_url: 'hooks',
  issue_comment_url: 'issues/comments{/number}',
  issue_events_url: 'issues/events{/number}',
  issues_url: 'issues{/number}',
  keys_url: 'keys{/key_id}',
  labels_url: 'labels{/name}',
  languages_url: 'languages',
  merges_url: 'merges',
  milestones_url: 'milestones{/number}',
  notifications_url: 'notifications{?since,all,participating}',
  pulls_url: 'pulls{/number}',
  releases_url: 'releases{/id}',
  stargazers_url: 'stargazers',
  statuses_url: 'statuses/{sha}',
  subscribers_url: 'subscribers',
  subscription_url: 'subscription',
  tags_url: 'tags',
  teams_url: 'teams',
  trees_url: 'git/trees{/sha}',
};
