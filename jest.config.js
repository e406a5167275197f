/** Jest projects: unit (pure domain), integration (dynalite + local SES), e2e (headless Chromium), infra (CDK template). */
const tsJest = ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'bundler', isolatedModules: true, esModuleInterop: true, resolveJsonModule: true, target: 'ES2022' } }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/quiet-env.ts'],
};
module.exports = {
  // A global option (jest ignores it inside projects): stacks, browsers and CDK synths take seconds.
  testTimeout: 120_000,
  // The privacy audit: everything the product logs during the run is scanned for emails and names.
  transform: { '^.+\\.tsx?$': tsJest },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
  ],
};
