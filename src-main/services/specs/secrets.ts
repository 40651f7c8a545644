// SECRET env values in drafts. What the API returns (`EV[1:…]`, encrypted) is kept and sent back
// as is. A new clear value lives only in this process's memory until apply puts it into the spec
// it sends, and is then forgotten: it never reaches a draft file, a log line or an error message
// (each value is taught to the log redaction the moment it is kept).
//
// Consequence, on purpose: after Fleetdeck quits, crashes or is killed, the values are gone. The
// draft file keeps only which secrets had one, so the restored draft asks for them again and
// apply refuses until they are entered (or the draft discarded).
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AppSpec } from '../../clients/digitalocean/types';
import { ApiError } from '../../clients/http/apiError';
import { registerSecret } from '../../logging/redact';
import type { ParsedSpec, SpecPath } from './yamlSpec';

/** Component groups whose items carry `envs`. */
export const COMPONENT_GROUPS = ['services', 'workers', 'jobs', 'static_sites', 'functions'] as const;

export interface EnvRef {
  /** "component/KEY", or "/KEY" for an app-level env. */
  id: string;
  component?: string;
  key: string;
  type?: string;
  value?: string;
  /** Path of the env's mapping in the spec (through aliases, as the API would see it). */
  path: Array<string | number>;
}

export const secretId = (component: string | undefined, key: string) => `${component ?? ''}/${key}`;
export const isEncrypted = (value: string) => /^EV\[.*\]$/s.test(value);

/**
 * Every env with a key, app-level first, in document order, read as the API would: aliases
 * followed, merge keys expanded, the last of duplicate keys (but the envs of every `envs:` list
 * written twice). `maps` gives each env's mapping its ids.
 */
export function envRefs(parsed: ParsedSpec, maps?: Map<YAMLMap, string[]>): EnvRef[] {
  const { tree } = parsed;
  const root = tree.deref(parsed.doc.contents);
  if (!isMap(root)) return [];
  const refs: EnvRef[] = [];
  const collect = (component: string | undefined, owner: YAMLMap, base: SpecPath) => {
    // Every list of a key written twice: a value kept for apply must have an env to go back to.
    for (const list of tree.all(owner, 'envs')) {
      if (isSeq(list)) collectList(component, list, base);
    }
  };
  const collectList = (component: string | undefined, list: YAMLSeq, base: SpecPath) => {
    list.items.forEach((raw, index) => {
      const item = tree.deref(raw);
      if (!isMap(item)) return;
      const key = tree.text(item, 'key');
      if (!key) return;
      const id = secretId(component, key);
      refs.push({
        id,
        component,
        key,
        type: tree.text(item, 'type'),
        value: tree.text(item, 'value'),
        path: [...base, 'envs', index],
      });
      maps?.set(item, [...(maps.get(item) ?? []), id]);
    });
  };
  collect(undefined, root, []);
  for (const group of COMPONENT_GROUPS) {
    for (const items of tree.all(root, group)) {
      if (!isSeq(items)) continue;
      items.items.forEach((raw, index) => {
        const item = tree.deref(raw);
        const name = isMap(item) ? tree.text(item, 'name') : undefined;
        if (isMap(item) && name) collect(name, item, [group, index]);
      });
    }
  }
  return refs;
}

/** The spec to send: pending clear values in place of their envs' values, typed SECRET. */
export function withPendingSecrets(
  spec: AppSpec,
  pending: ReadonlyMap<string, string>,
): { spec: AppSpec; applied: string[] } {
  const next = structuredClone(spec);
  const applied: string[] = [];
  const fill = (component: string | undefined, envs: AppSpec['envs']) => {
    for (const env of envs ?? []) {
      const value = env.key ? pending.get(secretId(component, env.key)) : undefined;
      if (value === undefined) continue;
      env.value = value;
      env.type = 'SECRET';
      applied.push(secretId(component, env.key));
    }
  };
  fill(undefined, next.envs);
  for (const group of COMPONENT_GROUPS) {
    for (const c of (next[group] ?? []) as Array<{ name?: string; envs?: AppSpec['envs'] }>) fill(c.name, c.envs);
  }
  return { spec: next, applied };
}

/** Replaces every occurrence of the given clear values in a text (errors from the API, say). */
export function scrub(text: string, values: Iterable<string>): string {
  let out = text;
  for (const value of values) if (value.length >= 4) out = out.split(value).join('[secret]');
  return out;
}

/** An error on the way out must not carry a value that was being sent. */
export function scrubbed(error: unknown, values: Iterable<string>): unknown {
  if (!(error instanceof ApiError)) return error;
  const message = scrub(error.message, values);
  if (message === error.message) return error;
  return new ApiError({
    code: error.code,
    message,
    status: error.status,
    apiId: error.apiId,
    requestId: error.requestId,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** The pending clear values, per account context and app. Memory only, by design. */
export class PendingSecrets {
  private readonly byDraft = new Map<string, Map<string, string>>();

  set(context: string, appId: string, id: string, value: string): void {
    registerSecret(value);
    const scope = this.scope(context, appId);
    const values = this.byDraft.get(scope) ?? new Map<string, string>();
    values.set(id, value);
    this.byDraft.set(scope, values);
  }

  get(context: string, appId: string): ReadonlyMap<string, string> {
    return this.byDraft.get(this.scope(context, appId)) ?? new Map();
  }

  forget(context: string, appId: string): void {
    this.byDraft.delete(this.scope(context, appId));
  }

  private scope(context: string, appId: string): string {
    return `${context}\u0000${appId}`;
  }
}

/** One store for the process: switching account context and back keeps the values. */
export const processPendingSecrets = new PendingSecrets();
