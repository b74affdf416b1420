// Lint rules, including the layers that keep imports one-way (see LAYERS below):
// shared/ imports no Electron, no Node built-ins and nothing of ours outside shared/;
// only main/electron/ may import Electron; the renderer imports no Node and nothing outside
// renderer/ but shared/; the folders of main/ import only the layers below their own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
];

/**
 * The folders of main/, lowest layer first. A folder imports only folders of lower layers (and
 * shared/); folders in one layer do not import each other, so there is no cycle between folders.
 *   util                         clock, logger, error type, paths
 *   db, files, pdf               opening SQLite and migrations; durable file writes; PDF layout
 *   security                     keys, the key file, encrypting an older plain database
 *   audit                        the hash-chained audit trail (writes its anchor with security's
 *                                atomic write)
 *   records                      repositories (a handout's PDF is drawn by pdf/)
 *   backup, export, demo         backups and restore; exports; the demo clinic
 *   backend                      the backend factory, dispatch, session, handlers
 *   preview                      the browser preview's HTTP server around the backend
 *   electron, launcher           the Electron shell; `npm start`
 * tests/unit/layers.test.ts lints a file placed in each folder with a forbidden import, and walks
 * the whole tree for cycles between folders.
 */
export const MAIN_LAYERS = [
  ['util'],
  ['db', 'files', 'pdf'],
  ['security'],
  ['audit'],
  ['records'],
  ['backup', 'export', 'demo'],
  ['backend'],
  ['preview'],
  ['electron', 'launcher'],
];

/** Files are matched depth by depth, so a relative import is resolved exactly; deeper files fail the layers test. */
export const LAYER_MAX_DEPTH = 8;

const SOURCE = '{ts,tsx,mts,mjs,js}';
/** A relative import climbing exactly `n` folders (`../../` for 2). */
const climb = (n) => `^(\\.\\./){${n}}`;
const listed = (names) => `(${names.join('|')})(/|$)`;

/** One config per depth below `folder` (depth 1: files directly in it), rule options built per depth. */
function perDepth(folder, patternsAt) {
  return Array.from({ length: LAYER_MAX_DEPTH }, (_, i) => {
    const depth = i + 1;
    return {
      files: [`${folder}/${'*/'.repeat(i)}*.${SOURCE}`],
      rules: { 'no-restricted-imports': ['error', { patterns: patternsAt(depth) }] },
    };
  });
}

const sharedLayer = perDepth('shared', (depth) => [
  { group: ['electron', ...NODE_BUILTINS], message: 'shared/ is pure: no Electron and no Node built-ins.' },
  { regex: climb(depth), message: 'shared/ imports nothing of ours outside shared/.' },
]);

const rendererLayer = perDepth('renderer', (depth) => [
  { group: ['electron', ...NODE_BUILTINS], message: 'The renderer is a web page: no Electron and no Node.' },
  {
    regex: `${climb(depth)}(?!shared/)`,
    message: 'The renderer imports only shared/ (and itself); it talks to main/ through the IPC contract.',
  },
]);

const mainLayers = MAIN_LAYERS.flatMap((layer, rank) =>
  layer.flatMap((folder) => {
    const above = MAIN_LAYERS.slice(rank)
      .flat()
      .filter((other) => other !== folder);
    return perDepth(`main/${folder}`, (depth) => [
      ...(folder === 'electron'
        ? []
        : [{ group: ['electron'], message: 'Only the Electron shell (main/electron/) may import electron.' }]),
      {
        regex: `${climb(depth)}${listed(above)}`,
        message: `main/${folder} is below ${above.map((f) => `main/${f}`).join(', ')} and imports none of them (MAIN_LAYERS in eslint.config.js).`,
      },
      {
        regex: `${climb(depth + 1)}(?!shared/)`,
        message: 'main/ imports nothing of ours outside main/ but shared/ (no renderer, no tests).',
      },
    ]);
  }),
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      'node_modules/',
      '.electron-native/',
      'test-results/',
      'playwright-report/',
      'tests/look/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/only-throw-error': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, even when empty.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Screens load their data in effects (fetch, then set state when it arrives); the rule
      // cannot tell that the state is set after an await.
      'react-hooks/set-state-in-effect': 'off',
      // Props declared with method syntax (onChange(value): void) are plain callbacks.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...sharedLayer,
  ...rendererLayer,
  ...mainLayers,
);
