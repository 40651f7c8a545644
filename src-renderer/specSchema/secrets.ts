// SECRET env values in a spec: the API returns them encrypted (EV[1:…]). The editor masks those
// ranges and changes a secret only through a password field, never as clear text in the YAML.
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { quickSpecBreach } from '../../src-preload/contract/specLimits';

/** Encrypted values as the API returns them; never decrypted, never shown. */
const ENCRYPTED = /EV\[[^\]\r\n]*\]/g;

export interface SecretRange {
  from: number;
  to: number;
}

/** Every EV[…] in the text, wherever it stands (masking must not depend on the YAML parsing). */
export function encryptedRanges(text: string): SecretRange[] {
  return [...text.matchAll(ENCRYPTED)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
}

export interface SecretEnv {
  /** The component's name; undefined for an app-level env. */
  component?: string;
  key: string;
  /** "component/KEY", or "/KEY" at app level: the draft's pendingSecrets use the same form. */
  id: string;
  /** Dotted spec path of the env ("services.0.envs.3"), as SpecProblem.path names it. */
  path: string;
  /** Where the value stands in the text (empty at the value's place when there is none). */
  from: number;
  to: number;
  encrypted: boolean;
  /** False when the env has no `value:` at all (from/to then span the env's mapping). */
  hasValue: boolean;
  /** A value typed in the YAML that is not encrypted: readable on screen until applied. */
  clearText: boolean;
}

export const secretId = (component: string | undefined, key: string) => `${component ?? ''}/${key}`;

const COMPONENT_LISTS = ['services', 'workers', 'jobs', 'static_sites', 'functions'];

function envsOf(list: unknown, component: string | undefined, at: string, out: SecretEnv[]) {
  if (!isSeq(list)) return;
  for (const [index, item] of list.items.entries()) {
    if (!isMap(item)) continue;
    const map = item;
    const type = map.get('type');
    const key = map.get('key');
    if (type !== 'SECRET' || typeof key !== 'string') continue;
    const valueNode = map.get('value', true) as YamlNode | undefined;
    const raw = isScalar(valueNode) && valueNode.value !== null ? scalarText(valueNode.value) : '';
    // A list or a mapping as the value is not encrypted either: it counts as typed in clear.
    const structured = valueNode !== undefined && valueNode !== null && !isScalar(valueNode);
    const range = valueNode?.range ?? map.range ?? [0, 0, 0];
    out.push({
      component,
      key,
      id: secretId(component, key),
      path: `${at}envs.${index}`,
      from: range[0],
      to: range[1],
      encrypted: /^EV\[[^\]]*\]$/.test(raw),
      hasValue: valueNode !== undefined,
      clearText: structured || (raw !== '' && !/^EV\[[^\]]*\]$/.test(raw)),
    });
  }
}

/** The SECRET envs of a spec that parses (app level first, then each component's). */
export function secretEnvs(text: string): SecretEnv[] {
  return secretEnvsIfParsed(text) ?? [];
}

/** As secretEnvs, but undefined when the text does not parse: "no secrets" and "can't tell" differ. */
export function secretEnvsIfParsed(text: string): SecretEnv[] | undefined {
  if (quickSpecBreach(text)) return undefined;
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const out: SecretEnv[] = [];
  envsOfDocument(doc, out);
  return out;
}

function envsOfDocument(doc: Document, out: SecretEnv[]): void {
  if (!isMap(doc.contents)) return;
  const root = doc.contents;
  envsOf(root.get('envs', true), undefined, '', out);
  for (const group of COMPONENT_LISTS) {
    const list = root.get(group, true);
    if (!isSeq(list)) continue;
    for (const [index, component] of list.items.entries()) {
      if (!isMap(component)) continue;
      const name = component.get('name');
      envsOf(component.get('envs', true), typeof name === 'string' ? name : undefined, `${group}.${index}.`, out);
    }
  }
}

/**
 * The text as it may leave Fleetdeck (exported to a file, copied to the clipboard): each SECRET
 * value typed in clear gets back the encrypted value the base spec had for that env (the secret
 * stays as it is live), or "" when the base had none. Read tolerantly, every document of it, so a
 * half-typed draft that does not parse still has its readable secret values taken out.
 */
export function withoutClearSecrets(text: string, baseText: string): string {
  const clear = tolerantSecretEnvs(text).filter((s) => s.clearText);
  if (clear.length === 0) return text;
  const encrypted = new Map(
    tolerantSecretEnvs(baseText)
      .filter((s) => s.encrypted)
      .map((s) => [s.id, baseText.slice(s.from, s.to)]),
  );
  let out = text;
  for (const s of clear.sort((a, b) => b.from - a.from))
    out = `${out.slice(0, s.from)}${encrypted.get(s.id) ?? '""'}${out.slice(s.to)}`;
  return out;
}

function tolerantSecretEnvs(text: string): SecretEnv[] {
  const out: SecretEnv[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: false })) if ('contents' in doc) envsOfDocument(doc, out);
  return out;
}

/** The SECRET env whose value holds `pos`, for the "change" widget. */
export function secretAt(text: string, pos: number): SecretEnv | undefined {
  return secretEnvs(text).find((s) => pos >= s.from && pos <= s.to);
}

/**
 * The text with new SECRET values in place (by secret id), each written as a quoted YAML string at
 * its value's place, so nothing else in the text moves. For a new app's spec, sent once to create
 * it: the API encrypts the values on first submission.
 */
export function fillSecrets(text: string, values: Readonly<Record<string, string>>): string {
  const targets = secretEnvs(text)
    .filter((s) => s.hasValue && values[s.id] !== undefined && values[s.id] !== '')
    .sort((a, b) => b.from - a.from);
  let out = text;
  for (const s of targets) out = `${out.slice(0, s.from)}${JSON.stringify(values[s.id])}${out.slice(s.to)}`;
  return out;
}

/** A YAML scalar's value as written text (the parser gives strings, numbers, booleans or null). */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
