// The sandbox's GitHub: repositories whose branches are linear commit histories, each commit with
// the CI that ran on it. It is derived from the DigitalOcean world the first time anything asks
// (derive.ts), so every commit a deployment carries is a commit GitHub knows, on the branch its
// component builds from; after that it moves on its own (pushCommit) and new deployments build
// its branch heads (deployEngine.ts).
import type { SandboxState } from '../state';
import { deriveGitHubWorld } from './derive';
import {
  commitSha,
  type GitHubPerson,
  type GitHubRateLimit,
  type GitHubWorld,
  type SandboxCommit,
  type SandboxRepo,
} from './model';
import { ciPlanFor, type CiOverride } from './people';

export type { GitHubPerson, GitHubWorld, SandboxCommit, SandboxRepo } from './model';

const worlds = new WeakMap<SandboxState, GitHubWorld>();

export function githubWorldOf(state: SandboxState): GitHubWorld {
  let world = worlds.get(state);
  if (!world) {
    world = { repos: deriveGitHubWorld(state), rateLimit: { limit: 5000, exceededStatus: 403 }, usage: new Map() };
    worlds.set(state, world);
  }
  return world;
}

export function repoOf(world: GitHubWorld, fullName: string): SandboxRepo | undefined {
  return world.repos.get(fullName.toLowerCase());
}

/** The newest commit of a branch, or undefined when GitHub has no such repository or branch. */
export function githubBranchHead(state: SandboxState, fullName: string, branch: string): string | undefined {
  return repoOf(githubWorldOf(state), fullName)?.branches.get(branch)?.at(-1);
}

export interface PushOptions {
  message: string;
  author?: GitHubPerson;
  files?: string[];
  /** CI on the new commit; by default the repository's usual checks, passing a few minutes later. */
  ci?: CiOverride;
}

/**
 * Tests and demos: a commit pushed to a branch now (sandbox clock). The branch must exist; the
 * commit becomes its head, so the next deployment of a component on it builds this sha.
 */
export function pushCommit(state: SandboxState, fullName: string, branch: string, options: PushOptions): SandboxCommit {
  const repo = repoOf(githubWorldOf(state), fullName);
  const history = repo?.branches.get(branch);
  if (!repo || !history) throw new Error(`the sandbox's GitHub has no branch ${branch} in ${fullName}`);
  const parent = history.at(-1);
  const dateMs = Math.max(state.clock.now(), (parent ? repo.commits.get(parent)?.dateMs : 0) ?? 0);
  const author = options.author ?? repo.commits.get(parent ?? '')?.author ?? FALLBACK_AUTHOR;
  const sha = commitSha(parent, options.message, author, dateMs);
  const commit: SandboxCommit = {
    sha,
    ...(parent ? { parent } : {}),
    message: options.message,
    author,
    dateMs,
    files: options.files ?? ['README.md'],
    ci: ciPlanFor(`${repo.owner}/${repo.name}`, sha, dateMs, options.ci),
  };
  repo.commits.set(sha, commit);
  history.push(sha);
  return commit;
}

const FALLBACK_AUTHOR: GitHubPerson = { name: 'Fleetdeck Sandbox', email: 'sandbox@fleetdeck.invalid' };

/** Tests: a lower hourly limit (or the 429 variant) for the GitHub API's rate limiting. */
export function setGitHubRateLimit(state: SandboxState, limit: Partial<GitHubRateLimit>): void {
  const world = githubWorldOf(state);
  world.rateLimit = { ...world.rateLimit, ...limit };
}

/** What a token has used of its GitHub hour, as the x-ratelimit-* headers report it. */
export function githubRateUsage(state: SandboxState, token: string): { used: number; remaining: number } {
  const world = githubWorldOf(state);
  const used = world.usage.get(token)?.used ?? 0;
  return { used, remaining: Math.max(0, world.rateLimit.limit - used) };
}

/**
 * What a ref names: a branch (its whole history) or a commit (its ancestors, found through any
 * branch holding it). `lineage` is oldest first and ends at the commit.
 */
export function resolveRef(repo: SandboxRepo, ref: string): { sha: string; lineage: string[] } | undefined {
  // `main~2` and `main^` are ancestors, as git reads them.
  const back = /^(.+?)(?:~(\d+)|(\^+))$/.exec(ref);
  if (back) {
    const steps = back[2] !== undefined ? Number(back[2]) : back[3]!.length;
    const from = resolveRef(repo, back[1]!);
    if (!from || steps >= from.lineage.length) return undefined;
    const lineage = from.lineage.slice(0, from.lineage.length - steps);
    return { sha: lineage.at(-1)!, lineage };
  }
  const name = ref.replace(/^(refs\/)?heads\//, '');
  const branch = repo.branches.get(name);
  if (branch?.length) return { sha: branch.at(-1)!, lineage: branch };
  // An abbreviated sha works as on GitHub when it is unambiguous (7+ characters).
  if (!/^[0-9a-f]{7,40}$/i.test(ref)) return undefined;
  const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref.toLowerCase()));
  if (matches.length !== 1) return undefined;
  const sha = matches[0]!;
  const lineage: string[] = [];
  for (let at: string | undefined = sha; at; at = repo.commits.get(at)?.parent) lineage.unshift(at);
  return { sha, lineage };
}
