// @vitest-environment jsdom
// The founder picks Go → DNS, the palette, Refresh and Toggle Theme from the native menu: the
// window goes to the view, opens the palette, re-reads the view's data without reloading the
// page, and flips the theme.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMenuCommand, useMenuCommandsStore } from '../../../src-renderer/stores/menuCommandsStore';
import { useFleetStore } from '../../../src-renderer/stores/fleetStore';
import { useNavigationStore } from '../../../src-renderer/stores/navigationStore';
import { usePaletteStore } from '../../../src-renderer/stores/paletteStore';
import { useThemeStore } from '../../../src-renderer/stores/themeStore';

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('menu commands in the window', () => {
  it('Go → DNS and Go → Settings open those views', () => {
    runMenuCommand({ kind: 'view', view: 'dns' });
    expect(useNavigationStore.getState().route).toEqual({ name: 'dns' });
    expect(window.location.hash).toBe('#/dns');
    runMenuCommand({ kind: 'view', view: 'settings' });
    expect(useNavigationStore.getState().route).toEqual({ name: 'settings' });
  });

  it('Command Palette opens the palette, and again closes it', () => {
    runMenuCommand({ kind: 'palette' });
    expect(usePaletteStore.getState().open).toBe(true);
    runMenuCommand({ kind: 'palette' });
    expect(usePaletteStore.getState().open).toBe(false);
  });

  it('Refresh on the fleet overview reads the fleet again rather than reloading the page', () => {
    const load = vi.fn(async () => undefined);
    useFleetStore.setState({ load });
    runMenuCommand({ kind: 'view', view: 'overview' });
    runMenuCommand({ kind: 'refresh' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('Toggle Theme goes dark from light and light from dark', () => {
    useThemeStore.getState().choose('light');
    runMenuCommand({ kind: 'toggleTheme' });
    expect(useThemeStore.getState().choice).toBe('dark');
    runMenuCommand({ kind: 'toggleTheme' });
    expect(useThemeStore.getState().choice).toBe('light');
  });

  it('follows the menu through the contract stream, and in a browser (no events) does nothing', () => {
    let send: ((event: unknown) => void) | undefined;
    const unsubscribe = vi.fn();
    const watchMenuCommands = vi.fn((_request: unknown, listener: (event: unknown) => void) => {
      send = listener;
      return unsubscribe;
    });
    (window as unknown as { fleet: object }).fleet = { watchMenuCommands };
    const stop = useMenuCommandsStore.getState().start();
    send?.({ ok: true, value: { kind: 'view', view: 'costs' } });
    expect(useNavigationStore.getState().route).toEqual({ name: 'costs' });
    send?.({ ok: false, error: { code: 'internal', message: 'socket closed' } });
    expect(useNavigationStore.getState().route).toEqual({ name: 'costs' });
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
