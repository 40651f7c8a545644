// Supabase Management API calls Fleetdeck makes (read-only: organizations, their plans and their
// projects' compute), on the shared transport: bearer auth, retries of reads, errors without the token.
import { RestClient, type RestClientOptions } from '../http/restClient';
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

export type SupabaseClientOptions = Omit<RestClientOptions, 'service'>;

export class SupabaseClient {
  private readonly rest: RestClient;

  constructor(options: SupabaseClientOptions) {
    this.rest = new RestClient({ ...options, service: 'Supabase' });
  }

  listOrganizations(): Promise<SupabaseOrganization[]> {
    return this.rest.request<SupabaseOrganization[]>('GET', '/v1/organizations');
  }

  /** The organization's plan; needs organization_admin_read on a scoped token. */
  getOrganization(slug: string): Promise<SupabaseOrganizationDetail> {
    return this.rest.request<SupabaseOrganizationDetail>('GET', `/v1/organizations/${encodeURIComponent(slug)}`);
  }

  /**
   * Every project of the organization with its databases' compute sizes. The spec prefers this
   * endpoint over GET /v1/projects; it pages by offset and limit and reports the total count.
   */
  async listOrganizationProjects(slug: string): Promise<SupabaseOrganizationProject[]> {
    const projects: SupabaseOrganizationProject[] = [];
    for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
      const body = await this.rest.request<SupabaseOrganizationProjectsPage>(
        'GET',
        `/v1/organizations/${encodeURIComponent(slug)}/projects`,
        { params: { offset: projects.length, limit: PROJECTS_PAGE_SIZE } },
      );
      const items = Array.isArray(body.projects) ? body.projects : [];
      projects.push(...items);
      if (items.length === 0 || projects.length >= (body.pagination?.count ?? 0)) break;
    }
    return projects;
  }
}
