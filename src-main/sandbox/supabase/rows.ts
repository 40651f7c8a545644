// A tiny row model for POST /v1/projects/{ref}/database/query: enough of Postgres to run the
// registry's parameterised insert into `tenants`, read it back, mark it inactive and delete it,
// and to refuse what Postgres would refuse (a duplicate key, a missing table, a NULL in a NOT
// NULL column) in Postgres's own words. Columns, defaults and unique keys come from the
// project's migrations (CREATE TABLE and ALTER TABLE … ADD COLUMN), so the registry's schema is
// the one its migrations made.
import { randomUUID } from 'node:crypto';
import type { ProjectDetail } from './world';
import { splitStatements, tableName, type SqlFailure } from './sql';

interface Column {
  name: string;
  notNull: boolean;
  unique: boolean;
  defaultValue?: () => unknown;
}

const NAME = String.raw`((?:"[^"]+"|\w+)(?:\s*\.\s*(?:"[^"]+"|\w+))?)`;

function defaultOf(text: string): (() => unknown) | undefined {
  const match = /\bdefault\s+('(?:[^']|'')*'|[\w.]+\(\)|true|false|null|-?\d+(?:\.\d+)?)/i.exec(text);
  if (!match) return undefined;
  const value = match[1]!;
  if (/^(uuid_generate_v4|gen_random_uuid|extensions\.uuid_generate_v4)\(\)$/i.test(value)) return () => randomUUID();
  if (/^now\(\)$/i.test(value)) return () => new Date().toISOString();
  if (value.startsWith("'")) return () => value.slice(1, -1).replace(/''/g, "'");
  if (/^(true|false)$/i.test(value)) return () => value.toLowerCase() === 'true';
  if (/^null$/i.test(value)) return () => null;
  return () => Number(value);
}

function columnOf(definition: string): Column | undefined {
  const match = /^("?)(\w+)\1\s+(.*)$/s.exec(definition.trim());
  if (!match || /^(primary|unique|constraint|foreign|check)$/i.test(match[2]!)) return undefined;
  const rest = match[3]!;
  return {
    name: match[2]!.toLowerCase(),
    notNull: /\bnot\s+null\b|\bprimary\s+key\b/i.test(rest),
    unique: /\bunique\b|\bprimary\s+key\b/i.test(rest),
    defaultValue: defaultOf(rest),
  };
}

/** Splits a CREATE TABLE body at top-level commas. */
function definitions(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/** Each table's columns as the project's migrations declared them. */
export function schemaOf(detail: ProjectDetail): Map<string, Column[]> {
  const tables = new Map<string, Column[]>();
  for (const statement of detail.migrations.flatMap((m) => m.statements ?? [])) {
    const text = statement.replace(/^(?:\s*--[^\n]*\n)+/, '').trim();
    const created = new RegExp(
      String.raw`^create\s+table\s+(?:if\s+not\s+exists\s+)?${NAME}\s*\(([\s\S]*)\)\s*$`,
      'i',
    ).exec(text);
    if (created) {
      const name = tableName(created[1]!);
      if (!tables.has(name))
        tables.set(
          name,
          definitions(created[2]!).flatMap((d) => columnOf(d) ?? []),
        );
      continue;
    }
    const added = new RegExp(
      String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${NAME}\s+add\s+column\s+(?:if\s+not\s+exists\s+)?(.*)$`,
      'is',
    ).exec(text);
    const column = added ? columnOf(added[2]!) : undefined;
    if (added && column) tables.get(tableName(added[1]!))?.push(column);
  }
  return tables;
}

type Params = readonly unknown[];
export type QueryOutcome = { rows: Array<Record<string, unknown>> } | { failure: SqlFailure };

/** A literal or $n as Postgres would bind it. */
function valueOf(token: string, params: Params): unknown {
  const text = token.trim();
  const param = /^\$(\d+)$/.exec(text);
  if (param) return params[Number(param[1]) - 1] ?? null;
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^null$/i.test(text)) return null;
  return Number(text);
}

const splitList = (text: string) => definitions(text).map((t) => t.trim());
const relation = (name: string) => name.split('.').pop()!;

function project(rows: Array<Record<string, unknown>>, returning: string | undefined) {
  if (!returning) return [];
  const columns = splitList(returning);
  if (columns.length === 1 && columns[0] === '*') return rows.map((r) => ({ ...r }));
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c.toLowerCase(), r[c.toLowerCase()] ?? null])));
}

function matches(row: Record<string, unknown>, where: string | undefined, params: Params): boolean {
  if (!where) return true;
  const condition = /^(\w+)\s*=\s*(.+)$/s.exec(where.trim());
  if (!condition) return false;
  return row[condition[1]!.toLowerCase()] === valueOf(condition[2]!, params);
}

/** Runs one statement against the project's rows; writes land only when every statement succeeds. */
function runOne(
  detail: ProjectDetail,
  rows: Map<string, Array<Record<string, unknown>>>,
  statement: string,
  params: Params,
  readOnly: boolean,
): QueryOutcome {
  const schema = schemaOf(detail);
  const text = statement.replace(/^(?:\s*--[^\n]*\n)+/, '').trim();
  const missing = (raw: string) => ({
    failure: { code: '42P01', message: `relation "${raw.replace(/"/g, '')}" does not exist` },
  });
  const writing = /^(insert|update|delete)\b/i.exec(text);
  if (writing && readOnly)
    return {
      failure: { code: '25006', message: `cannot execute ${writing[1]!.toUpperCase()} in a read-only transaction` },
    };

  const insert = new RegExp(
    String.raw`^insert\s+into\s+${NAME}\s*\(([^)]*)\)\s*values\s*\(([\s\S]*?)\)\s*(?:returning\s+(.+))?$`,
    'i',
  ).exec(text);
  if (insert) {
    const table = tableName(insert[1]!);
    const columns = schema.get(table);
    if (!columns || !detail.tables.has(table)) return missing(insert[1]!);
    const names = splitList(insert[2]!).map((n) => n.replace(/"/g, '').toLowerCase());
    const values = splitList(insert[3]!).map((v) => valueOf(v, params));
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      const at = names.indexOf(column.name);
      row[column.name] = at >= 0 ? values[at] : (column.defaultValue?.() ?? null);
      if (row[column.name] === null && column.notNull)
        return {
          failure: {
            code: '23502',
            message: `null value in column "${column.name}" of relation "${relation(table)}" violates not-null constraint`,
          },
        };
    }
    const existing = rows.get(table) ?? [];
    for (const column of columns.filter((c) => c.unique)) {
      if (existing.some((r) => r[column.name] === row[column.name]))
        return {
          failure: {
            code: '23505',
            message: `duplicate key value violates unique constraint "${relation(table)}_${column.name}_key"`,
          },
        };
    }
    rows.set(table, [...existing, row]);
    return { rows: project([row], insert[4]) };
  }

  const update = new RegExp(
    String.raw`^update\s+${NAME}\s+set\s+([\s\S]+?)(?:\s+where\s+([\s\S]+?))?(?:\s+returning\s+(.+))?$`,
    'i',
  ).exec(text);
  if (update) {
    const table = tableName(update[1]!);
    if (!detail.tables.has(table)) return missing(update[1]!);
    const sets = splitList(update[2]!).map((s) => /^(\w+)\s*=\s*(.+)$/s.exec(s));
    const changed: Array<Record<string, unknown>> = [];
    rows.set(
      table,
      (rows.get(table) ?? []).map((row) => {
        if (!matches(row, update[3], params)) return row;
        const next = { ...row };
        for (const set of sets) if (set) next[set[1]!.toLowerCase()] = valueOf(set[2]!, params);
        changed.push(next);
        return next;
      }),
    );
    return { rows: project(changed, update[4]) };
  }

  const remove = new RegExp(
    String.raw`^delete\s+from\s+${NAME}(?:\s+where\s+([\s\S]+?))?(?:\s+returning\s+(.+))?$`,
    'i',
  ).exec(text);
  if (remove) {
    const table = tableName(remove[1]!);
    if (!detail.tables.has(table)) return missing(remove[1]!);
    const all = rows.get(table) ?? [];
    rows.set(
      table,
      all.filter((row) => !matches(row, remove[2], params)),
    );
    return {
      rows: project(
        all.filter((row) => matches(row, remove[2], params)),
        remove[3],
      ),
    };
  }

  const select = new RegExp(String.raw`^select\s+([\s\S]+?)\s+from\s+${NAME}(?:\s+where\s+([\s\S]+?))?$`, 'i').exec(
    text,
  );
  if (select) {
    const table = tableName(select[2]!);
    if (!detail.tables.has(table)) return missing(select[2]!);
    return {
      rows: project(
        (rows.get(table) ?? []).filter((row) => matches(row, select[3], params)),
        select[1],
      ),
    };
  }
  // `select 1` and the like: the CLI's recording answers [{"?column?": 1}].
  const constant = /^select\s+(\$\d+|'(?:[^']|'')*'|\d+|true|false)$/i.exec(text);
  if (constant) return { rows: [{ '?column?': valueOf(constant[1]!, params) }] };
  return { failure: { code: '0A000', message: `the sandbox cannot run this statement: ${text.slice(0, 60)}` } };
}

/** The whole query as one transaction: every statement's effect, or none of them. */
export function runQuery(detail: ProjectDetail, query: string, params: Params, readOnly: boolean): QueryOutcome {
  const rows = new Map(
    [...(detail.rows ?? new Map<string, Array<Record<string, unknown>>>())].map(([k, v]) => [k, [...v]]),
  );
  let last: QueryOutcome = { rows: [] };
  for (const statement of splitStatements(query)) {
    last = runOne(detail, rows, statement, params, readOnly);
    if ('failure' in last) return last;
  }
  detail.rows = rows;
  return last;
}
