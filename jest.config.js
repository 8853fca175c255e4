/** Unit tests and end-to-end HTTP tests share one runner; type checking happens once in `pretest` (tsc),
 *  so ts-jest only transpiles (isolatedModules) and the suite stays fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] }, // isolatedModules comes from tsconfig.json
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 20000,
  // A test that fails half-way can leave its bot open, and a runner that never exits hangs CI for hours.
  // Wijkbot's own clean shutdown is checked for real in test/e2e/process.test.ts (a child process that
  // must end on its own after stop()), so exiting here hides nothing of the product.
  forceExit: true,
};
