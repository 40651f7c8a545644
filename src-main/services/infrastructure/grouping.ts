// Which product, environment and tenant a resource belongs to, the way the fleet's apps are
// grouped: a project's name is the product (its environment word left off: "Presence360 Staging"
// is Presence360 in staging), an `env:` tag names the environment (else the project's own
// environment field), and a database named tenant_<slug> in a shared cluster is that tenant's.
// Pure functions, so the rules are tested without an API.
import type { Project } from '../../clients/digitalocean/types';

const ENV_WORDS = ['production', 'staging', 'development', 'prod', 'stage', 'dev', 'test'];

export interface Placement {
  group: string;
  environment?: string;
}

/** The product a project stands for: its name without a trailing environment word. */
export function productOf(projectName: string): string {
  const words = projectName.trim().split(/[\s_-]+/);
  const last = words.at(-1)?.toLowerCase();
  if (words.length > 1 && last && ENV_WORDS.includes(last)) {
    return projectName
      .trim()
      .slice(0, projectName.trim().length - words.at(-1)!.length)
      .replace(/[\s_-]+$/, '');
  }
  return projectName.trim();
}

const normalEnv = (value: string): string => {
  const v = value.toLowerCase();
  if (v === 'prod') return 'production';
  if (v === 'stage') return 'staging';
  if (v === 'dev') return 'development';
  return v;
};

/** `env:staging`, `environment:prod` → staging / production. */
export function environmentFromTags(tags: readonly string[]): string | undefined {
  const tag = tags.find((t) => /^(env|environment):./i.test(t));
  return tag ? normalEnv(tag.slice(tag.indexOf(':') + 1)) : undefined;
}

/**
 * Where a resource sits: its project (found by URN) names the product; without one, a plain tag
 * naming a known product (case aside), else the first plain tag, else "Account".
 */
export function placementOf(
  urn: string,
  tags: readonly string[],
  projectByUrn: ReadonlyMap<string, Pick<Project, 'name' | 'environment'>>,
  knownGroups: readonly string[],
): Placement {
  const project = projectByUrn.get(urn);
  const tagged = environmentFromTags(tags);
  const projectEnv = project?.environment ? normalEnv(project.environment) : undefined;
  const environment = tagged ?? projectEnv;
  if (project?.name) return { group: productOf(project.name), ...(environment ? { environment } : {}) };
  const plain = tags.filter((t) => !t.includes(':'));
  const known = knownGroups.find((g) => plain.some((t) => t.toLowerCase() === g.toLowerCase()));
  const group = known ?? plain[0] ?? 'Account';
  return { group, ...(environment ? { environment } : {}) };
}

/** tenant_grace → grace; a database not named after a tenant has none. */
export function tenantOfDatabase(name: string): string | undefined {
  const match = /^tenant[_-](.+)$/i.exec(name);
  return match?.[1];
}

/** The cluster's own database: never a tenant's, never a share. */
export const isClusterDefault = (name: string): boolean => name === 'defaultdb';

/**
 * Each database's even share of the cluster's price (the default database aside): a shared
 * cluster's cost as its tenants carry it. The first database takes the odd cent.
 */
export function databaseShares(price: number | undefined, databases: readonly string[]): Map<string, number> {
  const shares = new Map<string, number>();
  const billed = databases.filter((d) => !isClusterDefault(d));
  if (price === undefined || billed.length === 0) return shares;
  const even = Math.round((price / billed.length) * 100) / 100;
  billed.forEach((d, i) =>
    shares.set(d, i === 0 ? Math.round((price - even * (billed.length - 1)) * 100) / 100 : even),
  );
  return shares;
}
