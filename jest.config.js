/** Unit tests and end-to-end HTTP tests share one runner; type checking happens once in `pretest` (tsc),
 *  so ts-jest only transpiles (isolatedModules) and the suite stays fast.
 *  Two projects: every test on the embedded SQLite database, and the end-to-end tests of the features
 *  plus the scale-out tests (test/pg) again on a real PostgreSQL: a throwaway cluster made and removed by
 *  the project's global setup and teardown. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] }, // isolatedModules comes from tsconfig.json
};

/** The end-to-end suites that run on PostgreSQL as well: every feature's path through the database. */
const ON_POSTGRES = ['foundation', 'meetings', 'polls', 'socialMap', 'jobs', 'summaries', 'actorLookup', 'rosterImportLive'];

module.exports = {
  testTimeout: 20000,
  // A test that fails half-way can leave its bot open, and a runner that never exits hangs CI for hours.
  // Wijkbot's own clean shutdown is checked for real in test/e2e/process.test.ts (a child process that
  // must end on its own after stop()), so exiting here hides nothing of the product.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'sqlite',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/pg/'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
    },
    {
      ...shared,
      displayName: 'postgresql',
      testMatch: [...ON_POSTGRES.map((name) => `<rootDir>/test/e2e/${name}.test.ts`), '<rootDir>/test/pg/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/pgGlobalSetup.ts',
      globalTeardown: '<rootDir>/test/support/pgGlobalTeardown.ts',
      globals: { WIJKBOT_TEST_DB: 'postgresql' },
    },
  ],
};
