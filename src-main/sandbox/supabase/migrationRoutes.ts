// The sandbox's migration history endpoints (the spec: "Only available to selected partner OAuth
// apps"; the sandbox serves them to any Supabase token it knows). Applying runs the SQL against
// the project's table model as one transaction: a statement Postgres would refuse fails the whole
// migration and records nothing. An Idempotency-Key already used on the project applies nothing
// again and answers as the first apply did.
import { json, type SandboxResponse } from '../http';
import { needsDatabase } from './projectRoutes';
import { forbidden, message, route, withProject, type SupabaseCall, type SupabaseRoute } from './routing';
import { applyToTables, splitStatements } from './sql';

/** The version the API gives a migration it applies: the UTC time as YYYYMMDDHHMMSS. */
function versionAt(ms: number): string {
  return new Date(ms).toISOString().replace(/\D/g, '').slice(0, 14);
}

function list(call: SupabaseCall): SandboxResponse {
  return withProject(
    call,
    (found) =>
      needsDatabase(found) ??
      json(
        200,
        found.detail.migrations.map(({ version, name }) => ({ version, ...(name !== undefined ? { name } : {}) })),
      ),
  );
}

function getOne(call: SupabaseCall): SandboxResponse {
  return withProject(call, (found) => {
    const version = call.params[1] ?? '';
    if (!/^\d+$/.test(version)) return message(400, 'version must be digits, e.g. 20250312000000');
    const refused = needsDatabase(found);
    if (refused) return refused;
    const migration = found.detail.migrations.find((m) => m.version === version);
    // The API's words for an unknown version are undocumented.
    return migration ? json(200, migration) : message(404, `Migration ${version} not found`);
  });
}

function apply(call: SupabaseCall): SandboxResponse {
  if (call.readOnly) return forbidden();
  return withProject(call, (found) => {
    const body = call.body as { query?: unknown; name?: unknown; rollback?: unknown } | undefined;
    if (typeof body?.query !== 'string' || body.query.trim() === '')
      return message(400, 'query must be a non-empty string');
    if (body.name !== undefined && typeof body.name !== 'string') return message(400, 'name must be a string');
    if (body.rollback !== undefined && typeof body.rollback !== 'string')
      return message(400, 'rollback must be a string');
    const refused = needsDatabase(found);
    if (refused) return refused;
    const { detail } = found;
    const header = call.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key && detail.idempotency.has(key)) return { status: 200 };
    const statements = splitStatements(body.query);
    const result = applyToTables(detail.tables, statements);
    // The shape of a failed migration's answer is undocumented; this is what the API's query
    // endpoints answer when Postgres refuses a statement (SQLSTATE, then Postgres's message).
    if ('failure' in result)
      return message(400, `Failed to run sql query: ERROR:  ${result.failure.code}: ${result.failure.message}`);
    let at = call.now;
    while (detail.migrations.some((m) => m.version === versionAt(at))) at += 1000;
    const version = versionAt(at);
    detail.tables = result.tables;
    detail.migrations.push({
      version,
      ...(body.name ? { name: body.name } : {}),
      statements,
      ...(body.rollback ? { rollback: splitStatements(body.rollback) } : {}),
      ...(key ? { idempotency_key: key } : {}),
    });
    detail.migrations.sort((a, b) => a.version.localeCompare(b.version));
    if (key) detail.idempotency.set(key, version);
    return { status: 200 };
  });
}

export const MIGRATION_ROUTES: SupabaseRoute[] = [
  route('GET', '/v1/projects/{ref}/database/migrations', list),
  route('POST', '/v1/projects/{ref}/database/migrations', apply),
  route('GET', '/v1/projects/{ref}/database/migrations/{version}', getOne),
];
