// A new tenant copied from taskifai-bibbi still holds bibbi's Supabase URL (the slug replacement
// cannot reach a project ref). Nothing is created until the founder either types the new tenant's
// value — which then replaces it in the spec that is sent — or confirms knowing it points at bibbi.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetApi, TenantTemplatePreview } from '../../../src-preload/contract';
import {
  overrideEnvValues,
  templateLeftovers,
  unresolvedLeftovers,
} from '../../../src-renderer/specSchema/templateLeftovers';

const BIBBI_URL = 'https://spdtwktxdalcfigzeqrz.supabase.co';
const YAML = [
  'name: taskifai-customer4',
  'envs:',
  '- key: SUPABASE_URL',
  `  value: ${BIBBI_URL}`,
  'services:',
  '- name: api',
  '  envs:',
  '  - key: SUPABASE_URL',
  `    value: ${BIBBI_URL}`,
  '  - key: JWT_SECRET',
  '    type: SECRET',
  '    value: ""',
  '',
].join('\n');

const preview: TenantTemplatePreview = {
  yaml: YAML,
  validation: {
    valid: true,
    monthlyCostAfter: 12,
    problems: [
      {
        source: 'schema',
        severity: 'warning',
        message: `SUPABASE_URL still points at the template's Supabase project (${BIBBI_URL}).`,
      },
      {
        source: 'schema',
        severity: 'warning',
        message: `api: SUPABASE_URL still points at the template's Supabase project (${BIBBI_URL}).`,
      },
      {
        source: 'schema',
        severity: 'warning',
        message: "bibbi.taskifai.com was left out: it is the template's own domain.",
        path: 'domains',
      },
    ],
  },
  leftovers: [
    {
      key: 'SUPABASE_URL',
      value: BIBBI_URL,
      message: `SUPABASE_URL still points at the template's Supabase project (${BIBBI_URL}).`,
    },
    {
      component: 'api',
      key: 'SUPABASE_URL',
      value: BIBBI_URL,
      message: `api: SUPABASE_URL still points at the template's Supabase project (${BIBBI_URL}).`,
    },
  ],
};

const request = {
  templateAppId: 'app-bibbi',
  name: 'taskifai-customer4',
  replacements: [{ from: 'bibbi', to: 'customer4' }],
};
const NEW_URL = 'https://newprojectref.supabase.co';

describe('values that still point at the template', () => {
  it('are read from the preview’s list, app-level and per component, and no other note counts', () => {
    expect(templateLeftovers(preview).map((l) => [l.id, l.value])).toEqual([
      ['/SUPABASE_URL', BIBBI_URL],
      ['api/SUPABASE_URL', BIBBI_URL],
    ]);
  });

  it('stay unresolved until a different value is typed for them', () => {
    const leftovers = templateLeftovers(preview);
    expect(unresolvedLeftovers(leftovers, {})).toHaveLength(2);
    expect(unresolvedLeftovers(leftovers, { '/SUPABASE_URL': '  ' })).toHaveLength(2);
    expect(unresolvedLeftovers(leftovers, { '/SUPABASE_URL': BIBBI_URL })).toHaveLength(2);
    expect(unresolvedLeftovers(leftovers, { '/SUPABASE_URL': NEW_URL }).map((l) => l.id)).toEqual(['api/SUPABASE_URL']);
  });

  it('are replaced in place in the spec, only for the env named, leaving the rest of the text as it was', () => {
    const out = overrideEnvValues(YAML, { 'api/SUPABASE_URL': NEW_URL, 'api/NOT_THERE': 'x' });
    expect(out).toBe(YAML.replace(`    value: ${BIBBI_URL}`, `    value: "${NEW_URL}"`));
    expect(out).toContain(`- key: SUPABASE_URL\n  value: ${BIBBI_URL}`);
  });
});

describe('creating the tenant', () => {
  const createTenantApp = vi.fn(async (_: { yaml: string; templateAppId?: string }) => ({
    ok: true as const,
    value: { appId: 'app-new', appName: 'taskifai-customer4' },
  }));

  beforeEach(() => {
    vi.resetModules();
    createTenantApp.mockClear();
    const api = {
      previewTenantFromTemplate: vi.fn(async () => ({ ok: true as const, value: preview })),
      createTenantApp,
      getFleetSnapshot: vi.fn(async () => ({
        ok: false as const,
        error: { code: 'internal', message: 'not in this test' },
      })),
    };
    const fleet = new Proxy<Record<string, unknown>>(api, {
      get: (t, k: string) =>
        t[k] ?? (async () => ({ ok: false, error: { code: 'internal', message: 'not in this test' } })),
    });
    vi.stubGlobal('window', { fleet: fleet as unknown as FleetApi, location: { hash: '' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  async function previewed() {
    const { useTenantTemplateStore } = await import('../../../src-renderer/stores/tenantTemplateStore');
    await useTenantTemplateStore.getState().previewTenant(request);
    return useTenantTemplateStore;
  }

  it('is refused, with the names in words, while a value still points at the template unacknowledged', async () => {
    const store = await previewed();
    const created = await store
      .getState()
      .createTenant(request, { secrets: { 'api/JWT_SECRET': 'new-jwt' }, overrides: { '/SUPABASE_URL': NEW_URL } });
    expect(created).toBe(false);
    expect(createTenantApp).not.toHaveBeenCalled();
    expect(store.getState().createError?.message).toContain('SUPABASE_URL still points at the template tenant');
    expect(store.getState().preview).toBe(preview);
  });

  it('sends the typed values in place of the template’s once every leftover is overridden', async () => {
    const store = await previewed();
    const created = await store.getState().createTenant(request, {
      secrets: { 'api/JWT_SECRET': 'new-jwt' },
      overrides: { '/SUPABASE_URL': NEW_URL, 'api/SUPABASE_URL': NEW_URL },
    });
    expect(created).toBe(true);
    const sent = createTenantApp.mock.calls[0]?.[0].yaml ?? '';
    expect(sent).not.toContain(BIBBI_URL);
    expect(sent.match(new RegExp(NEW_URL.replace(/\./g, '\\.'), 'g'))).toHaveLength(2);
    expect(sent).toContain('value: "new-jwt"');
  });

  it('sends the template’s values unchanged when the founder acknowledged them', async () => {
    const store = await previewed();
    const created = await store
      .getState()
      .createTenant(request, { secrets: { 'api/JWT_SECRET': 'new-jwt' }, acknowledgedLeftovers: true });
    expect(created).toBe(true);
    expect(createTenantApp.mock.calls[0]?.[0].yaml).toContain(`value: ${BIBBI_URL}`);
  });
});
