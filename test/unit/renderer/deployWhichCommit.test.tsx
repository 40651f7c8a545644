// @vitest-environment jsdom
// The founder canceled a push that was building and pressed Deploy again. Both dialogs must say
// what really happens: a deploy builds each branch's latest commit (an image, its tag), so the
// canceled commit ships on the next deploy, and a canceled rollback is not repeated.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentDetail, DeploymentProgress, FleetApp } from '../../../src-preload/contract';
import { useActionsStore } from '../../../src-renderer/stores/actionsStore';
import { AppActions } from '../../../src-renderer/views/actions/AppActions';
import { DeploymentProgressPanel } from '../../../src-renderer/views/actions/DeploymentProgressPanel';

const app = {
  id: 'app-bibbi',
  name: 'taskifai-bibbi',
  group: 'TaskifAI',
  region: 'fra',
  components: [],
  monthlyCost: { min: 29, max: 29 },
} as unknown as FleetApp;

const component = (name: string, source: ComponentDetail['source']) =>
  ({ name, kind: 'service', source, monthlyCost: { min: 0, max: 0 } }) as unknown as ComponentDetail;

afterEach(() => {
  cleanup();
  useActionsStore.setState({ byApp: {} });
});

describe('which commit a deploy builds', () => {
  it('the deploy dialog names each branch and says it builds its latest commit, and an image its tag', () => {
    render(
      <AppActions
        app={app}
        components={[
          component('bibbi-api', { kind: 'github', ref: 'taskifai/bibbi', branch: 'release' }),
          component('bibbi-proxy', { kind: 'image', ref: 'registry.digitalocean.com/taskifai/proxy:1.4.2' }),
        ]}
      />,
    );
    fireEvent.click(screen.getByTestId('deploy-button'));
    const [api, proxy] = screen.getAllByTestId('deploy-builds');
    expect(api!.textContent).toContain('taskifai/bibbi@release');
    expect(api!.textContent).toContain('latest commit on release');
    expect(proxy!.textContent).toContain('image tag 1.4.2');
    expect(screen.getByRole('dialog').textContent).toContain('not the commit live now');
  });

  const building = (cause: string): DeploymentProgress => ({
    appId: app.id,
    appName: app.name,
    deploymentId: '5d1e2f3a-0000-4000-8000-000000000001',
    phase: 'BUILDING',
    terminal: false,
    steps: [],
    done: 1,
    total: 6,
    createdAt: '2026-12-03T06:00:00Z',
    elapsedSeconds: 40,
    cause,
  });

  const openCancel = (progress: DeploymentProgress) => {
    useActionsStore.setState({ byApp: { [app.id]: { progress, progressAt: Date.parse('2026-12-03T06:00:40Z') } } });
    render(<DeploymentProgressPanel app={app} />);
    fireEvent.click(screen.getByTestId('cancel-deployment-button'));
    return screen.getByRole('dialog').textContent ?? '';
  };

  it('canceling a pushed commit promises it ships with the next deploy, from the branch’s latest commit', () => {
    const words = openCancel(building('commit 5d1e2f3 pushed to github/taskifai/bibbi'));
    expect(words).toContain('builds the app’s current spec from each branch’s latest commit');
    expect(words).toContain('ships then');
  });

  it('canceling a rollback does not promise that deploying again repeats it', () => {
    const words = openCancel(building('rollback to deployment 8e76f23a-5b1c-4d2e-9f00-1a2b3c4d5e6f'));
    expect(words).toContain('does not repeat this rollback');
    expect(words).not.toContain('ships then');
  });
});
