// One jest run, three tiers (docs/testing.md). ESM-only Nest 12 packages are loaded from the
// CommonJS test build through Node's require(esm); jest needs --experimental-vm-modules for that.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }];
const common = {
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
  ],
};
