import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The main build is CommonJS and requires its dependencies at run time, but Octokit ships
      // only ES modules (a CJS require of them can throw ERR_REQUIRE_ESM): bundle these three.
      // Their own @octokit/* dependencies are not in package.json, so they are bundled with them.
      externalizeDeps: { exclude: ['@octokit/rest', '@octokit/plugin-throttling', '@octokit/plugin-retry'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/shell/main.ts'),
          // The spec editor's YAML worker, started by path from next to index.js (yamlThread.ts).
          specYamlWorker: resolve(__dirname, 'src-main/services/specs/yamlWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Loaded from disk (or loopback), not a network: the overview chunk (~800 kB with recharts)
      // is fine; the spec editor's CodeMirror is split off and loads when first opened.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          // The same renderer for the browser harness, with window.fleet over a WebSocket.
          harness: resolve(__dirname, 'src-renderer/harness.html'),
        },
      },
    },
  },
});
