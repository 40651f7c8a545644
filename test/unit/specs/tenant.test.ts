import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec } from '../../../src-main/clients/digitalocean/types';
import { envRefs } from '../../../src-main/services/specs/secrets';
import { editScalars, parseSpecYaml } from '../../../src-main/services/specs/yamlSpec';
import { eventually, specsWithSandbox } from '../../support/specs';

// Seed 000: demo → bibbi → customer3, one App Platform app per customer. Now customer4.
const CUSTOMER4 = {
  name: 'taskifai-customer4',
  replacements: [
    { from: 'demo', to: 'customer4' },
    { from: 'Demo', to: 'Customer4' },
  ],
};

/** The preview's YAML with every emptied SECRET given a value, as the founder would type them. */
function withSecretsSet(yaml: string): string {
  const refs = envRefs(parseSpecYaml(yaml)).filter((e) => e.type === 'SECRET');
  return editScalars(
    yaml,
    refs.map((e) => ({ path: [...e.path, 'value'], value: `clear-${e.key.toLowerCase()}-0123456789` })),
  );
}

const appsNamed = (apps: Map<string, { app: { id?: string; project_id?: string; spec: AppSpec } }>, name: string) =>
  [...apps.values()].filter((r) => r.app.spec.name === name);

describe('the founder starts customer4 from the demo tenant', () => {
  it('gets the demo spec with the new name, component names, domain and env values; secrets left to set', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const preview = await specs.previewTenantFromTemplate({ templateAppId: demo.app.id!, ...CUSTOMER4 });
    const spec = parse(preview.yaml) as AppSpec;
    expect(spec.name).toBe('taskifai-customer4');
    expect(
      [...spec.services!, ...spec.workers!, ...spec.jobs!, ...spec.static_sites!].map((c) => c.name).sort(),
    ).toEqual(['customer4-api', 'customer4-frontend', 'customer4-migrate', 'customer4-worker']);
    expect(spec.ingress!.rules!.map((r) => r.component!.name)).toEqual(['customer4-api', 'customer4-frontend']);
    expect(spec.domains).toEqual([{ domain: 'customer4.taskifai.com', type: 'PRIMARY', minimum_tls_version: '1.2' }]);
    const general = Object.fromEntries(spec.envs!.filter((e) => e.type === 'GENERAL').map((e) => [e.key, e.value]));
    expect(general).toMatchObject({
      APP_NAME: 'TaskifAI Analytics Platform - Customer4',
      SENDGRID_FROM_NAME: 'TaskifAI Customer4',
    });
    expect(spec.services![0]!.envs).toEqual([
      expect.objectContaining({ key: 'ALLOWED_ORIGINS', value: 'https://customer4.taskifai.com' }),
    ]);
    expect(spec.static_sites![0]!.envs![0]!.value).toBe('https://customer4.taskifai.com/api');
    // Never the template's secrets, not even encrypted.
    expect(preview.yaml).not.toContain('EV[');
    expect(spec.envs!.filter((e) => e.type === 'SECRET').map((e) => e.value)).toEqual(['', '', '', '', '', '']);
    const { validation } = preview;
    expect(validation.valid).toBe(false);
    const missing = validation.problems.filter((p) => p.message.startsWith('Set the app-level'));
    expect(missing.map((p) => p.message)).toContain(
      'Set the app-level SECRET_KEY before creating: SECRET values are never copied from the template.',
    );
    expect(missing).toHaveLength(6);
    const lines = preview.yaml.split('\n');
    // Each points at the empty value to fill in.
    for (const p of missing) expect(lines[p.line! - 1]).toBe('  value: ""');
    expect(validation.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/SUPABASE_URL still points at the template's Supabase project/),
      }),
    );
    // The same leftover, as data the form turns into a field to override or a box to tick.
    const supabaseUrl = spec.envs!.find((e) => e.key === 'SUPABASE_URL')!.value!;
    expect(preview.leftovers).toContainEqual(expect.objectContaining({ key: 'SUPABASE_URL', value: supabaseUrl }));
    expect(preview.leftovers.every((l) => /\.supabase\.co\b/.test(l.value))).toBe(true);
    expect(validation.monthlyCostAfter).toBeGreaterThan(0);
  });

  it('is told when the name or a domain is already taken in the fleet', async () => {
    const { specs, appNamed } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const preview = await specs.previewTenantFromTemplate({
      templateAppId: demo.app.id!,
      name: 'taskifai-bibbi',
      replacements: [{ from: 'demo', to: 'bibbi' }],
    });
    expect(preview.validation.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: 'name',
        line: 1 + preview.yaml.split('\n').indexOf('name: taskifai-bibbi'),
        message: 'An app named "taskifai-bibbi" already exists.',
      }),
    );
    expect(preview.validation.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: 'bibbi.taskifai.com is already served by taskifai-bibbi: pick another hostname.',
      }),
    );
  });

  it('creates exactly one app even when the answer to the create is lost', async () => {
    const { specs, appNamed, sandbox, deploys } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const preview = await specs.previewTenantFromTemplate({ templateAppId: demo.app.id!, ...CUSTOMER4 });
    const yaml = withSecretsSet(preview.yaml);
    expect((await specs.previewTenantFromTemplate({ templateAppId: demo.app.id!, ...CUSTOMER4 })).yaml).toBe(
      preview.yaml,
    );
    sandbox.faults.inject({ method: 'POST', pathPrefix: '/v2/apps', kind: 'drop_after_handling' });
    const created = await specs.createTenantApp(yaml, demo.app.id);
    expect(appsNamed(sandbox.state.apps, 'taskifai-customer4')).toHaveLength(1);
    expect(sandbox.requests.filter((r) => r === 'POST /v2/apps')).toHaveLength(1);
    const record = appsNamed(sandbox.state.apps, 'taskifai-customer4')[0]!;
    expect(created).toMatchObject({
      appId: record.app.id,
      appName: 'taskifai-customer4',
      progress: { terminal: false },
    });
    // It joined the template's project, so it groups with the other TaskifAI tenants.
    expect(record.app.project_id).toBe(demo.app.project_id);
    const [entry] = await eventually(
      () => deploys.audit.list({ action: 'create_app' }),
      (e) => e[0]?.result === 'succeeded',
    );
    expect(entry).toMatchObject({
      appId: created.appId,
      appName: 'taskifai-customer4',
      target: 'from taskifai-demo',
      deploymentId: created.progress!.deploymentId,
    });
    await deploys.audit.flush();
    expect(JSON.stringify(await deploys.audit.list())).not.toContain('clear-secret_key');
  });

  it('a create that never reached the API is reported as not done, and can be tried again', async () => {
    const { specs, appNamed, sandbox } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const yaml = withSecretsSet(
      (await specs.previewTenantFromTemplate({ templateAppId: demo.app.id!, ...CUSTOMER4 })).yaml,
    );
    sandbox.faults.inject({ method: 'POST', pathPrefix: '/v2/apps', kind: 'drop' });
    await expect(specs.createTenantApp(yaml)).rejects.toMatchObject({
      code: 'unknown_outcome',
      message: expect.stringMatching(/it was not created. Nothing was sent twice/),
    });
    expect(appsNamed(sandbox.state.apps, 'taskifai-customer4')).toHaveLength(0);
    await specs.createTenantApp(yaml);
    expect(appsNamed(sandbox.state.apps, 'taskifai-customer4')).toHaveLength(1);
    await expect(specs.createTenantApp(yaml)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already exists. Nothing was created/),
    });
    expect(appsNamed(sandbox.state.apps, 'taskifai-customer4')).toHaveLength(1);
  });

  it('refuses to create while a SECRET is still empty, naming it and its line', async () => {
    const { specs, appNamed, sandbox } = await specsWithSandbox();
    const demo = appNamed('taskifai-demo');
    const preview = await specs.previewTenantFromTemplate({ templateAppId: demo.app.id!, ...CUSTOMER4 });
    await expect(specs.createTenantApp(preview.yaml)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^Nothing was created\. line \d+: Set the app-level SECRET_KEY before creating/),
    });
    expect(sandbox.requests.filter((r) => r === 'POST /v2/apps')).toHaveLength(0);
  });
});
