/** Unit tests and end-to-end HTTP tests share one runner; type checking happens once in `pretest` (tsc),
 *  so ts-jest only transpiles (isolatedModules) and the suite stays fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 20000,
};
