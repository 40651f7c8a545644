// The shapes of the sandbox's GitHub world (see world.ts), shared by the seed and the API.
import { createHash } from 'node:crypto';

export interface GitHubPerson {
  /** Absent when the commit's email belongs to no GitHub account (the API's author is null). */
  login?: string;
  id?: number;
  name: string;
  email: string;
  type?: 'User' | 'Bot';
}

/** One check run (Checks API) or commit status (Statuses API), resolved on read from the clock. */
export interface CiRun {
  name: string;
  kind: 'check' | 'status';
  id: number;
  startedMs: number;
  durationMs: number;
  conclusion: 'success' | 'failure' | 'cancelled' | 'neutral';
  /** Shown as the check run's output title or the status description. */
  summary: string;
}

export interface SandboxCommit {
  sha: string;
  parent?: string;
  message: string;
  author: GitHubPerson;
  dateMs: number;
  files: string[];
  ci: CiRun[];
}

export interface SandboxRepo {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  /** Branch name → its commits, oldest first; the last one is the head. */
  branches: Map<string, string[]>;
  commits: Map<string, SandboxCommit>;
}

export interface GitHubRateLimit {
  /** Requests a token may make per hour (GitHub: 5,000 for a personal token). */
  limit: number;
  /** What an exhausted token gets: GitHub answers 403 or 429, both with x-ratelimit-remaining 0. */
  exceededStatus: 403 | 429;
}

export interface GitHubWorld {
  /** By lower-cased "owner/name": GitHub's names are case-insensitive. */
  repos: Map<string, SandboxRepo>;
  rateLimit: GitHubRateLimit;
  /** Per token: when its hour started and how many requests it counted. */
  usage: Map<string, { windowStartMs: number; used: number }>;
}

/** A git-like sha: the same parent, message, author and time always give the same commit id. */
export function commitSha(parent: string | undefined, message: string, author: GitHubPerson, dateMs: number): string {
  return createHash('sha1')
    .update(`${parent ?? ''}\n${author.name} <${author.email}> ${Math.floor(dateMs / 1000)}\n${message}`)
    .digest('hex');
}
