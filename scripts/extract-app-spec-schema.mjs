// Builds the spec editor's hint file (resources/openapi/app-spec-schema.json) from the committed
// DigitalOcean subset: components.schemas.app_spec with every $ref, allOf and oneOf resolved, so the
// renderer walks plain nested nodes. Reads only resources/openapi/ (never ../shared), so anyone can
// re-run it after the subset is regenerated:  node scripts/extract-app-spec-schema.mjs
//
// Node shape (short keys keep the file small): d description (first sentence), t type, e enum,
// p properties, i array items, r required keys, dep deprecated, x example, ed words for enum
// values (from the "- VALUE: …" lists), eo enum values that are deprecated (legacy size slugs).
import { readFileSync, writeFileSync } from 'node:fs';

const SUBSET = 'resources/openapi/digitalocean-subset.json';
const GAPS = 'resources/openapi/spec-gaps.json';
const TARGET = 'resources/openapi/app-spec-schema.json';

const spec = JSON.parse(readFileSync(SUBSET, 'utf8'));
const gaps = JSON.parse(readFileSync(GAPS, 'utf8'));
const schemas = structuredClone(spec.components.schemas);

// The overlay the contract tests use (app-level envs, alerts, features) goes on first.
for (const [name, extra] of Object.entries(gaps.schemas ?? {})) {
  const target = schemas[name];
  if (!target) continue;
  const host = target.allOf ? target.allOf[target.allOf.length - 1] : target;
  host.properties = { ...(host.properties ?? {}), ...extra.properties };
}

// Fields the live API accepts that the official description lacks, from the [spec gap] notes in
// shared/specs/digitalocean-endpoints.md (godo's AppSpec). Hints only: propose stays the judge.
const alertList = {
  type: 'array',
  description: 'Alert rules for this component.',
  items: { $ref: '#/components/schemas/app_alert_spec' },
};
const GAP_FIELDS = {
  app_spec: { alerts: { ...alertList, description: 'App-level alert rules (deployment and domain events).' } },
  app_service_spec: {
    alerts: alertList,
    inactivity_sleep: {
      type: 'object',
      description: 'Scale to zero after a period without requests.',
      properties: { after_seconds: { type: 'integer', description: 'Idle seconds before the service sleeps.' } },
    },
  },
  app_worker_spec: { alerts: alertList },
  app_job_spec: {
    alerts: alertList,
    schedule: {
      type: 'object',
      description: 'Runs the job on a schedule (a scheduled job; kind is left out).',
      properties: {
        cron: { type: 'string', description: 'The cron expression defining the schedule.', example: '0 0 * * *' },
        time_zone: { type: 'string', description: 'The time zone for the schedule.', example: 'America/New_York' },
      },
    },
    timeout: { type: 'string', description: 'How long the job may run, as a duration ("3600s").', example: '3600s' },
  },
  app_domain_spec: {
    certificate: { type: 'string', description: 'The ID of a certificate on the account to use for this domain.' },
  },
};
for (const [name, fields] of Object.entries(GAP_FIELDS)) {
  const target = schemas[name];
  const host = target.allOf ? target.allOf[target.allOf.length - 1] : target;
  host.properties = { ...(host.properties ?? {}), ...fields };
}

const refName = (ref) => ref.replace('#/components/schemas/', '');

/** The first sentence of a description, without the "- ENUM: …" lists that follow in enums. */
function shortDescription(text) {
  if (typeof text !== 'string' || text.trimStart().startsWith('- ')) return undefined;
  const first = text
    .split(/\n\s*\n|\n- /)[0]
    .replace(/\s+/g, ' ')
    .trim();
  const firstSentence = /^(.+?[.!?])(\s|$)/.exec(first)?.[1] ?? first;
  // "Optional." alone says little: then the paragraph it opens.
  const sentence = firstSentence.length < 20 ? first : firstSentence;
  return sentence.length > 180 ? `${sentence.slice(0, 177)}…` : sentence || undefined;
}

/** Merges allOf/oneOf parts into one raw schema (properties, enums and required lists add up). */
/** "- RUN_TIME: Made available only at run-time" lines, as { RUN_TIME: "Made available…" }. */
function enumWords(text, values) {
  if (typeof text !== 'string') return undefined;
  const words = {};
  for (const match of text.matchAll(/^\s*- ([A-Z0-9_.]+): (.+)$/gm)) {
    if (values.includes(match[1])) words[match[1]] = shortDescription(match[2]);
  }
  return Object.keys(words).length ? words : undefined;
}

function flatten(raw, seen) {
  if (raw.$ref) {
    const name = refName(raw.$ref);
    if (seen.has(name)) return { type: 'object', description: raw.description };
    return flatten(
      { ...schemas[name], ...(raw.description ? { description: raw.description } : {}) },
      new Set([...seen, name]),
    );
  }
  const parts = [...(raw.allOf ?? []), ...(raw.oneOf ?? []), ...(raw.anyOf ?? [])];
  if (parts.length === 0) return { ...raw, seen };
  const merged = { ...raw, allOf: undefined, oneOf: undefined, anyOf: undefined, seen };
  for (const part of parts.map((p) => flatten(p, seen))) {
    merged.type ??= part.type;
    merged.description ??= part.description;
    merged.example ??= part.example;
    merged.deprecated ||= part.deprecated && !raw.oneOf;
    if (part.properties) {
      // The same key in two parts (autoscaling.metrics: cpu in one, requests in the other) adds up.
      merged.properties = { ...(merged.properties ?? {}) };
      for (const [key, child] of Object.entries(part.properties)) {
        const existing = merged.properties[key];
        merged.properties[key] = existing ? { allOf: [existing, child] } : child;
      }
    }
    if (part.required) merged.required = [...new Set([...(merged.required ?? []), ...part.required])];
    if (part.enum) merged.enum = [...new Set([...(merged.enum ?? []), ...part.enum])];
    if (part.enum && part.deprecated && raw.oneOf) merged.legacyEnum = [...(merged.legacyEnum ?? []), ...part.enum];
    if (part.items) merged.items ??= part.items;
    merged.seen = new Set([...merged.seen, ...part.seen]);
  }
  return merged;
}

function compact(raw, seen = new Set()) {
  const flat = flatten(raw, seen);
  const node = {};
  const d = shortDescription(flat.description);
  if (d) node.d = d;
  const type = flat.type ?? (flat.properties ? 'object' : flat.items ? 'array' : undefined);
  if (type) node.t = type;
  if (flat.enum) {
    node.e = flat.enum.map(String);
    const words = enumWords(flat.description, node.e);
    if (words) node.ed = words;
    if (flat.legacyEnum) node.eo = flat.legacyEnum.map(String);
  }
  if (flat.deprecated) node.dep = true;
  if (flat.example !== undefined && typeof flat.example !== 'object') node.x = String(flat.example);
  if (flat.properties) {
    node.p = {};
    for (const [key, child] of Object.entries(flat.properties)) node.p[key] = compact(child, flat.seen);
  }
  if (flat.required?.length) node.r = flat.required;
  if (flat.items) node.i = compact(flat.items, flat.seen);
  return node;
}

const root = compact({ $ref: '#/components/schemas/app_spec' });
const out = {
  $comment:
    'Generated by scripts/extract-app-spec-schema.mjs from digitalocean-subset.json (components.schemas.app_spec) ' +
    'plus spec-gaps.json and the [spec gap] fields of the endpoint notes. Hints for the spec editor, not a gate. ' +
    'Keys: d description, t type, e enum, ed enum words, eo deprecated enum values, p properties, i items, ' +
    'r required, dep deprecated, x example.',
  root,
};
writeFileSync(TARGET, `${JSON.stringify(out)}\n`);
console.log(
  `${TARGET}: ${Object.keys(root.p).length} top-level keys, ${(JSON.stringify(out).length / 1024).toFixed(0)} KiB`,
);
