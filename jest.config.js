/** Unit specs sit beside the code; end-to-end specs in test/ drive the real stack. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }];
const moduleNameMapper = {
  '^@app/contracts(|/.*)$': '<rootDir>/libs/contracts/src$1',
  '^@app/platform(|/.*)$': '<rootDir>/libs/platform/src$1',
};

module.exports = {
  // Two spec files at a time, also on a two-core machine: the e2e and browser specs mostly wait on the
  // stack, and each file has its own data and client address (test/support/portal-client.ts).
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      // One service's module in this process on the real Postgres, Redis and NATS; its peers answered on NATS.
      displayName: 'service',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeouts.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      // test/security: the attacker's requests, one spec per boundary (see the README's security model).
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/security/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeouts.ts'],
    },
    {
      // The reference web portal in Chromium, on the same stack as the e2e specs (one global setup for both).
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeouts.ts'],
    },
  ],
};
