// Supabase Management API calls Fleetdeck makes: organizations, their plans and their projects'
// compute, and per project (SupabaseProjectsApi) its status, health, pause and restore, backups,
// disk, advisors, keys and migrations; and for onboarding, creating and deleting a project, its
// keys in full and a parameterised SQL query. On the shared transport: bearer auth, retries of reads,
// errors without the token; plus Supabase's own rate-limit books (rateLimits.ts).
import { ApiError } from '../http/apiError';
import { RestClient, type HttpMethod, type RestClientOptions } from '../http/restClient';
import { HeaderPost } from './headerPost';
import type {
  SupabaseAdvisorKind,
  SupabaseAdvisorLint,
  SupabaseApiKey,
  SupabaseBackups,
  SupabaseCreateProjectBody,
  SupabaseDiskUtilization,
  SupabaseMigration,
  SupabaseMigrationDetail,
  SupabaseProject,
  SupabaseProjectsApi,
  SupabaseServiceHealth,
  SupabaseServiceName,
} from './projectTypes';
import { SupabaseRateLimits } from './rateLimits';
import type {
  SupabaseOrganization,
  SupabaseOrganizationDetail,
  SupabaseOrganizationProject,
  SupabaseOrganizationProjectsPage,
} from './types';

export const SUPABASE_API_URL = 'https://api.supabase.com';

/** The spec's maximum page size for GET /v1/organizations/{slug}/projects. */
const PROJECTS_PAGE_SIZE = 100;
/** A server that keeps saying "more" must not keep us reading forever: 100 pages is 10,000 projects. */
const MAX_PROJECT_PAGES = 100;
/** A change refused with 429 was not made, so it is sent again once its bucket's window ends. */
const MUTATION_RATE_LIMIT_RETRIES = 2;
/** How much of a secret key stays readable, as the API itself masks one (sb_secret_ and 5 more). */
const SHOWN_KEY_CHARS = 15;

export type SupabaseClientOptions = Omit<RestClientOptions, 'service'>;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const pathRef = (ref: string) => encodeURIComponent(ref);

export class SupabaseClient implements SupabaseProjectsApi {
  private readonly rest: RestClient;
  private readonly limits: SupabaseRateLimits;
  private readonly headerPost: HeaderPost;

  constructor(options: SupabaseClientOptions) {
    this.limits = new SupabaseRateLimits(options.sleep ?? wait);
    const gate = this.limits.gate(options.gate);
    this.rest = new RestClient({ ...options, service: 'Supabase', gate });
    this.headerPost = new HeaderPost({ ...options, gate });
  }

  listOrganizations(): Promise<SupabaseOrganization[]> {
    return this.call('GET', '/v1/organizations', 'user', '/v1/organizations');
  }

  /** The organization's plan; needs organization_admin_read on a scoped token. */
  getOrganization(slug: string): Promise<SupabaseOrganizationDetail> {
    return this.call('GET', '/v1/organizations/{slug}', slug, `/v1/organizations/${encodeURIComponent(slug)}`);
  }

  /**
   * Every project of the organization with its databases' compute sizes. The spec prefers this
   * endpoint over GET /v1/projects; it pages by offset and limit and reports the total count.
   */
  async listOrganizationProjects(slug: string): Promise<SupabaseOrganizationProject[]> {
    const projects: SupabaseOrganizationProject[] = [];
    for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
      const body = await this.call<SupabaseOrganizationProjectsPage>(
        'GET',
        '/v1/organizations/{slug}/projects',
        slug,
        `/v1/organizations/${encodeURIComponent(slug)}/projects`,
        { offset: projects.length, limit: PROJECTS_PAGE_SIZE },
      );
      const items = Array.isArray(body.projects) ? body.projects : [];
      projects.push(...items);
      if (items.length === 0 || projects.length >= (body.pagination?.count ?? 0)) break;
    }
    return projects;
  }

  async getProject(ref: string): Promise<SupabaseProject> {
    const body = await this.call<unknown>('GET', '/v1/projects/{ref}', ref, `/v1/projects/${pathRef(ref)}`);
    return this.rest.expectObject(body, 'project') as unknown as SupabaseProject;
  }

  /**
   * One entry per service asked for. The spec makes `services` a required array in form style,
   * one `services=` per name, as the CLI's generated client sends it (axios would write
   * `services[]=`, which names no service). Asking for none asks nothing.
   */
  async getServicesHealth(ref: string, services: readonly SupabaseServiceName[]): Promise<SupabaseServiceHealth[]> {
    if (services.length === 0) return [];
    const query = new URLSearchParams(services.map((name): [string, string] => ['services', name])).toString();
    const path = `/v1/projects/${pathRef(ref)}/health?${query}`;
    return this.list<SupabaseServiceHealth>('/v1/projects/{ref}/health', ref, path, 'service health');
  }

  /** Free-plan projects only; the project goes PAUSING, then INACTIVE. */
  pauseProject(ref: string): Promise<void> {
    return this.change('/v1/projects/{ref}/pause', ref, `/v1/projects/${pathRef(ref)}/pause`);
  }

  /** Only once the project is INACTIVE (while PAUSING the API refuses, in its words). */
  restoreProject(ref: string): Promise<void> {
    return this.change('/v1/projects/{ref}/restore', ref, `/v1/projects/${pathRef(ref)}/restore`);
  }

  async listBackups(ref: string): Promise<SupabaseBackups> {
    const path = `/v1/projects/${pathRef(ref)}/database/backups`;
    const body = await this.call<unknown>('GET', '/v1/projects/{ref}/database/backups', ref, path);
    const backups = this.rest.expectObject(body, 'backups');
    if (!Array.isArray(backups.backups)) this.unexpected('backups');
    return backups as unknown as SupabaseBackups;
  }

  async getDiskUtilization(ref: string): Promise<SupabaseDiskUtilization> {
    const path = `/v1/projects/${pathRef(ref)}/config/disk/util`;
    const body = await this.call<unknown>('GET', '/v1/projects/{ref}/config/disk/util', ref, path);
    return this.rest.expectObject(body, 'disk utilization') as unknown as SupabaseDiskUtilization;
  }

  /** The lints of the security or performance advisor (an endpoint the spec marks experimental). */
  async listAdvisorLints(ref: string, kind: SupabaseAdvisorKind): Promise<SupabaseAdvisorLint[]> {
    const template = `/v1/projects/{ref}/advisors/${kind}`;
    const body = await this.call<unknown>('GET', template, ref, `/v1/projects/${pathRef(ref)}/advisors/${kind}`);
    const lints = this.rest.expectObject(body, 'advisor lints').lints;
    if (!Array.isArray(lints)) this.unexpected('advisor lints');
    return lints as SupabaseAdvisorLint[];
  }

  /**
   * The project's keys, never asked with reveal=true. Unrevealed, the API still sends the legacy
   * service_role JWT whole (the CLI's recordings show it), so every secret key is masked here the
   * way the API masks the new ones: nothing past this client can show or log a secret key.
   */
  async listApiKeys(ref: string): Promise<SupabaseApiKey[]> {
    const path = `/v1/projects/${pathRef(ref)}/api-keys`;
    const keys = await this.list<SupabaseApiKey>('/v1/projects/{ref}/api-keys', ref, path, 'API keys');
    return keys.map(maskSecretKey);
  }

  /** Applied migrations, oldest first (the spec: only for selected partner OAuth apps). */
  listMigrations(ref: string): Promise<SupabaseMigration[]> {
    const path = `/v1/projects/${pathRef(ref)}/database/migrations`;
    return this.list<SupabaseMigration>('/v1/projects/{ref}/database/migrations', ref, path, 'migrations');
  }

  async getMigration(ref: string, version: string): Promise<SupabaseMigrationDetail> {
    const path = `/v1/projects/${pathRef(ref)}/database/migrations/${encodeURIComponent(version)}`;
    const body = await this.call<unknown>('GET', '/v1/projects/{ref}/database/migrations/{version}', ref, path);
    return this.rest.expectObject(body, 'migration') as unknown as SupabaseMigrationDetail;
  }

  /**
   * Applies the SQL as one migration. The API gives it a version (the time it ran); the
   * Idempotency-Key makes a retry of the same key a no-op, so a timed-out apply can be sent again
   * safely. A statement Postgres refuses fails it whole, in Postgres's words, and records nothing.
   */
  applyMigration(ref: string, migration: { query: string; name?: string }, idempotencyKey: string): Promise<void> {
    const template = 'POST /v1/projects/{ref}/database/migrations';
    const path = `/v1/projects/${pathRef(ref)}/database/migrations`;
    const body = { query: migration.query, ...(migration.name !== undefined ? { name: migration.name } : {}) };
    return this.retryingRateLimit(() =>
      this.limits.within(`${template} ${ref}`, () =>
        this.headerPost.post(path, body, { 'Idempotency-Key': idempotencyKey }),
      ),
    );
  }

  /**
   * POST /v1/projects (onboarding). Never retried, not even after a 429: a lost answer may still
   * have created the project, so the caller looks it up by name before asking again.
   */
  async createProject(body: SupabaseCreateProjectBody): Promise<SupabaseProject> {
    const created = await this.limits.within(`POST /v1/projects ${body.organization_slug}`, () =>
      this.rest.request<unknown>('POST', '/v1/projects', { body }),
    );
    return this.rest.expectObject(created, 'project') as unknown as SupabaseProject;
  }

  /** DELETE /v1/projects/{ref}: the project and its data are gone for good. */
  async deleteProject(ref: string): Promise<void> {
    await this.call<unknown>('DELETE', '/v1/projects/{ref}', ref, `/v1/projects/${pathRef(ref)}`);
  }

  /**
   * The project's keys in full (reveal=true), for the one caller that must hand them on: a new
   * tenant's app gets them as SECRET envs. Whoever calls this keeps them in memory only.
   */
  async revealApiKeys(ref: string): Promise<SupabaseApiKey[]> {
    const path = `/v1/projects/${pathRef(ref)}/api-keys?reveal=true`;
    return this.list<SupabaseApiKey>('/v1/projects/{ref}/api-keys', ref, path, 'API keys');
  }

  /** POST /v1/projects/{ref}/database/query with parameters bound apart from the SQL ($1, $2…); the rows. */
  async runQuery(ref: string, query: string, parameters: readonly unknown[] = []): Promise<unknown[]> {
    const path = `/v1/projects/${pathRef(ref)}/database/query`;
    const rows = await this.limits.within(`POST /v1/projects/{ref}/database/query ${ref}`, () =>
      this.rest.request<unknown>('POST', path, { body: { query, parameters } }),
    );
    return Array.isArray(rows) ? (rows as unknown[]) : [];
  }

  private call<T>(
    method: HttpMethod,
    template: string,
    scope: string,
    path: string,
    params?: Record<string, number>,
  ): Promise<T> {
    return this.limits.within(`${method} ${template} ${scope}`, () =>
      this.rest.request<T>(method, path, params ? { params } : {}),
    );
  }

  /** A GET whose answer is a bare array, as health, keys and migrations are. */
  private async list<T>(template: string, scope: string, path: string, what: string): Promise<T[]> {
    const body = await this.call<unknown>('GET', template, scope, path);
    if (!Array.isArray(body)) this.unexpected(what);
    return body as T[];
  }

  /** The transport's error for a 200 that is not the answer (a proxy's page, an empty reply). */
  private unexpected(what: string): never {
    this.rest.expectObject(undefined, what);
    throw new Error(`Supabase: no ${what} in the answer`);
  }

  private change(template: string, ref: string, path: string): Promise<void> {
    return this.retryingRateLimit(async () => {
      await this.call<unknown>('POST', template, ref, path);
    });
  }

  private async retryingRateLimit(task: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        // The rate-limit books now hold the bucket as spent, so the next attempt waits its window out.
        if (!(error instanceof ApiError && error.code === 'rate_limited') || attempt >= MUTATION_RATE_LIMIT_RETRIES)
          throw error;
      }
    }
  }
}

function maskSecretKey(key: SupabaseApiKey): SupabaseApiKey {
  const secret = key.type === 'secret' || (key.type === 'legacy' && key.name === 'service_role');
  if (!secret || typeof key.api_key !== 'string' || key.api_key.includes('·')) return key;
  const shown = key.api_key.slice(0, SHOWN_KEY_CHARS);
  return { ...key, api_key: shown + '·'.repeat(Math.max(0, key.api_key.length - SHOWN_KEY_CHARS)) };
}
