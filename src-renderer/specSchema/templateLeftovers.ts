// A new tenant copied from a template can keep values that still belong to the template (its
// Supabase project URL: the slug replacements do not reach a project ref). The main process lists
// each one; here they become envs the founder must either override or knowingly accept, because
// a new tenant talking to another tenant's database is the worst mistake this form can make.
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { SpecProblem, TenantTemplatePreview } from '../../src-preload/contract';
import { secretId } from './secrets';
import { quickSpecBreach } from '../../src-preload/contract/specLimits';

const COMPONENT_LISTS = ['services', 'workers', 'jobs', 'static_sites', 'functions'];

export interface TemplateLeftover {
  /** "component/KEY" ("/KEY" at app level), as the new spec names the env. */
  id: string;
  component?: string;
  key: string;
  /** The template's value the copy still holds. */
  value: string;
  /** The note in the main process's words. */
  message: string;
}

/** Whether a problem is the note of one of the preview's leftovers (shown with its field instead). */
export const isTemplateLeftover = (p: SpecProblem, preview: TenantTemplatePreview) =>
  preview.leftovers.some((l) => l.message === p.message);

/** The envs of a preview whose value still points at the template tenant, as the main process lists them. */
export function templateLeftovers(preview: TenantTemplatePreview): TemplateLeftover[] {
  const out: TemplateLeftover[] = [];
  for (const l of preview.leftovers ?? []) {
    const id = secretId(l.component, l.key);
    if (!out.some((o) => o.id === id))
      out.push({
        id,
        ...(l.component ? { component: l.component } : {}),
        key: l.key,
        value: l.value,
        message: l.message,
      });
  }
  return out;
}

/** The leftovers not replaced by a value typed in the form: those need the founder's acknowledgement. */
export function unresolvedLeftovers(
  leftovers: readonly TemplateLeftover[],
  overrides: Readonly<Record<string, string>>,
): TemplateLeftover[] {
  return leftovers.filter((l) => !overrides[l.id]?.trim() || overrides[l.id]?.trim() === l.value);
}

/**
 * The spec with the given env values replaced (by env id, non-empty values only), each written as a
 * quoted string at its value's place so nothing else in the text moves. An id the spec does not
 * hold is ignored.
 */
export function overrideEnvValues(yaml: string, overrides: Readonly<Record<string, string>>): string {
  const wanted = Object.entries(overrides).filter(([, v]) => v.trim() !== '');
  if (wanted.length === 0) return yaml;
  if (quickSpecBreach(yaml)) return yaml;
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return yaml;
  const places: Array<{ from: number; to: number; value: string }> = [];
  const visit = (envs: unknown, component: string | undefined) => {
    if (!isSeq(envs)) return;
    for (const item of envs.items) {
      if (!isMap(item)) continue;
      const key = item.get('key');
      const value = overrides[secretId(component, typeof key === 'string' ? key : '')]?.trim();
      const node = item.get('value', true);
      if (typeof key !== 'string' || !value || !isScalar(node) || !node.range) continue;
      places.push({ from: node.range[0], to: node.range[1], value });
    }
  };
  const root = doc.contents as YAMLMap;
  visit(root.get('envs', true), undefined);
  for (const group of COMPONENT_LISTS) {
    const list = root.get(group, true);
    if (!isSeq(list)) continue;
    for (const component of list.items) {
      if (!isMap(component)) continue;
      const name = component.get('name');
      visit(component.get('envs', true), typeof name === 'string' ? name : undefined);
    }
  }
  let out = yaml;
  for (const p of places.sort((a, b) => b.from - a.from))
    out = `${out.slice(0, p.from)}${JSON.stringify(p.value)}${out.slice(p.to)}`;
  return out;
}
