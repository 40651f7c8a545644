import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const bridgeFiles = ['src-preload/index.ts', 'src-main/shell/ipc.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'src-main/clients/digitalocean/generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Type-aware checks: a promise nobody awaits or handles, a switch that misses a case of a union.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Contract handlers are `async` so every one answers a promise, whether or not it awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON off the wire and poke at internals on purpose; the async rules still hold.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // ipcRenderer / ipcMain only in the two bridge files: everything else goes through the contract.
    ignores: bridgeFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'Only the bridge files use ipc.' },
          ],
        },
      ],
    },
  },
  {
    // Layers inside main: services, clients and the shared base are plain Node, and know nothing of
    // the bridge, the Electron shell, the harness or the sandbox cloud (those are put together on
    // top of them, in session.ts and runtime.ts).
    files: ['src-main/{services,clients,base,secrets,logging}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/shell imports Electron.' }],
          patterns: [
            {
              group: ['**/bridge/**', '**/bridge'],
              message: 'Services and clients do not know the bridge; put shared types in src-main/base.',
            },
            {
              group: ['**/shell/**', '**/harness/**'],
              message: 'Services and clients do not know how they are hosted.',
            },
            {
              group: ['**/sandbox/**', '**/sandbox'],
              message: 'Services and clients talk to the sandbox cloud over HTTP only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox cloud is the demo fleet's, loaded by runtime.ts with a dynamic import only when
    // the demo context needs it: a static import anywhere in the app would bundle it into the main
    // chunk and load it for users on live accounts too. Types are erased, so they may be shared.
    files: ['src-main/**/*.ts', 'src-preload/**/*.ts'],
    ignores: ['src-main/sandbox/**', 'src-main/harness/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sandbox/**', '**/sandbox'],
              allowTypeImports: true,
              message:
                "Load the sandbox with `await import('./sandbox/…')` from runtime.ts, for the demo context only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/**', 'src-main/{services,clients,base,secrets,logging}/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/shell imports Electron.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'keytar', 'axios'],
              message: 'The renderer only talks to window.fleet.',
            },
            { group: ['**/src-main/**'], message: 'The renderer only talks to window.fleet.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/browserBridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Every e2e story file starts on the pristine demo through the fixtures' `test`; Playwright's
    // own would run it on whatever the previous file left behind.
    files: ['test/e2e/**/*.ts'],
    ignores: ['test/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'Only the bridge files use ipc.' },
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: 'e2e stories import test and expect from ./fixtures, so each file starts on the pristine demo.',
            },
          ],
        },
      ],
    },
  },
);
