import { describe, expect, it } from 'vitest';
import { SANDBOX_INSTANCE_SIZES } from '../../../src-main/sandbox/catalog';
import { deploysWithSandbox } from '../../support/sandbox';

const price = (slug: string) => Number(SANDBOX_INSTANCE_SIZES.find((s) => s.slug === slug)!.usd_per_month);

describe('the founder scales taskifai-bibbi bibbi-api', () => {
  it('sees the component and app cost before and after, priced by the API', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('taskifai-bibbi');
    const preview = await deploys.actions.previewScale({
      appId: app.app.id!,
      component: 'bibbi-api',
      instanceCount: 3,
    });
    expect(preview.before).toMatchObject({ instanceSizeSlug: 'apps-s-1vcpu-2gb', instanceCount: 2 });
    expect(preview.after).toMatchObject({ instanceSizeSlug: 'apps-s-1vcpu-2gb', instanceCount: 3 });
    expect(preview.after.componentMonthlyCost.min).toBe(price('apps-s-1vcpu-2gb') * 3);
    expect(preview.appMonthlyCostAfter - preview.appMonthlyCostBefore).toBe(price('apps-s-1vcpu-2gb'));
    expect(preview.sizeOptions.find((s) => s.slug === 'apps-d-1vcpu-1gb')).toMatchObject({ scalable: true });
  });

  it('applies only that change, with every SECRET sent back exactly as read', async () => {
    const { deploys, appNamed, sandbox } = await deploysWithSandbox();
    const app = appNamed('taskifai-bibbi');
    const before = structuredClone(app.app.spec);
    const preview = await deploys.actions.previewScale({
      appId: app.app.id!,
      component: 'bibbi-api',
      instanceCount: 3,
    });
    const progress = await deploys.actions.applyScale({
      appId: app.app.id!,
      component: 'bibbi-api',
      instanceCount: 3,
      specVersion: preview.specVersion,
    });
    expect(progress.cause).toBe('app spec updated');
    const after = app.app.spec;
    expect(after.services?.find((s) => s.name === 'bibbi-api')?.instance_count).toBe(3);
    const expected = structuredClone(before);
    expected.services!.find((s) => s.name === 'bibbi-api')!.instance_count = 3;
    expect(after).toEqual(expected);
    const secrets = JSON.stringify(after).match(/EV\[1:[^"]+\]/g) ?? [];
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets).toEqual(JSON.stringify(before).match(/EV\[1:[^"]+\]/g));
    expect(sandbox.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(1);
  });

  it('refuses to overwrite a spec someone changed since the dialog opened, and sends no PUT', async () => {
    const { deploys, appNamed, sandbox, client } = await deploysWithSandbox();
    const app = appNamed('taskifai-bibbi');
    const preview = await deploys.actions.previewScale({
      appId: app.app.id!,
      component: 'bibbi-api',
      instanceCount: 3,
    });
    // A teammate bumps the worker in the panel meanwhile.
    const changed = structuredClone(app.app.spec);
    changed.workers![0]!.instance_count = 2;
    await client.updateApp(app.app.id!, changed);
    const puts = sandbox.requests.filter((r) => r.startsWith('PUT')).length;
    await expect(
      deploys.actions.applyScale({
        appId: app.app.id!,
        component: 'bibbi-api',
        instanceCount: 3,
        specVersion: preview.specVersion,
      }),
    ).rejects.toMatchObject({
      code: 'stale',
      message: expect.stringMatching(/changed since the scale dialog opened; nothing was sent/),
    });
    expect(sandbox.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(puts);
    expect(app.app.spec.services?.find((s) => s.name === 'bibbi-api')?.instance_count).toBe(2);
  });

  it('turns on autoscaling on a scalable size, and is told in words when the size cannot autoscale', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const app = appNamed('taskifai-bibbi');
    const ok = await deploys.actions.previewScale({
      appId: app.app.id!,
      component: 'bibbi-api',
      instanceSizeSlug: 'apps-d-1vcpu-1gb',
      autoscaling: { min: 2, max: 6 },
    });
    expect(ok.after).toMatchObject({ instanceSizeSlug: 'apps-d-1vcpu-1gb', autoscaling: { min: 2, max: 6 } });
    expect(ok.after.componentMonthlyCost).toEqual({
      min: price('apps-d-1vcpu-1gb') * 2,
      max: price('apps-d-1vcpu-1gb') * 6,
    });
    await expect(
      deploys.actions.previewScale({ appId: app.app.id!, component: 'bibbi-api', autoscaling: { min: 2, max: 6 } }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/does not support autoscaling/),
    });
  });
});
