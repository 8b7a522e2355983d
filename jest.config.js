/**
 * ts-jest only transpiles: tsconfig.test.json sets isolatedModules, so each file is compiled alone with no
 * type check (fast); the type check runs separately in CI (`npm run typecheck` in .ci/run).
 * Every core works: the suites wait on nothing real (deadlines are injected), so two workers halve the run.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  maxWorkers: '100%',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
    // ES-module-only dependencies of the Alexa+ add-on (see the file).
    '/node_modules/(jose|@modelcontextprotocol/ext-apps)/.+\\.js$': '<rootDir>/test/support/esmToCjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/|@modelcontextprotocol/ext-apps/)'],
  setupFiles: ['<rootDir>/test/support/jestSetup.ts'],
  testTimeout: 20000,
};
