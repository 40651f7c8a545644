// `npm run dist` builds installable packages with electron-builder, which needs Electron's binary
// and so cannot run here. This story checks what it would be given instead: the config in
// package.json and every file it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const build = pkg.build;

/** Width and height from a PNG's IHDR, and that it is one. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the installable build', () => {
  it('is named: an app id and the product name people see', () => {
    expect(build.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    expect(build.productName).toBe('Fleetdeck');
  });

  it('is made by `npm run dist`: the electron-vite build, then electron-builder at an exact version', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    // README's two commands stay as they were.
    expect(pkg.scripts.start).toBe('electron-vite preview');
    expect(pkg.scripts.test).toBe('bash scripts/test-all.sh');
  });

  it('starts from the main bundle electron-vite writes, out/main/index.js', () => {
    expect(pkg.main).toBe('out/main/index.js');
    const viteConfig = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(viteConfig).toMatch(/outDir: 'out\/main'/);
    expect(viteConfig).toMatch(/index: resolve\(__dirname, 'src-main\/shell\/main\.ts'\)/);
  });

  it('packs the built app and none of the sources or tests', () => {
    expect(build.files).toContain('out/**');
    for (const source of ['src-main', 'src-preload', 'src-renderer', 'test'])
      expect(build.files).toContain(`!${source}/**`);
    expect(build.asar).toBe(true);
  });

  it('rebuilds keytar for Electron and keeps its native module outside the asar archive', () => {
    expect(pkg.dependencies.keytar).toBeDefined();
    expect(build.npmRebuild).not.toBe(false);
    expect(build.asarUnpack).toContain('node_modules/keytar/**');
    expect(pkg.allowScripts.keytar).toBe(true);
  });

  it('makes a dmg and a zip on macOS, an NSIS installer on Windows, an AppImage and a deb on Linux', () => {
    expect(build.mac.target).toEqual(['dmg', 'zip']);
    expect(build.win.target).toEqual(['nsis']);
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    // A deb without a maintainer is refused by electron-builder (package.json has no author).
    expect(build.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('has the app icon every platform needs, each file where the config says', () => {
    // macOS and Windows: one 1024 px PNG that electron-builder turns into .icns and .ico.
    for (const icon of [build.mac.icon, build.win.icon]) {
      expect(existsSync(join(root, icon))).toBe(true);
      expect(pngSize(join(root, icon))).toEqual({ width: 1024, height: 1024 });
    }
    // Linux: a folder of NxN.png, each the size its name says.
    const dir = join(root, build.linux.icon);
    const sizes = readdirSync(dir)
      .map((name) => /^(\d+)x\1\.png$/.exec(name))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of sizes) expect(pngSize(join(dir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    expect(existsSync(join(root, build.directories.buildResources))).toBe(true);
  });
});
