/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest's CommonJS runtime cannot load.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/shims/office-addin-manifest.js' },
};
