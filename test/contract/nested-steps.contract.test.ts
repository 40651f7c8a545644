// App Platform nests a deployment's steps (build → components → one per component, deploy → …,
// finalize), counts the leaves, and puts a failure's reason on its leaf. The sandbox answers so,
// and the founder's progress view names the failing step and why.
import { describe, expect, it } from 'vitest';
import { childSteps, leafSteps } from '../../src-main/clients/digitalocean/types';
import { toProgress } from '../../src-main/services/deploys/progress';
import { summarizeDeployment } from '../../src-main/services/apps/appView';
import { expectMatchesSpec } from '../support/openapi';
import { sandboxWithClient } from '../support/sandbox';

describe('deployment steps as App Platform nests them', () => {
  it('build and deploy hold their components, total_steps counts the leaves, and the answer matches the spec', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const odoo = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'odoo-saas-platform')!;
    const deployments = await client.listDeployments(odoo.app.id!);
    const failed = deployments.find((d) => leafSteps(d.progress?.steps).some((s) => s.status === 'ERROR'))!;

    const top = failed.progress!.steps!.map((s) => s.name);
    expect(top).toEqual(['build', 'deploy', 'finalize']);
    const build = failed.progress!.steps![0]!;
    expect(childSteps(build).map((s) => s.name)).toEqual(['components']);
    expect(leafSteps(failed.progress!.steps)).toHaveLength(failed.progress!.total_steps!);
    const response = await fetch(`${sandbox.url}/v2/apps/${odoo.app.id}/deployments/${failed.id}`, {
      headers: { Authorization: `Bearer ${sandbox.state.tokens.keys().next().value}` },
    });
    await expectMatchesSpec('apps_get_deployment', 200, await response.json());
  });

  it('the progress view and the deployments table name the failing leaf and its reason', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const odoo = [...sandbox.state.apps.values()].find((r) => r.app.spec.name === 'odoo-saas-platform')!;
    const failed = (await client.listDeployments(odoo.app.id!)).find((d) => d.phase === 'ERROR')!;

    const progress = toProgress(odoo.app.id!, 'odoo-saas-platform', failed);
    const step = progress.steps.find((s) => s.status === 'ERROR');
    expect(step).toMatchObject({ reason: expect.stringMatching(/health checks|non-zero exit code/) });
    expect(step?.label).toMatch(/^(Building|Waiting for) /);
    expect(progress.total).toBe(progress.steps.length);
    expect(summarizeDeployment(failed).progress?.failedStep).toMatch(
      /^(Building|Waiting for) [a-z ]+: Your (build|deploy) /,
    );
  });
});
