import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Layers import in one direction only:
 *   eventstore <- replay <- domain <- app <- ui
 * files/ (export, import) and pwa/ sit at the edges beside ui.
 * Each entry lists the folders a layer must never import from.
 */
const layers = {
  eventstore: ['replay', 'domain', 'app', 'ui', 'files', 'serviceworker'],
  replay: ['domain', 'app', 'ui', 'files', 'serviceworker'],
  domain: ['app', 'ui', 'files', 'serviceworker'],
  app: ['ui', 'serviceworker'],
  files: ['app', 'ui', 'serviceworker'],
  serviceworker: ['eventstore', 'replay', 'domain', 'app', 'ui', 'files'],
};

const pureLayers = new Set(['eventstore', 'replay', 'domain']);
const impurePackages = [
  { name: 'react', message: 'eventstore, replay and domain know nothing of React.' },
  { name: 'zustand', message: 'the memory image lives in src/app.' },
];

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(pureLayers.has(layer) ? impurePackages : []),
          ...(layer === 'replay' || layer === 'domain'
            ? [{ name: 'dexie', message: 'replay and domain are pure: go through the event store.' }]
            : []),
        ],
        patterns: forbidden.map((f) => ({
          group: [`**/${f}`, `**/${f}/**`],
          message: `src/${layer} must not import from src/${f}: imports point eventstore <- replay <- domain <- app <- ui.`,
        })),
      },
    ],
  },
}));

// Deciding and replaying stay pure: time and randomness come in as data.
const purity = {
  files: ['src/domain/**/*.ts', 'src/replay/**/*.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Time comes in as data: take a clock.' },
      { object: 'Math', property: 'random', message: 'Randomness comes in as data: take a random source.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in as data: take a clock.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'bench/out/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...layerRules,
  purity,
  {
    files: ['**/*.mjs', 'bin/**', 'test/e2e/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
