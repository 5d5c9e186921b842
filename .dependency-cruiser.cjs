/** Layer rules of docs/ARCHITECTURE.md#layers, checked on every `npm test` (docs/DECISIONS.md#strict-by-default). */
module.exports = {
  forbidden: [
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
        'The UI may import only the shared contract from src/, and only as types. Five exceptions the UI bundles as values, ' +
        'each a leaf: the vocabulary (src/vocabulary.ts: the lists and words both sides use), the URL policy ' +
        '(src/domain/safe-url.ts: what the UI opens and what the pages link is decided once), the duration format ' +
        '(src/domain/duration-format.ts: every surface writes a duration alike) and the commander rule ' +
        '(src/domain/incident-commander.ts: the form and the save keep one commander), and the chat transcript parsers ' +
        '(src/domain/chat-import/: the import dialog previews exactly what the parsers read).',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: ['^src/contract\\.ts$', '^src/vocabulary\\.ts$', '^src/domain/safe-url\\.ts$', '^src/domain/duration-format\\.ts$', '^src/domain/incident-commander\\.ts$', '^src/domain/chat-import/'] },
    },
    {
      name: 'ui-contract-import-is-type-only',
      comment: 'The contract reaches the UI bundle as types only (`import type`); the vocabulary, the URL policy and the duration format are the runtime imports.',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: ['^src/vocabulary\\.ts$', '^src/domain/safe-url\\.ts$', '^src/domain/duration-format\\.ts$', '^src/domain/incident-commander\\.ts$', '^src/domain/chat-import/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'url-policy-imports-nothing',
      comment: 'The UI bundles src/domain/safe-url.ts: it stays a leaf, so the exception above brings no other backend code along.',
      severity: 'error',
      from: { path: '^src/domain/safe-url\\.ts$' },
      to: {},
    },
    {
      name: 'vocabulary-imports-nothing',
      comment: 'The UI bundles src/vocabulary.ts: it stays a leaf, so it brings no other backend code along.',
      severity: 'error',
      from: { path: '^src/vocabulary\\.ts$' },
      to: {},
    },
    {
      name: 'duration-format-imports-nothing',
      comment: 'The UI bundles src/domain/duration-format.ts too: it stays a leaf for the same reason.',
      severity: 'error',
      from: { path: '^src/domain/duration-format\\.ts$' },
      to: {},
    },
    {
      name: 'commander-rule-imports-types-only',
      comment:
        'The UI also bundles src/domain/incident-commander.ts, so the form and the save keep "Incident commander" and the ' +
        "participants' commander role one fact by the same rule; it imports nothing but the contract's types.",
      severity: 'error',
      from: { path: '^src/domain/incident-commander\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'chat-parsers-stand-alone',
      comment: 'The UI bundles src/domain/chat-import/: its files import only each other, so no other backend code comes along.',
      severity: 'error',
      from: { path: '^src/domain/chat-import/' },
      to: { pathNot: '^src/domain/chat-import/' },
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
