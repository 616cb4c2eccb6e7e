import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the thin Electron adapter in src-main/electron imports electron.' }] },
      ],
    },
  },
  {
    files: ['src-main/electron/**', 'test/unit/electron-*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.workbench.' },
            { name: 'ag-grid-react', message: 'Use components/DataGrid: it is the only importer of ag-grid-react.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/components/DataGrid.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
