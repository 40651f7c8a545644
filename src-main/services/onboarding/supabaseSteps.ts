// The Supabase steps of an onboarding: the project (found by name before it is created, so a
// resume never creates two), its keys (memory only), the template's migrations (skipped when
// present, each with an Idempotency-Key per project and migration) and the registry insert.
import { ApiError } from '../../clients/http/apiError';
import { registerSecret } from '../../logging/redact';
import type { StepContext } from './stepContext';

const isNotFound = (error: unknown) => error instanceof ApiError && error.code === 'not_found';

export async function supabaseProjectStep(ctx: StepContext): Promise<void> {
  const { run, supabase } = ctx;
  const { request } = run.plan;
  if (!run.supabaseRef) {
    // The plan refused a taken name, so a project of this name found after an attempt whose
    // outcome is unknown is that attempt's: it created the project and lost the answer (or
    // Fleetdeck stopped before saving it). Found with no such attempt, it is someone else's.
    const existing = (await supabase.listOrganizationProjects(request.supabase.organizationSlug)).find(
      (p) => p.name === request.name,
    );
    if (existing && ctx.earlierAttempts === 0)
      throw new ApiError({
        code: 'conflict',
        message: `A Supabase project named "${request.name}" was made since the plan, not by this onboarding: nothing was created. Rename it, then retry.`,
      });
    if (existing) {
      run.supabaseRef = existing.ref;
      await ctx.created({
        kind: 'supabase_project',
        id: existing.ref,
        label: `Supabase project ${request.name} (${existing.ref})`,
      });
    } else {
      const project = await supabase.createProject({
        name: request.name,
        organization_slug: request.supabase.organizationSlug,
        db_pass: await ctx.password(),
        region_selection: { type: 'specific', code: request.supabase.region },
        ...(request.supabase.instanceSize ? { desired_instance_size: request.supabase.instanceSize } : {}),
      });
      run.supabaseRef = project.ref;
      await ctx.created({
        kind: 'supabase_project',
        id: project.ref,
        label: `Supabase project ${request.name} (${project.ref})`,
      });
    }
  }
  const started = Date.now();
  for (;;) {
    const project = await supabase.getProject(run.supabaseRef).catch((error: unknown) => {
      if (isNotFound(error))
        throw new ApiError({ code: 'not_found', message: `The Supabase project ${run.supabaseRef} no longer exists.` });
      throw error;
    });
    run.supabaseStatus = project.status;
    if (project.status === 'ACTIVE_HEALTHY') return ctx.progress('ACTIVE_HEALTHY');
    if (project.status === 'INIT_FAILED')
      throw new ApiError({ code: 'server_error', message: `Supabase could not set up ${request.name} (INIT_FAILED).` });
    const seconds = Math.round((Date.now() - started) / 1000);
    await ctx.progress(`${project.status} (${seconds}s)`);
    if (Date.now() - started > ctx.timeoutMs)
      throw new ApiError({
        code: 'timeout',
        message: `${request.name} was still ${project.status} after ${seconds}s: retry to keep waiting.`,
      });
    await ctx.pause();
  }
}

/** The anon and service-role keys, revealed: kept by the runner in memory only, never saved. */
export async function apiKeysStep(ctx: StepContext): Promise<void> {
  const keys = await ctx.supabase.revealApiKeys(ctx.run.supabaseRef!);
  const anon = keys.find((k) => k.type === 'legacy' && k.name === 'anon') ?? keys.find((k) => k.type === 'publishable');
  const service =
    keys.find((k) => k.type === 'legacy' && k.name === 'service_role') ?? keys.find((k) => k.type === 'secret');
  if (!anon?.api_key || !service?.api_key || service.api_key.includes('·'))
    throw new ApiError({
      code: 'forbidden',
      message: 'The project’s keys could not be read in full: the token needs "API Key Secrets: Read".',
    });
  registerSecret(anon.api_key);
  registerSecret(service.api_key);
  ctx.setKeys({ anon: anon.api_key, serviceRole: service.api_key });
  await ctx.progress(`${keys.length} keys read (kept in memory)`);
}

export async function migrationsStep(ctx: StepContext): Promise<void> {
  const { run, supabase } = ctx;
  const ref = run.supabaseRef!;
  const wanted = await supabase.listMigrations(run.templateRef);
  const present = new Set((await supabase.listMigrations(ref)).map((m) => m.name ?? m.version));
  let done = 0;
  for (const migration of wanted) {
    const label = migration.name ?? migration.version;
    if (!present.has(label)) {
      const detail = await supabase.getMigration(run.templateRef, migration.version);
      const query = (detail.statements ?? []).join(';\n');
      // One key per project and migration: an apply whose answer was lost, sent again, applies once.
      await supabase.applyMigration(ref, { query, name: label }, `fleetdeck-onboard-${ref}-${migration.version}`);
    }
    done += 1;
    await ctx.progress(`${done} of ${wanted.length} migrations (${label})`);
  }
}

/** `{{name}}`-style placeholders of the registry's parameters, filled when the step runs. */
export function fillParameters(ctx: StepContext): string[] {
  const { run } = ctx;
  const values: Record<string, string> = {
    name: run.name,
    hostname: run.hostname,
    subdomain: run.hostname.split('.')[0]!,
    ref: run.supabaseRef ?? '',
    supabase_url: `https://${run.supabaseRef}.supabase.co`,
    anon_key: ctx.keys()?.anon ?? '',
  };
  return (run.plan.request.registry?.parameters ?? []).map((p) =>
    p.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole),
  );
}

export async function registryStep(ctx: StepContext): Promise<void> {
  const registry = ctx.run.plan.request.registry;
  if (!registry) return;
  try {
    await ctx.supabase.runQuery(registry.ref, registry.sql, fillParameters(ctx));
  } catch (error) {
    // Sent before and refused now as a duplicate: the earlier attempt's insert landed.
    const duplicate = error instanceof ApiError && /23505/.test(error.message);
    if (!(duplicate && ctx.earlierAttempts > 0)) throw error;
    await ctx.progress('Already registered by an earlier attempt');
  }
  const undo = undoOf(registry.sql);
  // The row is named by its parameter as written when that would hold the anon key.
  const raw = undo ? registry.parameters[undo.parameter] : undefined;
  const shown = raw?.includes('{{anon_key}}') ? raw : undo ? fillParameters(ctx)[undo.parameter] : undefined;
  await ctx.created({
    kind: 'registry_row',
    id: registry.ref,
    label: undo
      ? `Registry row ${undo.column} = ${shown ?? '?'} in ${undo.table} (${registry.ref})`
      : `Registry row in ${registry.ref} (remove it by hand)`,
  });
}

/** For removing the row: the insert's table and its first column bound to a parameter. */
export function undoOf(sql: string): { table: string; column: string; parameter: number } | undefined {
  const insert = /insert\s+into\s+([\w."]+)\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/i.exec(sql);
  if (!insert) return undefined;
  const columns = insert[2]!.split(',').map((c) => c.trim().replace(/"/g, ''));
  const values = insert[3]!.split(',').map((v) => v.trim());
  const at = values.findIndex((v) => /^\$\d+$/.test(v));
  if (at < 0 || !columns[at]) return undefined;
  return { table: insert[1]!, column: columns[at], parameter: Number(values[at]!.slice(1)) - 1 };
}
