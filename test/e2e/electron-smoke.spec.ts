// The real Electron app: the window opens on the demo fleet through the preload bridge, which
// offers exactly the contract's functions and no Node. Electron's binary cannot be downloaded on
// every machine; where it is missing this test says so and skips.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';
import { METHOD_NAMES, STREAM_NAMES } from '../../src-preload/contract';

function electronBinary(): string | undefined {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

test('the Electron window shows the demo fleet through the preload bridge', async () => {
  const executablePath = electronBinary();
  test.skip(
    !executablePath,
    'Electron binary not installed here (node_modules/electron/path.txt or dist/ missing: its download is blocked); run where `npx electron --version` works.',
  );
  const app = await electron.launch({ executablePath, args: ['out/main/index.js', '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('fleet-table')).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    // Whatever the contract declares today, and nothing more (no ipcRenderer, no generic send).
    const exposed = await window.evaluate(() => {
      const fleet = (window as unknown as { fleet: Record<string, unknown> }).fleet;
      return Object.keys(fleet).map((name) => `${name}:${typeof fleet[name]}`);
    });
    const expected = [...METHOD_NAMES, ...STREAM_NAMES].map((name) => `${name}:function`);
    expect(exposed.sort()).toEqual(expected.sort());
  } finally {
    await app.close();
  }
});
