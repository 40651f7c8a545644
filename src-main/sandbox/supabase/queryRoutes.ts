// POST /v1/projects/{ref}/database/query ([Beta] in the spec): `{query, parameters?, read_only?}`
// run as one transaction against the project's tiny row model (rows.ts); 201 with the rows of the
// last statement, as the CLI's recording shows (`[{"?column?":1}]`).
import { json, type SandboxResponse } from '../http';
import { needsDatabase } from './projectRoutes';
import { forbidden, message, route, withProject, type SupabaseCall, type SupabaseRoute } from './routing';
import { runQuery } from './rows';

function query(call: SupabaseCall): SandboxResponse {
  const body = call.body as { query?: unknown; parameters?: unknown; read_only?: unknown } | undefined;
  if (call.readOnly && body?.read_only !== true) return forbidden();
  return withProject(call, (found) => {
    if (typeof body?.query !== 'string' || body.query.trim() === '')
      return message(400, 'query must be a non-empty string');
    if (body.parameters !== undefined && !Array.isArray(body.parameters))
      return message(400, 'parameters must be an array');
    if (body.read_only !== undefined && typeof body.read_only !== 'boolean')
      return message(400, 'read_only must be a boolean');
    const refused = needsDatabase(found);
    if (refused) return refused;
    const outcome = runQuery(found.detail, body.query, body.parameters ?? [], body.read_only === true);
    // The spec lists 500 "Failed to run sql query"; the API answers a statement Postgres refuses
    // with 400 and these words (SQLSTATE, then Postgres's message), as the migrations route does.
    if ('failure' in outcome)
      return message(400, `Failed to run sql query: ERROR:  ${outcome.failure.code}: ${outcome.failure.message}`);
    return json(201, outcome.rows);
  });
}

export const QUERY_ROUTES: SupabaseRoute[] = [route('POST', '/v1/projects/{ref}/database/query', query)];
