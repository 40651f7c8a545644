// What each app builds from on GitHub, against what it runs: the branch head, the commits a
// deploy would ship (compare deployed…head) and the head's CI. One read per distinct repo and
// branch, however many tenants share it (TaskifAI's tenants all build taskifai-platform@main);
// a comparison of two shas never changes, so it is kept for the session.
import type {
  CiCheck,
  CommitLine,
  DeploySourcePreview,
  ProviderReach,
  Result,
  TenantSourceState,
} from '../../../src-preload/contract';
import type { ErrorMapper } from '../../base/errors';
import type { App } from '../../clients/digitalocean/types';
import type { GitHubCiStatus, GitHubComparison, GitHubCommitSummary, GitHubReposApi } from '../../clients/github/types';

export interface AppSource {
  components: string[];
  repo: string;
  branch: string;
  /** What the active deployment built, when it says. */
  deployedSha?: string;
}

type SourceComponent = { name?: string; github?: { repo?: string; branch?: string } };
type DeployedComponent = { name?: string; source_commit_hash?: string };

/** Components that build from GitHub, folded by repo and branch, with the commit each runs. */
export function sourcesOf(app: App): AppSource[] {
  const spec = app.spec;
  const components: SourceComponent[] = [
    ...(spec.services ?? []),
    ...(spec.workers ?? []),
    ...(spec.jobs ?? []),
    ...(spec.static_sites ?? []),
    ...((spec.functions ?? []) as SourceComponent[]),
  ];
  const active = app.active_deployment as Record<string, unknown> | undefined;
  const deployed = new Map<string, string>();
  for (const kind of ['services', 'workers', 'jobs', 'static_sites', 'functions']) {
    for (const c of (active?.[kind] as DeployedComponent[] | undefined) ?? []) {
      if (c.name && c.source_commit_hash) deployed.set(c.name, c.source_commit_hash);
    }
  }
  const byKey = new Map<string, AppSource>();
  for (const component of components) {
    const repo = component.github?.repo;
    if (!repo || !component.name) continue;
    const branch = component.github?.branch ?? 'main';
    const key = `${repo}@${branch}`;
    const source = byKey.get(key) ?? { components: [], repo, branch };
    source.components.push(component.name);
    source.deployedSha ??= deployed.get(component.name);
    byKey.set(key, source);
  }
  return [...byKey.values()];
}

export interface GitHubAccess {
  /** The context's GitHub client; undefined when the context has no GitHub account. */
  client: () => Promise<GitHubReposApi | undefined>;
  toError: ErrorMapper;
}

const NOT_CONNECTED =
  'No GitHub account in this context: add a token in Settings → Accounts to compare commits and CI.';
/** A deploy dialog lists this many commits; the rest are counted. */
const LISTED_COMMITS = 20;

interface BranchRead {
  head: GitHubCommitSummary;
  ci: GitHubCiStatus;
}

export class SourceStatus {
  private readonly comparisons = new Map<string, Promise<GitHubComparison>>();

  constructor(private readonly access: GitHubAccess) {}

  async reach(): Promise<ProviderReach> {
    try {
      return (await this.access.client()) ? { state: 'connected' } : { state: 'not_connected', message: NOT_CONNECTED };
    } catch (error) {
      return { state: 'error', message: this.access.toError('github', error).message };
    }
  }

  /**
   * The matrix's source cells for many apps at once: each distinct branch is read once for all
   * of them, one after another (GitHub asks for serial requests), each comparison once.
   */
  async rows(apps: readonly App[]): Promise<Map<string, Result<TenantSourceState[]>>> {
    const out = new Map<string, Result<TenantSourceState[]>>();
    const client = await this.access.client().catch(() => undefined);
    const sourcesByApp = new Map(apps.map((app) => [app.id ?? '', sourcesOf(app)]));
    if (!client) {
      const error = { code: 'unauthorized' as const, message: NOT_CONNECTED };
      for (const [appId, sources] of sourcesByApp) if (sources.length) out.set(appId, { ok: false, error });
      return out;
    }
    const branches = new Map<string, Promise<BranchRead>>();
    const read = (repo: string, branch: string) => {
      const key = `${repo}@${branch}`;
      let found = branches.get(key);
      if (!found) {
        found = this.readBranch(client, repo, branch);
        branches.set(key, found);
      }
      return found;
    };
    for (const [appId, sources] of sourcesByApp) {
      if (!sources.length) continue;
      try {
        const states: TenantSourceState[] = [];
        for (const source of sources) {
          const { head, ci } = await read(source.repo, source.branch);
          const behindBy = source.deployedSha
            ? await this.compare(client, source.repo, source.deployedSha, head.sha).then(
                (c) => c.aheadBy,
                () => undefined,
              )
            : undefined;
          states.push({
            component: source.components.join(', '),
            repo: source.repo,
            branch: source.branch,
            ...(source.deployedSha ? { deployedSha: source.deployedSha } : {}),
            headSha: head.sha,
            headTitle: head.title,
            ...(behindBy !== undefined ? { behindBy } : {}),
            ci: ci.state,
          });
        }
        out.set(appId, { ok: true, value: states });
      } catch (error) {
        out.set(appId, { ok: false, error: this.access.toError('getTenantSources', error) });
      }
    }
    return out;
  }

  /** What a deploy of this app would build: per branch, the commits it ships and the head's CI. */
  async preview(app: App): Promise<DeploySourcePreview> {
    const appId = app.id ?? '';
    const github = await this.reach();
    const client = github.state === 'connected' ? await this.access.client() : undefined;
    const sources: DeploySourcePreview['sources'] = [];
    for (const source of sourcesOf(app)) {
      const base = {
        components: source.components,
        repo: source.repo,
        branch: source.branch,
        ...(source.deployedSha ? { deployedSha: source.deployedSha } : {}),
        commits: [] as CommitLine[],
        moreCommits: 0,
        ci: 'none' as const,
        checks: [] as CiCheck[],
      };
      if (!client) {
        sources.push({ ...base, ...(github.message ? { problem: github.message } : {}) });
        continue;
      }
      try {
        const { head, ci } = await this.readBranch(client, source.repo, source.branch);
        const comparison = source.deployedSha
          ? await this.compare(client, source.repo, source.deployedSha, head.sha)
          : undefined;
        const commits = comparison?.commits ?? [];
        sources.push({
          ...base,
          head: line(head),
          commits: commits.slice(0, LISTED_COMMITS).map(line),
          moreCommits: Math.max(0, (comparison?.aheadBy ?? commits.length) - Math.min(commits.length, LISTED_COMMITS)),
          ci: ci.state,
          checks: ci.checks.map((c) => ({ name: c.name, state: c.state, ...(c.url ? { url: c.url } : {}) })),
        });
      } catch (error) {
        sources.push({ ...base, problem: this.access.toError('getDeploySource', error).message });
      }
    }
    return { appId, sources, github };
  }

  private async readBranch(client: GitHubReposApi, repo: string, branch: string): Promise<BranchRead> {
    const head = await client.getBranchHead(repo, branch);
    return { head, ci: await client.ciStatus(repo, head.sha) };
  }

  private compare(client: GitHubReposApi, repo: string, base: string, head: string): Promise<GitHubComparison> {
    const key = `${repo}:${base}...${head}`;
    let found = this.comparisons.get(key);
    if (!found) {
      found = client.compare(repo, base, head);
      // A failure is not kept: the next read asks again.
      found.catch(() => this.comparisons.delete(key));
      this.comparisons.set(key, found);
    }
    return found;
  }
}

const line = (c: GitHubCommitSummary): CommitLine => ({
  sha: c.sha,
  title: c.title,
  author: c.author,
  date: c.date,
  url: c.url,
});
