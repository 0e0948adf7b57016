// One jest run, three tiers (docs/testing.md). ESM-only Nest 12 packages are loaded from the
// CommonJS test build through Node's require(esm); jest runs with --experimental-vm-modules for that.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }];
const common = {
  rootDir: '.',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};
const withServers = {
  ...common,
  // Creates one database per jest worker and runs the real migrations into it (test/setup).
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  setupFiles: ['<rootDir>/test/setup/per-file-env.ts'],
};
module.exports = {
  // A global option: inside a project jest ignores it.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // The console's pure helpers too (web/src/lib).
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/web/src/**/*.spec.ts',
      ],
    },
    {
      ...withServers,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    { ...withServers, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
