/** One config, four suites; `npm test` runs them all, `npx jest --selectProjects unit` one. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  // Atlaskit's components import their build-time CSS; in Node a stylesheet is nothing to run.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/support/style-stub.cjs' },
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'] },
    // Tests within a file run in a random order (the seed is printed, `--seed <n>` replays it), so none can lean on
    // what another left in the site. Each talks to a site in this process; 30 s, not 5, so a busy machine is not
    // mistaken for a failure.
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], randomize: true, testTimeout: 30_000 },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
