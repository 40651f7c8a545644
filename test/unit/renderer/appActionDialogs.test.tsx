// @vitest-environment jsdom
// The founder opens Deploy or Restart from the command palette: the palette asks the dialogs
// store, and the app page shows the same confirmation its own buttons open — for that app only,
// closed again when the founder leaves the page.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentDetail, FleetApp } from '../../../src-preload/contract';
import { useAppActionDialogsStore } from '../../../src-renderer/stores/appActionDialogsStore';
import { useDeploySourceStore } from '../../../src-renderer/stores/deploySourceStore';
import { AppActions } from '../../../src-renderer/views/actions/AppActions';

const app = {
  id: 'app-bibbi',
  name: 'taskifai-bibbi',
  group: 'TaskifAI',
  region: 'fra',
  components: [],
  monthlyCost: { min: 29, max: 29 },
} as unknown as FleetApp;
const service = (name: string) =>
  ({
    name,
    kind: 'service',
    source: { kind: 'github', ref: 'taskifai/bibbi', branch: 'main' },
    monthlyCost: { min: 0, max: 0 },
  }) as unknown as ComponentDetail;
const components = [service('bibbi-api'), service('bibbi-worker')];

afterEach(() => {
  cleanup();
  useAppActionDialogsStore.getState().close();
});

describe('Deploy and Restart opened from a store', () => {
  it('opens Restart with the components asked for ticked, and only on that app’s page', () => {
    render(<AppActions app={app} components={components} />);
    act(() => useAppActionDialogsStore.getState().show('another-app', 'restart'));
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => useAppActionDialogsStore.getState().show(app.id, 'restart', { components: ['bibbi-worker'] }));
    const ticked = screen
      .getAllByTestId('restart-component')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.getAttribute('data-component-name'));
    expect(ticked).toEqual(['bibbi-worker']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useAppActionDialogsStore.getState().open).toBeUndefined();
  });

  it('opens Deploy and starts reading what it would ship, as the page’s button does', () => {
    render(<AppActions app={app} components={components} />);
    act(() => useAppActionDialogsStore.getState().show(app.id, 'deploy'));
    expect(screen.getByRole('dialog').textContent).toContain('Deploy taskifai-bibbi?');
    expect(useDeploySourceStore.getState().preview?.appId).toBe(app.id);
    act(() => useAppActionDialogsStore.getState().close());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useDeploySourceStore.getState().preview).toBeUndefined();
  });

  it('the page’s own button opens the same store dialog, and leaving the page closes it', () => {
    const { unmount } = render(<AppActions app={app} components={components} />);
    fireEvent.click(screen.getByTestId('restart-button'));
    expect(useAppActionDialogsStore.getState().open).toMatchObject({ appId: app.id, dialog: 'restart' });
    unmount();
    expect(useAppActionDialogsStore.getState().open).toBeUndefined();
  });
});
