import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Layers are folders under src/ and import in one direction only:
 *   eventstore <- replay <- domain <- app <- ui <- main.tsx
 * files/ (export, import) and serviceworker/ sit at the edges; lib/ holds tiny
 * helpers every layer may use. eslint-plugin-boundaries resolves each import
 * (static, dynamic and re-export) to the file it names, so the rules follow
 * folders rather than spellings of paths. docs/architecture.md draws the same map.
 */
const elements = [
  // Single files are elements in 'file' mode: folder patterns would swallow every layer beneath them.
  { type: 'main', pattern: 'src/main.tsx', mode: 'file' },
  { type: 'eventstore', pattern: 'src/eventstore' },
  { type: 'replay', pattern: 'src/replay' },
  { type: 'domain', pattern: 'src/domain' },
  { type: 'app', pattern: 'src/app' },
  { type: 'files', pattern: 'src/files' },
  { type: 'serviceworker', pattern: 'src/serviceworker' },
  { type: 'lib', pattern: 'src/lib' },
  // Pieces every screen shares: components and the React door to the ledger.
  { type: 'ui-shared', pattern: ['src/ui/components', 'src/ui/ledger'], stopMatching: true },
  // Composition: the router and the shell put features side by side.
  { type: 'ui-composition', pattern: 'src/ui/App.tsx', mode: 'file', stopMatching: true },
  { type: 'ui-composition', pattern: 'src/ui/shell', stopMatching: true },
  { type: 'ui-feature', pattern: 'src/ui/*', capture: ['feature'] },
  // The sync server (Node): the app's pure domain and lib only, and nothing imports it.
  { type: 'server', pattern: 'server' },
];

const ui = ['ui-shared', 'ui-composition', 'ui-feature'];

/** What each layer may import besides itself (lib is open to all). */
const allowed = {
  main: [...ui, 'app', 'serviceworker'],
  eventstore: [],
  replay: ['eventstore'],
  domain: ['replay'],
  app: ['domain', 'replay', 'eventstore', 'files', 'serviceworker'],
  files: ['domain', 'replay', 'eventstore'],
  serviceworker: [],
  lib: [],
  'ui-shared': ['ui-shared', 'app', 'domain'],
  'ui-feature': ['ui-shared', 'app', 'domain'],
  'ui-composition': [...ui, 'app', 'domain'],
  server: ['domain'],
};

const direction =
  'imports point eventstore <- replay <- domain <- app <- ui (features apart, sharing ui/components); files and serviceworker sit at the edges; see docs/architecture.md.';

const packages = (sources) => ({ to: { module: { origin: 'external', source: sources } } });

const policies = [
  // Packages and Node built-ins are free unless a policy below names them.
  { from: { element: { types: '*' } }, allow: { to: { module: { origin: ['external', 'core'] } } } },
  ...Object.entries(allowed).map(([type, types]) => ({
    from: { element: { type } },
    allow: { to: { element: { types: { anyOf: [type, 'lib', ...types] } } } },
  })),
  {
    from: { element: { type: 'domain' } },
    allow: { to: { element: { type: 'eventstore' } }, dependency: { kind: 'type' } },
  },
  {
    from: { element: { type: 'domain' } },
    disallow: { to: { element: { type: 'eventstore' } }, dependency: { kind: 'value' } },
    message: 'The domain is pure: it may name event store types (import type) but the I/O happens in src/app.',
  },
  {
    from: { element: { types: { anyOf: ui } } },
    disallow: { to: { element: { types: { anyOf: ['eventstore', 'replay', 'files', 'serviceworker'] } } } },
    message:
      'The UI goes through src/app, the one door: ask src/app for this (a query, a command, or a re-exported type) instead of importing {{ to.element.type }}.',
  },
  {
    from: { element: { types: { anyOf: ui } } },
    disallow: { to: { element: { type: 'app', fileInternalPath: '!index.ts' } } },
    message: 'The UI enters src/app by its door, src/app/index.ts: export what the screens need from there.',
  },
  {
    from: { element: { type: 'lib' } },
    disallow: { to: { element: { types: '*' } } },
    message: 'src/lib imports nothing from src: it is the ground every layer stands on.',
  },
  {
    from: { element: { type: 'ui-feature' } },
    disallow: { to: { element: { type: 'ui-feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
    message:
      'src/ui/{{ from.element.captured.feature }} may not import src/ui/{{ to.element.captured.feature }}: features do not import each other; move the shared piece to src/ui/components, or compose the two in src/ui/shell or src/ui/App.tsx.',
  },
  {
    from: { element: { type: '!eventstore' } },
    disallow: packages('dexie'),
    message: 'Only src/eventstore sees Dexie: use the event store (or src/app) instead.',
  },
  {
    from: { element: { types: { noneOf: [...ui, 'main'] } } },
    disallow: packages(['react', 'react-dom']),
    message: 'React lives in src/ui and src/main.tsx: expose plain data and subscriptions instead.',
  },
  {
    from: { element: { types: { noneOf: [...ui, 'app', 'serviceworker'] } } },
    disallow: packages('zustand'),
    message: 'Stores live in src/app, src/ui and src/serviceworker: lower layers return data.',
  },
];

const layerRules = {
  files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
  ignores: ['src/vite-env.d.ts'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': elements,
    'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
    // The plugin marks 'file' mode as legacy; it is the one way to make a lone file an element.
    'boundaries/legacy-warnings': false,
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        checkAllOrigins: true,
        checkUnknownLocals: true,
        message: `{{ from.element.type }} may not import "{{ dependency.source }}" ({{ to.element.type }}): ${direction}`,
        policies,
      },
    ],
    // A file outside every layer would escape the rules above: each new folder joins the map first.
    'boundaries/no-unknown-files': 'error',
  },
};

const clock = 'Time comes in as data: take a clock.';
const random = 'Randomness comes in as data: take a random source.';
const io = (what) => `The domain is pure: ${what}. The app layer passes it in as data or does the I/O itself.`;

// Deciding and replaying stay pure: time and randomness come in as data.
const replayPurity = {
  files: ['src/domain/**/*.ts', 'src/replay/**/*.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: clock },
      { object: 'Math', property: 'random', message: random },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clock },
      { selector: "CallExpression[callee.name='Date']", message: clock },
    ],
  },
};

// The domain also keeps away from the browser: no ids, locks, storage, network or timers of its own.
const browserGlobals = [
  ['navigator', io('locks and other browser services belong to src/app')],
  ['crypto', io('ids and hashes of random bytes come in as data (take an id source)')],
  ['window', io('the browser belongs to src/app and src/ui')],
  ['self', io('the browser belongs to src/app and src/ui')],
  ['document', io('the page belongs to src/ui')],
  ['indexedDB', io('storage belongs to src/eventstore')],
  ['localStorage', io('storage belongs to src/eventstore and src/app')],
  ['sessionStorage', io('storage belongs to src/eventstore and src/app')],
  ['fetch', io('the network belongs to src/app')],
  ['setTimeout', io('timers belong to src/app; time comes in as data')],
  ['setInterval', io('timers belong to src/app; time comes in as data')],
  ['performance', io('time comes in as data: take a clock')],
  ['BroadcastChannel', io('talking to other tabs belongs to src/app')],
];
const domainPurity = {
  files: ['src/domain/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-globals': ['error', ...browserGlobals.map(([name, message]) => ({ name, message }))],
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: clock },
      { object: 'Math', property: 'random', message: random },
      ...browserGlobals.map(([property, message]) => ({ object: 'globalThis', property, message })),
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
  layerRules,
  replayPurity,
  domainPurity,
  {
    files: ['**/*.mjs', 'bin/**', 'test/e2e/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
