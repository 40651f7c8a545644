// The GitHub world as the DigitalOcean world implies it. Every commit a deployment built is a
// commit on its component's branch, in the order the fleet first deployed them (all tenants of a
// product build one branch, so their histories interleave into one). Not every commit gets
// deployed: a few more sit between them, with realistic authors, messages and CI. What the demo
// shows follows from the deployments (TaskifAI's BIBBI is building the newest commit on main while
// it still runs one days older), plus the few heads the demo tells a story with (DEMO_HEADS).
import type { AppSpec, Deployment } from '../../clients/digitalocean/types';
import { seededRandom, type SandboxState } from '../state';
import { commitSha, type SandboxCommit, type SandboxRepo } from './model';
import { ciPlanFor, peopleOf, type CiOverride, type RepoPeople } from './people';

/** Heads whose CI the demo sets: Presence360's newest commit broke its tests. */
const DEMO_HEADS: Record<string, { branch: string; ci: CiOverride }> = {
  'presence360/presence360': { branch: 'main', ci: { failing: 'test' } },
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Deployed {
  sha: string;
  atMs: number;
  /** Pushed (deploy on push) rather than deployed by hand later. */
  pushed: boolean;
  buildFailed: boolean;
}

type SourcedComponent = { name?: string; github?: { repo?: string; branch?: string } };

export function deriveGitHubWorld(state: SandboxState): Map<string, SandboxRepo> {
  // repo (lower case) → branch → sha → first deployment of it
  const found = new Map<string, { fullName: string; branches: Map<string, Map<string, Deployed>> }>();
  for (const record of state.apps.values()) {
    for (const deployment of record.deployments) {
      // A rollback rebuilds an older commit: it says nothing about when that commit was made.
      if (deployment.cloned_from || deployment.cause_details?.type === 'MANUAL_ROLLBACK') continue;
      for (const [component, sha] of builtComponents(deployment)) {
        const source = component.github;
        if (!source?.repo) continue;
        const key = source.repo.toLowerCase();
        const repo = found.get(key) ?? { fullName: source.repo, branches: new Map<string, Map<string, Deployed>>() };
        found.set(key, repo);
        const branch = repo.branches.get(source.branch ?? 'main') ?? new Map<string, Deployed>();
        repo.branches.set(source.branch ?? 'main', branch);
        const atMs = Date.parse(deployment.created_at ?? '') || state.clock.now();
        const known = branch.get(sha);
        const buildFailed = failedBuilding(deployment) || (known?.buildFailed ?? false);
        if (known && known.atMs <= atMs) known.buildFailed = buildFailed;
        else branch.set(sha, { sha, atMs, pushed: deployment.cause_details?.type === 'DEPLOY_ON_PUSH', buildFailed });
      }
    }
  }
  const repos = new Map<string, SandboxRepo>();
  for (const [key, { fullName, branches }] of found) repos.set(key, buildRepo(fullName, branches));
  return repos;
}

/** Each component a deployment built from a repository, with the commit it built. */
function builtComponents(deployment: Deployment): Array<[SourcedComponent, string]> {
  const spec: Partial<AppSpec> = deployment.spec ?? {};
  const lists: Array<[Array<{ name?: string; source_commit_hash?: string }> | undefined, SourcedComponent[]]> = [
    [deployment.services, spec.services ?? []],
    [deployment.workers, spec.workers ?? []],
    [deployment.static_sites, spec.static_sites ?? []],
    [deployment.jobs, spec.jobs ?? []],
  ];
  const out: Array<[SourcedComponent, string]> = [];
  for (const [built, specs] of lists) {
    for (const ref of built ?? []) {
      const component = specs.find((c) => c.name === ref.name);
      if (component && ref.source_commit_hash) out.push([component, ref.source_commit_hash]);
    }
  }
  return out;
}

const failedBuilding = (deployment: Deployment): boolean =>
  deployment.phase === 'ERROR' && JSON.stringify(deployment.progress ?? {}).includes('"code":"BuildJobExitNonZero"');

function buildRepo(fullName: string, branches: Map<string, Map<string, Deployed>>): SandboxRepo {
  const [owner = fullName, name = fullName] = fullName.split('/');
  const random = seededRandom(hashOf(fullName));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const people = peopleOf(fullName);
  const repo: SandboxRepo = {
    owner,
    name,
    id: 600_000_000 + (hashOf(`repo:${fullName}`) % 300_000_000),
    defaultBranch: branches.has('main') ? 'main' : ([...branches.keys()][0] ?? 'main'),
    branches: new Map(),
    commits: new Map(),
  };
  const firstMs = Math.min(...[...branches.values()].flatMap((b) => [...b.values()].map((d) => d.atMs)));
  const rootAuthor = people.authors[0]!;
  const rootMessage = 'Initial commit';
  const rootDate = firstMs - int(20, 40) * DAY;
  const root: SandboxCommit = {
    sha: commitSha(undefined, rootMessage, rootAuthor, rootDate),
    message: rootMessage,
    author: rootAuthor,
    dateMs: rootDate,
    files: ['README.md', '.gitignore'],
    ci: [],
  };
  repo.commits.set(root.sha, root);

  let workIndex = int(0, people.work.length - 1);
  // Branches share the initial commit and go their own ways from there.
  for (const [branchName, deployed] of [...branches].sort(([a], [b]) =>
    a === repo.defaultBranch ? -1 : b === repo.defaultBranch ? 1 : a.localeCompare(b),
  )) {
    const history = [root.sha];
    let prev = root;
    const ordered = [...deployed.values()].filter((d) => !repo.commits.has(d.sha)).sort((a, b) => a.atMs - b.atMs);
    ordered.forEach((d, i) => {
      // When it was committed: a push deploys within minutes, a manual deploy comes later.
      const wanted = d.atMs - (d.pushed ? int(40, 200) * 1000 : int(15, 300) * MINUTE);
      const dateMs = wanted > prev.dateMs + MINUTE ? wanted : Math.round((prev.dateMs + d.atMs - 30_000) / 2);
      // Commits nobody deployed on their own land between the deployed ones.
      const between = i === 0 ? int(2, 4) : int(0, 2);
      for (let k = 1; k <= between; k++) {
        const at = Math.round(prev.dateMs + ((dateMs - prev.dateMs) * k) / (between + 1));
        prev = addCommit(repo, history, prev, at, people, workIndex++, random);
      }
      prev = addCommit(repo, history, prev, dateMs, people, workIndex++, random, d);
    });
    repo.branches.set(branchName, history);
  }

  const story = DEMO_HEADS[fullName.toLowerCase()];
  const head = story && repo.commits.get(repo.branches.get(story.branch)?.at(-1) ?? '');
  if (story && head) head.ci = ciPlanFor(fullName, head.sha, head.dateMs, story.ci);
  return repo;
}

function addCommit(
  repo: SandboxRepo,
  history: string[],
  parent: SandboxCommit,
  dateMs: number,
  people: RepoPeople,
  workIndex: number,
  random: () => number,
  deployed?: Deployed,
): SandboxCommit {
  const [message, files] = people.work[workIndex % people.work.length]!;
  const humans = people.authors.filter((a) => a.type !== 'Bot');
  const bot = people.authors.find((a) => a.type === 'Bot');
  const author =
    bot && message.startsWith('chore(deps): bump')
      ? bot
      : (humans[Math.floor(random() * humans.length)] ?? people.authors[0]!);
  const fullName = `${repo.owner}/${repo.name}`;
  const sha = deployed?.sha ?? commitSha(parent.sha, message, author, dateMs);
  const buildCheck = people.ci.find((c) => /build|docker/.test(c.name)) ?? people.ci[0];
  const ci = ciPlanFor(
    fullName,
    sha,
    dateMs,
    deployed?.buildFailed && buildCheck ? { failing: buildCheck.name } : undefined,
  );
  const commit: SandboxCommit = { sha, parent: parent.sha, message, author, dateMs, files, ci };
  repo.commits.set(sha, commit);
  history.push(sha);
  return commit;
}

/** FNV-1a: a stable seed per repository name. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
