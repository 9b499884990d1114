/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // two workers on a 2-core machine: suites that start a server or Chromium wait on I/O as much as on CPU
  maxWorkers: 2,
  // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest's CommonJS runtime cannot load.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/shims/office-addin-manifest.js' },
};
