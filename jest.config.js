/** Type checking runs separately (npm run typecheck); ts-jest only transpiles, which keeps the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
    // ES-module-only dependencies of the Alexa+ add-on (see the file).
    '/node_modules/(jose|@modelcontextprotocol/ext-apps)/.+\\.js$': '<rootDir>/test/support/esmToCjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/|@modelcontextprotocol/ext-apps/)'],
  setupFiles: ['<rootDir>/test/support/jestSetup.ts'],
  testTimeout: 20000,
};
