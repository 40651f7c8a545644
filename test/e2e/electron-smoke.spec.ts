// The real Electron app: window opens on the demo fleet through the preload bridge. Electron's
// binary cannot be downloaded on every machine; where it is missing this test says so and skips.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

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
    'Electron binary not installed here (its download is blocked); run where `npx electron --version` works.',
  );
  const app = await electron.launch({ executablePath, args: ['out/main/index.js', '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('fleet-table')).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { fleet: object }).fleet).sort())).toEqual([
      'getAppDetail',
      'getEnvironment',
      'getFleetHealth',
      'listFleet',
      'watchFleet',
    ]);
  } finally {
    await app.close();
  }
});
