// Schema hints on the specs of every app in the demo fleet (five deployment guides, printed both the
// way doctl prints them and with indented lists): completion offers the keys of the place the cursor
// is in and the live size and region lists for values; unknown keys and values get warnings; the
// encrypted SECRET values are found for masking.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import sizes from '../../../resources/openapi/examples/instance_sizes.json';
import regions from '../../../resources/openapi/examples/regions.json';
import { buildDemoFleet } from '../../../src-main/sandbox/seed/demoFleet';
import { completionsAt } from '../../../src-renderer/specSchema/completions';
import { cursorContext } from '../../../src-renderer/specSchema/cursorContext';
import { localMarks, schemaMarks, yamlMarks } from '../../../src-renderer/specSchema/problems';
import type { LiveHints } from '../../../src-renderer/specSchema/schema';
import { encryptedRanges, fillSecrets, secretEnvs } from '../../../src-renderer/specSchema/secrets';
import { appNameProblem, suggestReplacements } from '../../../src-renderer/specSchema/tenantNames';

const live: LiveHints = {
  instanceSizes: sizes.instance_sizes.map((s) => ({
    slug: s.slug,
    label: s.name,
    usdPerMonth: Number(s.usd_per_month),
  })),
  regions: regions.regions.map((r) => ({ slug: r.slug, label: r.label })),
};
const fleet = buildDemoFleet({ nowMs: Date.parse('2026-01-01T00:00:00Z') });
const styles = { doctl: { indentSeq: false }, indented: { indentSeq: true } } as const;

const labels = (text: string, pos: number) => completionsAt(text, pos, live)?.options.map((o) => o.label) ?? [];
/** The offset right after `needle` (its `nth` occurrence). */
const after = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the spec`);
  return at + needle.length;
};
/** The text with `typed` on a new line after `sibling`'s line, at the column `sibling` starts at. */
const typedAfter = (text: string, sibling: string, typed: string) => {
  const at = text.indexOf(sibling);
  const column = at - (text.lastIndexOf('\n', at) + 1);
  const lineEnd = text.indexOf('\n', at) + 1;
  const next = `${text.slice(0, lineEnd)}${' '.repeat(column)}${typed}\n${text.slice(lineEnd)}`;
  return { text: next, pos: lineEnd + column + typed.length };
};

describe.each(Object.entries(styles))('schema hints on the demo fleet (%s lists)', (_style, options) => {
  it.each(fleet.map((r) => [r.app.spec.name, r] as const))('%s', (_name, record) => {
    const text = stringify(record.app.spec, { aliasDuplicateObjects: false, ...options });
    // The seed's own specs are clean: no YAML error, no unknown key, no value outside the lists.
    expect(localMarks(text, live)).toEqual([]);

    // A size value: the live list with prices (legacy slugs in old specs are left to the API).
    expect(labels(text, after(text, 'instance_size_slug: '))).toEqual(live.instanceSizes.map((s) => s.slug));
    expect(completionsAt(text, after(text, 'instance_size_slug: '), live)?.options[0]?.detail).toMatch(
      /^\$\d+\.\d\d\/mo$/,
    );
    expect(labels(text, after(text, 'region: '))).toEqual(live.regions.map((r) => r.slug));

    // A new top-level key: the App Spec's keys not yet in the spec.
    const top = `${text}ale`;
    const topKeys = labels(top, top.length);
    expect(topKeys).toContain('alerts' in record.app.spec ? 'egress' : 'alerts');
    expect(topKeys).not.toContain('name');
    expect(topKeys).not.toContain('instance_count');

    // Inside the first compute component: component keys, minus the ones it already has.
    const group = (['services', 'workers', 'jobs'] as const).find((g) => record.app.spec[g]?.length)!;
    const component = record.app.spec[group]![0]!;
    const inComponent = typedAfter(text, `name: ${component.name}`, 'heal');
    const componentKeys = labels(inComponent.text, inComponent.pos);
    for (const present of Object.keys(component)) expect(componentKeys).not.toContain(present);
    const missing = ['log_destinations', 'build_command', 'source_dir', 'envs'].filter((k) => !(k in component));
    for (const key of missing) expect(componentKeys).toContain(key);
    expect(componentKeys).not.toContain('region');
    const serviceOnly = ['internal_ports', 'protocol', 'liveness_health_check', 'termination'].filter(
      (k) => !(k in component),
    );
    if (group === 'services') for (const key of serviceOnly) expect(componentKeys).toContain(key);
    if (group === 'jobs') expect(componentKeys).toContain('schedule');

    // Env values: type and scope enums.
    if (text.includes('type: GENERAL')) {
      expect(labels(text, after(text, 'type: '.padStart(6), 0))).toBeDefined();
      const envType = after(text, 'type: GENERAL') - 'GENERAL'.length;
      expect(labels(text.slice(0, envType) + text.slice(envType + 'GENERAL'.length), envType)).toEqual([
        'GENERAL',
        'SECRET',
      ]);
      const scope = after(text, 'scope: ');
      expect(labels(text, scope)).toEqual(['UNSET', 'RUN_TIME', 'BUILD_TIME', 'RUN_AND_BUILD_TIME']);
    }

    // Domains: their own keys and the domain type enum.
    if (record.app.spec.domains?.length) {
      const domainType = after(text, 'type: PRIMARY') - 'PRIMARY'.length;
      expect(labels(text, domainType)).toEqual(['UNSPECIFIED', 'DEFAULT', 'PRIMARY', 'ALIAS']);
      const inDomain = typedAfter(text, 'minimum_tls_version', 'wild');
      expect(labels(inDomain.text, inDomain.pos)).toContain('wildcard');
    }

    // An unknown key is warned at its line, not refused.
    const typo = typedAfter(text, `name: ${component.name}`, 'instance_sise: 2').text;
    const warnings = schemaMarks(typo, live);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      line: typo.slice(0, typo.indexOf('instance_sise')).split('\n').length,
    });
    expect(warnings[0]?.message).toContain('Unknown key "instance_sise"');

    // Encrypted SECRET values are found exactly, one per SECRET env.
    const secrets = secretEnvs(text);
    const masked = encryptedRanges(text);
    expect(masked.length).toBe(secrets.length);
    for (const range of masked) expect(text.slice(range.from, range.to)).toMatch(/^EV\[1:[^\]]+\]$/);
    expect(secrets.every((s) => s.encrypted && !s.clearText)).toBe(true);
  });
});

describe('local checks', () => {
  it('finds a YAML error at its line before anything is sent', () => {
    const marks = yamlMarks('name: shop\nservices:\n  - name: api\n   instance_count: 2\n');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]).toMatchObject({ source: 'yaml', severity: 'error', line: 4 });
  });

  it('warns of a size outside the live list and of a SECRET typed in clear', () => {
    const text =
      'name: shop\nservices:\n- name: api\n  instance_size_slug: apps-huge\n  envs:\n  - key: TOKEN\n    type: SECRET\n    value: hunter2hunter2\n';
    const marks = localMarks(text, live);
    expect(marks.map((m) => [m.line, m.severity])).toEqual([
      [4, 'warning'],
      [8, 'warning'],
    ]);
    expect(marks[0]?.message).toContain('not in the live instance-size list');
    expect(marks[1]?.message).toContain('TOKEN is a SECRET typed in clear');
  });

  it('reads the cursor position in a half-typed spec', () => {
    const text = 'name: shop\nservices:\n- name: api\n  envs:\n  - key: A\n    ty';
    expect(cursorContext(text, text.length)).toMatchObject({
      kind: 'key',
      parentPath: ['services', 0, 'envs', 0],
      prefix: 'ty',
      siblings: ['key'],
    });
  });

  it('puts a new tenant’s secret values in place, quoted, and nothing else moves', () => {
    const text = 'name: shop\nenvs:\n- key: TOKEN\n  type: SECRET\n  value: ""\n- key: MODE\n  value: live\n';
    const filled = fillSecrets(text, { '/TOKEN': 'a "quoted" secret' });
    expect(filled).toBe(
      'name: shop\nenvs:\n- key: TOKEN\n  type: SECRET\n  value: "a \\"quoted\\" secret"\n- key: MODE\n  value: live\n',
    );
  });
});

describe('a new tenant’s names', () => {
  it('suggests the template’s slug → the new one, in the cases display names use', () => {
    expect(suggestReplacements('taskifai-bibbi', 'taskifai-customer4')).toEqual([
      { from: 'bibbi', to: 'customer4' },
      { from: 'BIBBI', to: 'CUSTOMER4' },
      { from: 'Bibbi', to: 'Customer4' },
    ]);
    expect(suggestReplacements('odoo-saas-platform', 'crm-platform')).toEqual([
      { from: 'odoo-saas', to: 'crm' },
      { from: 'ODOO-SAAS', to: 'CRM' },
      { from: 'Odoo-saas', to: 'Crm' },
    ]);
    expect(suggestReplacements('shop', 'store')[0]).toEqual({ from: 'shop', to: 'store' });
    expect(appNameProblem('Customer_4')).toMatch(/lowercase/);
    expect(appNameProblem('taskifai-customer4')).toBeUndefined();
  });
});
