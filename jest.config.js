// Two projects, selected by file name: `*.test.ts` are pure unit tests that need nothing;
// `*.int.test.ts` talk to real Kafka, the schema registry and PostgreSQL, provided by
// test/harness/global-setup.ts (env vars, else Testcontainers, else the embedded local stack).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  roots: ['<rootDir>/services', '<rootDir>/schemas', '<rootDir>/connectors', '<rootDir>/infra', '<rootDir>/test', '<rootDir>/bench'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/integration-setup.ts'],
    },
  ],
};
