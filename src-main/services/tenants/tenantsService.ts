// The tenants domain: the matrix, one tenant's page, hand links to Supabase projects, pausing
// and restoring a project, what a deploy would ship, and schema drift with migrations applied
// tenant by tenant. Each provider's part fails on its own: a refused Supabase or GitHub token
// leaves the DigitalOcean columns standing and says why beside the rest.
import { createHash } from 'node:crypto';
import type {
  DeploySourcePreview,
  MigrationReview,
  MigrationRun,
  MigrationSource,
  ProviderReach,
  Result,
  SchemaDrift,
  SupabaseCosts,
  SupabaseProjectState,
  TenantDetail,
  TenantRow,
  TenantSchemaState,
  TenantsMatrix,
} from '../../../src-preload/contract';
import type { FleetSnapshot, InfrastructureTenant } from '../../../src-preload/contract';
import type { ErrorMapper } from '../../base/errors';
import type { App } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import type { AuditLog } from '../deploys/auditLog';
import {
  filesReview,
  migrationKey,
  runMigrations,
  schemaDrift,
  scriptOf,
  type DriftTenant,
  type RunTarget,
} from './schemaDrift';
import type { SourceStatus } from './sourceStatus';
import type { SupabaseProjects } from './supabaseProjects';
import { asleepMessage } from './supabaseProjects';
import type { TenantLinks } from './tenantLinks';
import { linkOf, markShared, pausePolicy, projectDirectory, rowOf, schemaState, type KnownProject } from './tenantRows';
import { supabaseSharesOf, type TenantSupabaseShares } from './costsHandOff';
import { databaseTenantsOf, refusedReach, supabaseReachOf } from './providerReach';

export interface TenantsServiceDeps {
  context: string;
  fleet: () => Promise<{ snapshot: FleetSnapshot; apps: App[] }>;
  /** The Supabase account's organizations and projects (the costs domain's shared read). */
  supabaseDirectory: () => Promise<SupabaseCosts>;
  projects: SupabaseProjects;
  sources: SourceStatus;
  links: TenantLinks;
  audit: Pick<AuditLog, 'start' | 'finish'>;
  toError: ErrorMapper;
  /** Tenants known only by their databases in shared clusters (the infrastructure read); absent, none. */
  databaseTenants?: (apps: readonly App[]) => Promise<InfrastructureTenant[]>;
}

const ASLEEP: ReadonlySet<SupabaseProjectState> = new Set(['INACTIVE', 'PAUSING', 'COMING_UP', 'RESTORING', 'REMOVED']);

interface Joined {
  snapshot: FleetSnapshot;
  apps: App[];
  directory: Map<string, KnownProject>;
  supabase: ProviderReach;
  rows: Map<string, { app: App; link: TenantRow['supabase'] }>;
}

export class TenantsService {
  constructor(private readonly deps: TenantsServiceDeps) {}

  async listTenants(): Promise<TenantsMatrix> {
    const joined = await this.join();
    const refs = [...joined.rows.values()].flatMap(({ link }) =>
      link?.project && !ASLEEP.has(link.project.status) ? [link.ref] : [],
    );
    const [migrations, sources, github, databaseTenants] = await Promise.all([
      this.deps.projects.migrationsOf([...new Set(refs)]),
      this.deps.sources.rows(joined.apps),
      this.deps.sources.reach(),
      databaseTenantsOf(this.deps.databaseTenants, joined.apps, this.deps.toError),
    ]);
    const drift = schemaDrift(this.driftTenants(joined, migrations));
    const missingOf = new Map(drift.tenants.map((t) => [t.appId, t.missing]));
    const tenants = await Promise.all(
      joined.snapshot.apps.map(async (fleetApp) => {
        const { app, link } = joined.rows.get(fleetApp.id)!;
        const project = link ? joined.directory.get(link.ref) : undefined;
        let schema: Result<TenantSchemaState> | undefined;
        let backups: TenantRow['backups'];
        if (link?.project && project) {
          const applied = migrations.get(link.ref);
          schema = ASLEEP.has(project.status)
            ? { ok: false, error: { code: 'unprocessable', message: asleepMessage(project.status) } }
            : applied?.ok
              ? { ok: true, value: schemaState(applied.value, missingOf.get(fleetApp.id) ?? []) }
              : applied
                ? applied
                : undefined;
          backups = await this.deps.projects.backups(link.ref, project.status);
        } else if (link) {
          const error = {
            code: 'not_found' as const,
            message: link.unmatched ?? joined.supabase.message ?? 'Not readable.',
          };
          schema = { ok: false, error };
          backups = { ok: false, error };
        }
        return rowOf({
          app,
          fleetApp,
          supabase: link,
          ...(project ? { project } : {}),
          ...(schema ? { schema } : {}),
          ...(backups ? { backups } : {}),
          ...(sources.has(fleetApp.id) ? { sources: sources.get(fleetApp.id) } : {}),
        });
      }),
    );
    const used = new Set([...joined.rows.values()].flatMap(({ link }) => (link ? [link.ref] : [])));
    return {
      fetchedAt: new Date().toISOString(),
      tenants,
      unmatchedProjects: [...joined.directory.values()]
        .filter((p) => !used.has(p.ref))
        .map((p) => ({ ref: p.ref, name: p.name, organization: p.organization, status: p.status })),
      providers: { supabase: joined.supabase, github: refusedReach(github, sources.values()) },
      ...databaseTenants,
    };
  }

  /** Each app's share of its Supabase project, for the Costs page (see costsHandOff.ts). */
  supabaseShares(apps: readonly App[]): Promise<TenantSupabaseShares | undefined> {
    return supabaseSharesOf(apps, this.deps.links, this.deps.supabaseDirectory);
  }

  async getTenant(appId: string): Promise<TenantDetail> {
    const matrix = await this.listTenants();
    const row = matrix.tenants.find((t) => t.appId === appId);
    if (!row)
      throw new ApiError({ code: 'not_found', message: 'No such tenant in this context (it may have been deleted).' });
    if (!row.supabase?.project) return { row };
    const directory = projectDirectory(await this.deps.supabaseDirectory());
    const project = directory.get(row.supabase.ref)!;
    try {
      const detail = await this.deps.projects.detail(
        {
          ref: project.ref,
          name: project.name,
          organization: project.organization,
          region: project.region,
          status: project.status,
        },
        pausePolicy(project),
        project.computeEstimate,
      );
      return { row, supabase: { ok: true, value: detail } };
    } catch (error) {
      return { row, supabase: { ok: false, error: this.deps.toError('getTenant', error) } };
    }
  }

  async link(appId: string, ref: string): Promise<TenantRow> {
    await this.deps.links.set(appId, ref);
    return this.rowOf(appId);
  }

  /** A hand link is forgotten; a derived project is marked as not this tenant's. */
  async unlink(appId: string): Promise<TenantRow> {
    const joined = await this.join();
    const current = joined.rows.get(appId)?.link;
    if (current?.how === 'linked' && joined.apps.find((a) => a.id === appId)) {
      await this.deps.links.forget(appId);
      const after = (await this.rowOf(appId)).supabase;
      // The spec still names the same project: forgetting the link would change nothing.
      if (after?.ref === current.ref) await this.deps.links.set(appId, null);
    } else {
      await this.deps.links.set(appId, null);
    }
    return this.rowOf(appId);
  }

  async pause(ref: string): Promise<{ status: SupabaseProjectState }> {
    const project = projectDirectory(await this.deps.supabaseDirectory()).get(ref);
    if (!project)
      throw new ApiError({ code: 'not_found', message: `Project ${ref} is not one this Supabase account can see.` });
    const policy = pausePolicy(project);
    if (!policy.allowed)
      throw new ApiError({ code: 'invalid_argument', message: policy.reason ?? 'This project cannot be paused.' });
    return this.projectAction('supabase_pause', project, () => this.deps.projects.pause(ref));
  }

  async restore(ref: string): Promise<{ status: SupabaseProjectState }> {
    const project = projectDirectory(await this.deps.supabaseDirectory()).get(ref);
    if (!project)
      throw new ApiError({ code: 'not_found', message: `Project ${ref} is not one this Supabase account can see.` });
    return this.projectAction('supabase_restore', project, () => this.deps.projects.restore(ref));
  }

  async deploySource(appId: string): Promise<DeploySourcePreview> {
    const { apps } = await this.deps.fleet();
    const app = apps.find((a) => a.id === appId);
    if (!app) throw new ApiError({ code: 'not_found', message: 'No such app in this context.' });
    return this.deps.sources.preview(app);
  }

  async drift(): Promise<SchemaDrift> {
    const joined = await this.join();
    const refs = [...joined.rows.values()].flatMap(({ link }) =>
      link?.project && !ASLEEP.has(link.project.status) ? [link.ref] : [],
    );
    const migrations = await this.deps.projects.migrationsOf([...new Set(refs)]);
    return schemaDrift(this.driftTenants(joined, migrations));
  }

  async review(source: MigrationSource): Promise<MigrationReview> {
    if (source.files !== undefined) return filesReview(source.files);
    if (source.sql !== undefined) {
      return { name: source.name ?? 'migration', sql: source.sql, from: 'SQL you provided' };
    }
    const joined = await this.join();
    const tenant = joined.rows.get(source.fromAppId ?? '');
    if (!tenant?.link?.project)
      throw new ApiError({
        code: 'not_found',
        message: 'That tenant has no Supabase project to copy a migration from.',
      });
    const api = await this.deps.projects.api();
    const listed = await this.deps.projects.migrations(tenant.link.ref);
    const wanted = listed.find((m) => m.version === source.version || m.name === source.version);
    if (!wanted)
      throw new ApiError({
        code: 'not_found',
        message: `${tenant.app.spec.name} has no migration ${source.version ?? ''}.`,
      });
    const detail = await api.getMigration(tenant.link.ref, wanted.version);
    const sql = scriptOf(detail.statements);
    if (!sql)
      throw new ApiError({
        code: 'unprocessable',
        message: `The API returned no SQL for ${migrationKey(wanted)}: pick its .sql file instead.`,
      });
    return {
      name: migrationKey(wanted),
      version: wanted.version,
      sql,
      from: `${tenant.app.spec.name} (${tenant.link.project.name})`,
    };
  }

  async applyMigration(source: MigrationSource, appIds: readonly string[]): Promise<MigrationRun> {
    const review = await this.review(source);
    const joined = await this.join();
    const targets: RunTarget[] = appIds.map((appId) => {
      const row = joined.rows.get(appId);
      const ref = row?.link?.project ? row.link.ref : undefined;
      return { appId, name: row?.app.spec.name ?? appId, ...(ref ? { ref } : {}) };
    });
    const projects = this.deps.projects;
    const api = await projects.api();
    return runMigrations(
      {
        review: async () => review,
        has: async (ref, name) => (await projects.migrations(ref)).some((m) => migrationKey(m) === name),
        apply: async (ref, migration, key) => {
          try {
            await api.applyMigration(ref, migration, key);
          } finally {
            projects.forget(ref);
          }
        },
      },
      review.name,
      review.migrations ?? [{ name: review.name, sql: review.sql }],
      targets,
      // The same migration to the same project is one operation however often it is retried.
      (ref, migration) => `fleetdeck-${ref}-${migration.name}-${digestOf(migration.sql)}`.slice(0, 120),
      {
        before: (target, migration) =>
          this.deps.audit.start({
            context: this.deps.context,
            action: 'apply_migration',
            appId: target.appId,
            appName: target.name,
            target: migration,
            parameters: { migration, from: review.from, project: target.ref ?? null },
          }),
        after: (entry, step) => {
          this.deps.audit.finish(entry, {
            result: step.state === 'failed' ? 'failed' : 'succeeded',
            message:
              step.state === 'already_applied'
                ? 'Already applied: nothing was run.'
                : step.state === 'failed'
                  ? (step.error ?? 'Failed.')
                  : `Applied ${step.migration ?? review.name}.`,
          });
        },
      },
    );
  }

  private async rowOf(appId: string): Promise<TenantRow> {
    const row = (await this.listTenants()).tenants.find((t) => t.appId === appId);
    if (!row) throw new ApiError({ code: 'not_found', message: 'No such tenant in this context.' });
    return row;
  }

  private async projectAction(
    action: 'supabase_pause' | 'supabase_restore',
    project: KnownProject,
    run: () => Promise<SupabaseProjectState>,
  ): Promise<{ status: SupabaseProjectState }> {
    const joined = await this.join();
    const tenant = [...joined.rows.values()].find(({ link }) => link?.ref === project.ref);
    const entry = this.deps.audit.start({
      context: this.deps.context,
      action,
      ...(tenant?.app.id ? { appId: tenant.app.id, appName: tenant.app.spec.name } : {}),
      target: project.name,
      parameters: { project: project.ref, organization: project.organization },
    });
    try {
      const status = await run();
      this.deps.audit.finish(entry, { result: 'succeeded', message: `${project.name} is ${status}.` });
      return { status };
    } catch (error) {
      this.deps.audit.finish(entry, { result: 'failed', message: this.deps.toError(action, error).message });
      throw error;
    }
  }

  private driftTenants(
    joined: Joined,
    migrations: Map<string, Result<{ version: string; name?: string }[]>>,
  ): DriftTenant[] {
    const out: DriftTenant[] = [];
    for (const fleetApp of joined.snapshot.apps) {
      const { link } = joined.rows.get(fleetApp.id)!;
      if (!link?.project) continue;
      const read = migrations.get(link.ref);
      out.push({
        appId: fleetApp.id,
        name: fleetApp.name,
        group: fleetApp.group,
        ref: link.ref,
        ...(read?.ok
          ? { applied: read.value }
          : { problem: read ? read.error.message : asleepMessage(link.project.status) }),
      });
    }
    return out;
  }

  private async join(): Promise<Joined> {
    const [{ snapshot, apps }, links, costs] = await Promise.all([
      this.deps.fleet(),
      this.deps.links.all(),
      this.deps.supabaseDirectory().then(
        (read): SupabaseCosts | { failed: unknown } => read,
        (failed: unknown) => ({ failed }),
      ),
    ]);
    const { supabase, directory } = supabaseReachOf(costs, this.deps.toError);
    const byId = new Map(apps.map((a) => [a.id ?? '', a]));
    const rows = new Map<string, { app: App; link: TenantRow['supabase'] }>();
    for (const fleetApp of snapshot.apps) {
      const app = byId.get(fleetApp.id);
      if (!app) continue;
      rows.set(fleetApp.id, {
        app,
        link: linkOf(app, links.get(fleetApp.id), directory, supabase.state === 'connected'),
      });
    }
    // A project several tenants point at is shared: each says with whom, and pays its share.
    markShared(rows.values());
    return { snapshot, apps, directory, supabase, rows };
  }
}

const digestOf = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);
