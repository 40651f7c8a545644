// @vitest-environment jsdom
// After a rollback the founder reads "rollback to deployment 8e76f23" and "Pinned to deployment
// 8e76f23", not a 36-character UUID; the full id is still there on hover.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeploymentProgress, FleetApp } from '../../../src-preload/contract';
import { useActionsStore } from '../../../src-renderer/stores/actionsStore';
import { DeploymentProgressPanel } from '../../../src-renderer/views/actions/DeploymentProgressPanel';
import { PinnedBanner } from '../../../src-renderer/views/actions/PinnedBanner';
import { WithShortIds } from '../../../src-renderer/views/actions/ShortIds';

const target = '8e76f23a-5b1c-4d2e-9f00-1a2b3c4d5e6f';
const rollback = '0c9d8e7f-1111-4222-8333-444455556666';
const app = {
  id: 'app-1',
  name: 'multivio-api',
  group: 'Multivio',
  region: 'nyc',
  components: [],
  monthlyCost: { min: 46, max: 352 },
} as unknown as FleetApp;

afterEach(() => {
  cleanup();
  useActionsStore.setState({ byApp: {} });
});

describe('deployment ids in the rollback’s words', () => {
  it('the progress card of a finished rollback names its target by a short id', () => {
    const progress: DeploymentProgress = {
      appId: app.id,
      appName: app.name,
      deploymentId: rollback,
      phase: 'ACTIVE',
      terminal: true,
      steps: [],
      done: 4,
      total: 4,
      createdAt: '2026-12-03T06:00:00Z',
      elapsedSeconds: 42,
      cause: `rollback to deployment ${target}`,
    };
    useActionsStore.setState({ byApp: { [app.id]: { progress, progressAt: Date.parse('2026-12-03T06:00:42Z') } } });
    render(<DeploymentProgressPanel app={app} />);
    const card = screen.getByTestId('deployment-progress');
    expect(card.textContent).toContain('rollback to deployment 8e76f23');
    expect(card.textContent).not.toContain(target);
    expect(screen.getByTestId('short-id').getAttribute('title')).toBe(target);
  });

  it('the pinned banner shows the pinned deployment short, the full id on hover', () => {
    render(<PinnedBanner app={{ ...app, pinnedDeploymentId: target }} />);
    const banner = screen.getByTestId('pinned-banner');
    expect(banner.textContent).toContain('Pinned to deployment 8e76f23 by a rollback');
    expect(banner.textContent).not.toContain(target);
    expect(screen.getByTestId('pinned-id').getAttribute('title')).toBe(target);
  });

  it('leaves words without an id as they are, and shortens every id in them', () => {
    const { container } = render(<WithShortIds text={`revert of ${target} after ${rollback}`} />);
    expect(container.textContent).toBe('revert of 8e76f23 after 0c9d8e7');
    cleanup();
    expect(render(<WithShortIds text="commit 1a2b3c4 pushed to main" />).container.textContent).toBe(
      'commit 1a2b3c4 pushed to main',
    );
  });
});
