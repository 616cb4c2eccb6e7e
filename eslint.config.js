import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/development.md, "The layout"): contract ← services ← doors, and the renderer
// sees only the contract and src-shared. ESLint's no-restricted-imports is replaced, not merged, by a later
// block, so each block below lists every restriction of its files; test/unit/import-boundaries.test.ts
// lints a leak of each kind and expects it to fail.
const ELECTRON = { name: 'electron', message: 'Only the thin Electron adapter in src-main/electron imports electron.' };
const AG_GRID = {
  name: 'ag-grid-react',
  message: 'Use components/DataGrid: it is the only importer of ag-grid-react.',
};
const NO_DOORS = {
  regex: '^(\\.\\./)+(electron|cli|web|runtime)(/|$)',
  message: 'Services (and db, excel, i18n) never import a door or the runtime: the doors call them through dispatch.',
};
const restrict = (patterns, paths = [ELECTRON]) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([]),
    },
  },
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: '^\\.\\./',
          message: 'The contract imports nothing from services, db or the doors: declare the type in the contract.',
        },
      ]),
    },
  },
  {
    files: ['src-main/services/**', 'src-main/db/**', 'src-main/excel/**', 'src-main/i18n/**'],
    rules: { 'no-restricted-imports': restrict([NO_DOORS]) },
  },
  {
    files: ['src-main/runtime/**'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(\\.\\./)+(electron|cli|web)(/|$)', message: 'The runtime serves every door and imports none.' },
      ]),
    },
  },
  {
    files: ['src-main/cli/**'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(\\.\\./)+(electron|web)(/|$)', message: 'A door does not import another door.' },
      ]),
    },
  },
  {
    files: ['src-main/web/**'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(\\.\\./)+(electron|cli)(/|$)', message: 'A door does not import another door.' },
      ]),
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ regex: '^(\\.\\./)+(cli|web)(/|$)', message: 'A door does not import another door.' }],
        [],
      ),
    },
  },
  {
    files: ['test/unit/electron-*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(RENDERER_PATTERNS(), [
        { name: 'electron', message: 'The renderer talks to main only through window.workbench.' },
        AG_GRID,
      ]),
    },
  },
  {
    files: ['src-renderer/components/**/*.{ts,tsx}', 'src-renderer/layout/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...RENDERER_PATTERNS(),
          {
            regex: '(^|/)pages(/|$)',
            message: 'Shared components never import from a page folder: move what they need into components/.',
          },
        ],
        [{ name: 'electron', message: 'The renderer talks to main only through window.workbench.' }, AG_GRID],
      ),
    },
  },
  {
    files: ['src-renderer/components/DataGrid.tsx'],
    rules: {
      'no-restricted-imports': restrict(RENDERER_PATTERNS(), [
        { name: 'electron', message: 'The renderer talks to main only through window.workbench.' },
      ]),
    },
  },
);

/** The renderer imports the contract, src-shared and its own files: never services, doors, Node or the tests. */
function RENDERER_PATTERNS() {
  return [
    {
      regex: 'src-main/(?!contract(/|$))',
      message: 'The renderer imports only src-main/contract (types and the contract map), never services or doors.',
    },
    { regex: '^node:', message: 'The renderer runs in the page: no Node modules.' },
    { regex: '^(\\.\\./)+(test|bench|scripts)/', message: 'The renderer does not import tests, bench or scripts.' },
  ];
}
