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
  {
    // ipcRenderer / ipcMain only in the two bridge files: everything else goes through the contract.
    ignores: bridgeFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'Only the bridge files use ipc.' }] },
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
            { group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'keytar', 'axios'], message: 'The renderer only talks to window.fleet.' },
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
);
