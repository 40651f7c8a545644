// The founder reads the Activity log a week later: a scale says what it changed from and to and
// what that does to the bill; a deleted DNS record is named by its hostname, not an id.
import { describe, expect, it } from 'vitest';
import { deploysWithSandbox } from '../../support/sandbox';

describe('what the Activity log says', () => {
  it('a scale entry carries before → after and the monthly cost change the dialog showed', async () => {
    const { deploys, appNamed } = await deploysWithSandbox();
    const appId = appNamed('taskifai-bibbi').app.id!;
    const preview = await deploys.actions.previewScale({ appId, component: 'bibbi-api', instanceCount: 3 });
    await deploys.actions.applyScale({
      appId,
      component: 'bibbi-api',
      instanceCount: 3,
      specVersion: preview.specVersion,
    });

    const [entry] = await deploys.audit.list({ appId, action: 'scale' });
    const delta = preview.appMonthlyCostAfter - preview.appMonthlyCostBefore;
    expect(entry?.parameters).toEqual({
      component: 'bibbi-api',
      change: 'apps-s-1vcpu-2gb ×2 → apps-s-1vcpu-2gb ×3',
      monthly: `$${preview.appMonthlyCostBefore.toFixed(2)} → $${preview.appMonthlyCostAfter.toFixed(2)} (+$${delta.toFixed(2)})`,
    });
  });
});
