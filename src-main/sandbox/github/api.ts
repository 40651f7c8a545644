// The sandbox's GitHub REST API (under /github): GET /user for the token check, /rate_limit, and a
// tenant's source — branch head, a commit (JSON or the bare sha), compare, check runs, combined
// status. Like api.github.com: Bearer auth with 401 "Bad credentials"; private repositories that
// a token without the `repo` scope cannot see (404); an ETag on every GET and 304 Not Modified on
// If-None-Match, which costs no rate limit; x-ratelimit-* on every answer, and 403 (or 429) with
// x-ratelimit-remaining 0 once the token's hour is used up; errors as `{message,
// documentation_url, status}`.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxResponse } from '../http';
import type { SandboxState, SandboxToken } from '../state';
import type { GitHubWorld, SandboxRepo } from './model';
import {
  branchJson,
  checkRunJson,
  commitJson,
  commitStatusJson,
  diffEntry,
  minimalRepository,
  runStateAt,
} from './shapes';
import { GITHUB_USER } from './user';
import { githubWorldOf, repoOf, resolveRef } from './world';

export interface GitHubRequest {
  method: string;
  /** The path below the sandbox's /github prefix, e.g. /repos/o/r/branches/main. */
  path: string;
  token: string | undefined;
  query?: URLSearchParams;
  headers?: IncomingHttpHeaders;
}

const HOUR = 3_600_000;
const DOCS = 'https://docs.github.com/rest';

type Answer = SandboxResponse & { etag?: string };

const fail = (status: number, message: string, documentation_url = DOCS): Answer => ({
  status,
  body: { message, documentation_url, status: String(status) },
});

export function answerGitHub(state: SandboxState, request: GitHubRequest): SandboxResponse {
  const { token } = request;
  const grant = token ? state.tokens.get(token) : undefined;
  if (!token || !grant || grant.api !== 'github') return withCommon(fail(401, 'Bad credentials'));
  const world = githubWorldOf(state);
  const now = state.clock.now();
  const usage = usageOf(world, token, now);
  const rate = () => rateHeaders(world, usage);
  // GET /rate_limit is free: it is how a client asks without spending.
  if (request.method === 'GET' && request.path === '/rate_limit') {
    return withCommon({ status: 200, body: rateLimitBody(world, usage), headers: rate() });
  }
  if (usage.used >= world.rateLimit.limit) {
    const status = world.rateLimit.exceededStatus;
    const requestId = requestIdOf();
    const answer = fail(
      status,
      `API rate limit exceeded for user ID ${GITHUB_USER.id}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${new Date(now).toISOString()}.`,
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    );
    return withCommon({ ...answer, headers: rate() }, requestId);
  }
  const answer = request.method === 'GET' ? route(state, world, grant, request, now) : fail(404, 'Not Found');
  if (answer.status === 200) {
    const etag = answer.etag ?? `W/"${createHash('sha256').update(JSON.stringify(answer.body)).digest('hex')}"`;
    // A conditional GET that finds nothing new is not counted, as GitHub documents.
    if (matches(request.headers?.['if-none-match'], etag)) {
      return withCommon({ status: 304, headers: { ...rate(), etag } });
    }
    answer.headers = { ...answer.headers, etag };
  }
  usage.used += 1;
  return withCommon({ ...answer, headers: { ...rate(), ...answer.headers } });
}

function withCommon(answer: Answer, requestId = requestIdOf()): SandboxResponse {
  const { etag: _etag, ...rest } = answer;
  return {
    ...rest,
    headers: {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId,
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
      'cache-control': 'private, max-age=60, s-maxage=60',
      ...answer.headers,
    },
  };
}

const requestIdOf = () => {
  const hex = randomBytes(12).toString('hex').toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(20, 24)}`;
};

/** If-None-Match may list several tags, weak or strong, or `*`; a bare sha counts for the sha media type. */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  const wanted = bare(etag);
  return [header]
    .flat()
    .flatMap((h) => h.split(','))
    .some((tag) => tag.trim() === '*' || bare(tag) === wanted);
}

/** GitHub's primary limit is a fixed hour from a token's first counted request. */
function usageOf(world: GitHubWorld, token: string, now: number) {
  let usage = world.usage.get(token);
  if (!usage || now >= usage.windowStartMs + HOUR) {
    usage = { windowStartMs: now, used: 0 };
    world.usage.set(token, usage);
  }
  return usage;
}

function rateHeaders(world: GitHubWorld, usage: { windowStartMs: number; used: number }): Record<string, string> {
  return {
    'x-ratelimit-limit': String(world.rateLimit.limit),
    'x-ratelimit-remaining': String(Math.max(0, world.rateLimit.limit - usage.used)),
    'x-ratelimit-used': String(usage.used),
    'x-ratelimit-reset': String(Math.ceil((usage.windowStartMs + HOUR) / 1000)),
    'x-ratelimit-resource': 'core',
  };
}

function rateLimitBody(world: GitHubWorld, usage: { windowStartMs: number; used: number }) {
  const reset = Math.ceil((usage.windowStartMs + HOUR) / 1000);
  const core = {
    limit: world.rateLimit.limit,
    used: usage.used,
    remaining: Math.max(0, world.rateLimit.limit - usage.used),
    reset,
  };
  const search = { limit: 30, used: 0, remaining: 30, reset: Math.ceil(usage.windowStartMs / 1000) + 60 };
  return { resources: { core, search }, rate: core };
}

function route(
  state: SandboxState,
  world: GitHubWorld,
  grant: SandboxToken,
  request: GitHubRequest,
  now: number,
): Answer {
  if (request.path === '/user') {
    return {
      status: 200,
      body: GITHUB_USER,
      headers: {
        'x-oauth-scopes': grant.scopes === 'read-write' ? 'repo, workflow' : 'read:user',
        'x-accepted-oauth-scopes': '',
      },
    };
  }
  const found = /^\/repos\/([^/]+)\/([^/]+)\/(branches|compare|commits)\/(.+)$/.exec(request.path);
  if (!found) return fail(404, 'Not Found');
  const [, owner, name, kind, rest] = found;
  const repo = repoOf(world, `${decode(owner!)}/${decode(name!)}`);
  // Fleet repositories are private: a classic token without `repo` cannot tell them from absent ones.
  if (!repo || grant.scopes !== 'read-write') return fail(404, 'Not Found');
  const query = request.query ?? new URLSearchParams();
  if (kind === 'branches') return branch(repo, decode(rest!));
  if (kind === 'compare') return compare(repo, decode(rest!), query);
  const sub = /^(.+)\/(check-runs|status)$/.exec(rest!);
  if (sub?.[2] === 'check-runs') return checkRuns(repo, decode(sub[1]!), query, now);
  if (sub?.[2] === 'status') return combinedStatus(repo, decode(sub[1]!), query, now);
  return commit(repo, decode(rest!), request.headers?.accept ?? '');
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function branch(repo: SandboxRepo, name: string): Answer {
  const head = repo.commits.get(repo.branches.get(name)?.at(-1) ?? '');
  if (!head) return fail(404, 'Branch not found', `${DOCS}/branches/branches#get-a-branch`);
  const contexts = head.ci.map((run) => run.name);
  return { status: 200, body: branchJson(repo, name, head, contexts) };
}

function commit(repo: SandboxRepo, ref: string, accept: string): Answer {
  const found = resolveRef(repo, ref);
  const target = found && repo.commits.get(found.sha);
  if (!target) return fail(404, `No commit found for SHA: ${ref}`, `${DOCS}/commits/commits#get-a-commit`);
  if (/application\/vnd\.github(\.v3)?\.sha/.test(accept)) {
    // The bare sha; its ETag is the sha itself, so a client can send the sha it knows.
    return {
      status: 200,
      body: target.sha,
      etag: `"${target.sha}"`,
      headers: {
        'content-type': 'application/vnd.github.sha; charset=utf-8',
        'x-github-media-type': 'github.v3; param=sha',
      },
    };
  }
  return { status: 200, body: commitJson(repo, target, true) };
}

/** `per_page` (1–100, default 30) and `page` (from 1) as GitHub reads them. */
function pageOf(query: URLSearchParams, fallback = 30): { perPage: number; page: number } {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(query.get('per_page') ?? '', 10) || fallback));
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '', 10) || 1);
  return { perPage, page };
}

function compare(repo: SandboxRepo, basehead: string, query: URLSearchParams): Answer {
  const docs = `${DOCS}/commits/commits#compare-two-commits`;
  const [baseRef, headRef, extra] = basehead.split('...');
  const base = baseRef ? resolveRef(repo, baseRef) : undefined;
  const head = headRef ? resolveRef(repo, headRef) : undefined;
  if (!base || !head || extra !== undefined) return fail(404, 'Not Found', docs);
  let common = 0;
  while (common < Math.min(base.lineage.length, head.lineage.length) && base.lineage[common] === head.lineage[common])
    common++;
  const mergeBase = repo.commits.get(head.lineage[common - 1] ?? '');
  if (!mergeBase) return fail(404, `No common ancestor between ${baseRef} and ${headRef}.`, docs);
  const aheadBy = head.lineage.length - common;
  const behindBy = base.lineage.length - common;
  const status = aheadBy === 0 ? (behindBy === 0 ? 'identical' : 'behind') : behindBy === 0 ? 'ahead' : 'diverged';
  const ahead = head.lineage.slice(common).map((sha) => repo.commits.get(sha)!);
  // Without paging GitHub lists the first 250 commits, oldest first; files come on the first page only.
  const paged = query.has('per_page') || query.has('page');
  const { perPage, page } = pageOf(query);
  const listed = paged ? ahead.slice((page - 1) * perPage, page * perPage) : ahead.slice(0, 250);
  const files = [...new Set(ahead.flatMap((c) => c.files))].slice(0, 300);
  const full = `${repo.owner}/${repo.name}`;
  return {
    status: 200,
    body: {
      url: `https://api.github.com/repos/${full}/compare/${basehead}`,
      html_url: `https://github.com/${full}/compare/${basehead}`,
      permalink_url: `https://github.com/${full}/compare/${repo.owner}:${base.sha}...${repo.owner}:${head.sha}`,
      diff_url: `https://github.com/${full}/compare/${basehead}.diff`,
      patch_url: `https://github.com/${full}/compare/${basehead}.patch`,
      base_commit: commitJson(repo, repo.commits.get(base.sha)!),
      merge_base_commit: commitJson(repo, mergeBase),
      status,
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      commits: listed.map((c) => commitJson(repo, c)),
      ...(page === 1 ? { files: files.map((f) => diffEntry(repo, head.sha, f)) } : {}),
    },
  };
}

function checkRuns(repo: SandboxRepo, ref: string, query: URLSearchParams, now: number): Answer {
  const found = resolveRef(repo, ref);
  const target = found && repo.commits.get(found.sha);
  if (!target) return fail(404, 'Not Found', `${DOCS}/checks/runs#list-check-runs-for-a-git-reference`);
  const name = query.get('check_name');
  const wantedStatus = query.get('status');
  const runs = target.ci
    .filter((run) => run.kind === 'check' && (!name || run.name === name))
    .filter((run) => !wantedStatus || runStateAt(run, now).status === wantedStatus);
  const { perPage, page } = pageOf(query);
  return {
    status: 200,
    body: {
      total_count: runs.length,
      check_runs: runs
        .slice((page - 1) * perPage, page * perPage)
        .map((run) => checkRunJson(repo, target.sha, run, now)),
    },
  };
}

function combinedStatus(repo: SandboxRepo, ref: string, query: URLSearchParams, now: number): Answer {
  const found = resolveRef(repo, ref);
  const target = found && repo.commits.get(found.sha);
  const docs = `${DOCS}/commits/statuses#get-the-combined-status-for-a-specific-reference`;
  if (!target) return fail(404, `No commit found for SHA: ${ref}`, docs);
  const statuses = target.ci
    .filter((run) => run.kind === 'status')
    .map((run) => commitStatusJson(repo, target.sha, run, now));
  // "pending" also when there are no statuses at all, as GitHub reports it.
  const state = statuses.some((s) => s.state === 'failure')
    ? 'failure'
    : statuses.length === 0 || statuses.some((s) => s.state === 'pending')
      ? 'pending'
      : 'success';
  const { perPage, page } = pageOf(query);
  const api = `https://api.github.com/repos/${repo.owner}/${repo.name}`;
  return {
    status: 200,
    body: {
      state,
      statuses: statuses.slice((page - 1) * perPage, page * perPage),
      sha: target.sha,
      total_count: statuses.length,
      repository: minimalRepository(repo),
      commit_url: `${api}/commits/${target.sha}`,
      url: `${api}/commits/${target.sha}/status`,
    },
  };
}
