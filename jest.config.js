/** Type checking runs separately (npm run typecheck); ts-jest only transpiles, which keeps the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/jestSetup.ts'],
  testTimeout: 20000,
};
