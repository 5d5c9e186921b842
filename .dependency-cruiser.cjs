/** Layer rules of DESIGN §4, checked on every `npm test` (STYLE.md §10). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain has no I/O: it imports no adapter, no use case, no resolver and no @forge package.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(jira|confluence|storage|resolvers|use-cases)/', '^src/index\\.ts$', 'node_modules/@forge/'] },
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
      name: 'resolvers-build-no-rest-paths',
      comment: 'Resolvers call use cases; only adapters talk to @forge/api.',
      severity: 'error',
      from: { path: '^src/(resolvers|use-cases)/' },
      to: { path: ['node_modules/@forge/api', 'node_modules/@forge/kvs'] },
    },
    {
      name: 'ui-imports-backend-types-only',
      comment:
        'The UI may import only the shared contract from src/, and only as types. One exception: the URL policy ' +
        '(src/domain/safe-url.ts), which the UI bundles so that what it opens and what the pages link is decided once.',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: ['^src/contract\\.ts$', '^src/domain/safe-url\\.ts$', '^src/domain/incident-commander\\.ts$'] },
    },
    {
      name: 'ui-contract-import-is-type-only',
      comment: 'The contract reaches the UI bundle as types only (`import type`); the URL policy is the one runtime import.',
      severity: 'error',
      from: { path: '^static/app/src/' },
      to: { path: '^src/', pathNot: ['^src/domain/safe-url\\.ts$', '^src/domain/incident-commander\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'url-policy-imports-nothing',
      comment: 'The UI bundles src/domain/safe-url.ts: it stays a leaf, so the exception above brings no other backend code along.',
      severity: 'error',
      from: { path: '^src/domain/safe-url\\.ts$' },
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
      name: 'ui-bridge-in-one-module',
      comment: 'Exactly one UI module talks to @forge/bridge (STYLE.md §7).',
      severity: 'error',
      from: { path: '^static/app/src/', pathNot: '^static/app/src/bridge\\.ts$' },
      to: { path: 'node_modules/@forge/bridge' },
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
