// The sandbox cannot run SQL. A project's database is modelled as the set of its table names,
// and a migration as the tables it creates, drops or alters: enough to refuse a migration that
// meets a leftover table with the error Postgres itself would raise, and to apply nothing then.

/** Splits a script into statements at semicolons outside quotes, comments and $$ bodies. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const rest = script.slice(i);
    const quoted = /^('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    const dollar = /^\$([A-Za-z_]*)\$/.exec(rest);
    if (quoted) {
      current += quoted[0];
      i += quoted[0].length;
    } else if (dollar) {
      const end = script.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? script.length : end + dollar[0].length;
      current += script.slice(i, stop);
      i = stop;
    } else if (script[i] === ';') {
      if (current.trim() !== '') statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += script[i];
      i += 1;
    }
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}

export type SqlFailure = { code: string; message: string };

const NAME = String.raw`((?:"[^"]+"|\w+)(?:\s*\.\s*(?:"[^"]+"|\w+))?)`;
const CREATE_TABLE = new RegExp(String.raw`^create\s+(?:unlogged\s+)?table\s+(if\s+not\s+exists\s+)?${NAME}`, 'i');
const DROP_TABLE = new RegExp(String.raw`^drop\s+table\s+(if\s+exists\s+)?${NAME}`, 'i');
const ALTER_TABLE = new RegExp(String.raw`^alter\s+table\s+(if\s+exists\s+)?(?:only\s+)?${NAME}`, 'i');

/** public.tenants for `tenants`, `public.tenants` or `"public"."tenants"`. */
export function tableName(raw: string): string {
  const parts = raw.split('.').map((part) => part.trim().replace(/^"|"$/g, ''));
  const [schema, table] = parts.length === 2 ? parts : ['public', parts[0]!];
  return `${schema!.toLowerCase()}.${table!.toLowerCase()}`;
}

/** The bare name Postgres puts in its message: `relation "report_schedules" already exists`. */
const relation = (name: string) => name.split('.').pop()!;

/**
 * Applies the statements to a copy of the tables, as one transaction: the new set, or the first
 * failure in Postgres's words (SQLSTATE 42P07 duplicate_table, 42P01 undefined_table).
 */
export function applyToTables(
  tables: ReadonlySet<string>,
  statements: readonly string[],
): { tables: Set<string> } | { failure: SqlFailure } {
  const next = new Set(tables);
  for (const statement of statements) {
    const text = statement.replace(/^(?:\s*--[^\n]*\n)+/, '').trim();
    const created = CREATE_TABLE.exec(text);
    if (created) {
      const name = tableName(created[2]!);
      if (next.has(name) && !created[1])
        return { failure: { code: '42P07', message: `relation "${relation(name)}" already exists` } };
      next.add(name);
      continue;
    }
    const dropped = DROP_TABLE.exec(text);
    if (dropped) {
      const name = tableName(dropped[2]!);
      if (!next.has(name) && !dropped[1])
        return { failure: { code: '42P01', message: `table "${relation(name)}" does not exist` } };
      next.delete(name);
      continue;
    }
    const altered = ALTER_TABLE.exec(text);
    if (altered) {
      const name = tableName(altered[2]!);
      if (!next.has(name) && !altered[1])
        return { failure: { code: '42P01', message: `relation "${altered[2]!.replace(/"/g, '')}" does not exist` } };
    }
  }
  return { tables: next };
}
