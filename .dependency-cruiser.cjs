/**
 * Pure modules the UI bundles as values (everything else in src/ reaches the UI as types only):
 * each imports only the contract's types, the vocabulary or another module of this list.
 */
const UI_BUNDLED = [
  '^src/vocabulary\\.ts$',
  '^src/domain/safe-url\\.ts$',
  '^src/domain/duration-format\\.ts$',
  '^src/domain/incident-commander\\.ts$',
  '^src/domain/chat-import/',
  '^src/domain/factor-taxonomy\\.ts$',
  '^src/domain/insights-csv\\.ts$',
  '^src/domain/csv-cell\\.ts$',
  '^src/domain/zone-offset\\.ts$',
  '^src/domain/templates/(template-rules|default-template)\\.ts$',
];

/** Layer rules of docs/ARCHITECTURE.md#layers, checked on every `npm test` (docs/DECISIONS.md#strict-by-default). */
module.exports = {
  forbidden: [
    {
      name: 'ui-shared-does-not-climb',
      comment:
        'Shared UI pieces (components/, hooks/, the pure timeline-model/ and review-model/) are used by the features; ' +
        'a feature folder (screens/, timeline-tab/, review-tab/, publish/, macro/, summaries/, chat/, templates/) is never imported back by them.',
      severity: 'error',
      from: { path: '^static/app/src/(components|hooks|timeline-model|review-model)/' },
      to: { path: '^static/app/src/(screens|timeline-tab|review-tab|publish|macro|summaries|chat|templates)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain has no I/O: it imports no adapter, no use case, no resolver and no @forge package.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(jira|confluence|storage|http|resolvers|use-cases)/', '^src/index\\.ts$', 'node_modules/@forge/'] },
    },
    {
      name: 'backend-never-imports-ui',
      comment: 'The backend owns the contract; the UI imports it, never the other way round.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^static/' },
    },
    {
      name: 'backend-never-imports-local-site',
      comment: 'The same code runs on Forge and locally: the app cannot know the local site exists.',
      severity: 'error',
      from: { path: '^(src|static)/' },
      to: { path: '^local/' },
    },
    {
      name: 'product-adapters-stand-apart',
      comment:
        'Jira and Confluence adapters share only the generic HTTP code in src/http/ (retries, the bounded pool); ' +
        'neither imports the other.',
      severity: 'error',
      from: { path: '^src/(jira|confluence)/' },
      to: { path: '^src/(jira|confluence)/', pathNot: '^src/$1/' },
    },
    {
      name: 'resolvers-build-no-rest-paths',
      comment: 'Resolvers call use cases; only adapters talk to @forge/api.',
      severity: 'error',
      from: { path: '^src/(resolvers|use-cases)/' },
      to: { path: ['node_modules/@forge/api', 'node_modules/@forge/kvs'] },
    },
    {
      name: 'ui-imports-backend-types-only',
      comment:
        'The UI may import only the shared contract from src/, and only as types, and the pure modules of UI_BUNDLED as values ' +
        '(the vocabulary, the URL policy, the duration format, the commander rule, the chat parsers, the factor taxonomy, the insights CSV): ' +
        'what both sides must decide alike is decided once.',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: ['^src/contract(\\.ts$|/)', ...UI_BUNDLED] },
    },
    {
      name: 'ui-contract-import-is-type-only',
      comment: 'The contract reaches the UI bundle as types only (`import type`); the modules of UI_BUNDLED are the runtime imports.',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: UI_BUNDLED, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-bundled-modules-stand-alone',
      comment: 'A module the UI bundles (UI_BUNDLED) imports only another of them or the contract, so no other backend code comes along.',
      severity: 'error',
      from: { path: UI_BUNDLED },
      to: { pathNot: ['^src/contract(\\.ts$|/)', ...UI_BUNDLED] },
    },
    {
      name: 'ui-bundled-modules-use-contract-types-only',
      comment: 'The contract reaches a UI-bundled module as types only, as it reaches the UI.',
      severity: 'error',
      from: { path: UI_BUNDLED },
      to: { path: '^src/contract(\\.ts$|/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-bridge-in-one-module',
      comment: 'Exactly one UI module talks to @forge/bridge (docs/DECISIONS.md#one-bridge-module).',
      severity: 'error',
      from: { path: '^static/app/src/', pathNot: '^static/app/src/bridge\\.ts$' },
      to: { path: 'node_modules/@forge/bridge' },
    },
    {
      name: 'local-site-never-imports-tests',
      comment: 'The local site is a product users start (npm start); tests and benches use it, never the other way round.',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['\\.test\\.tsx?$'] },
  },
};
