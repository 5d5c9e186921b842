/** One config, four suites; `npm test` runs them all, `npx jest --selectProjects unit` one. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  // Atlaskit's components import their build-time CSS; in Node a stylesheet is nothing to run.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/support/style-stub.cjs' },
};

// The tests within a file run in random order, so none can lean on what another left behind (a failing file names
// its seed; `--seed <n>` replays it). `randomize` is global in Jest: a runner turns it on for these projects only.
const randomOrder = { testRunner: '<rootDir>/test/support/random-order-runner.cjs' };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'], ...randomOrder },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      ...randomOrder,
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.cjs'],
    },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
