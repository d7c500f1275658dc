// ts-jest in ESM mode: the sources are ESM ("type": "module") and import with `.js` suffixes.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default', '<rootDir>/jest-plain-summary.js'],
  // The end-to-end suites run dist/: rebuild it first when src/ changed.
  globalSetup: '<rootDir>/jest.global-setup.js',
  // The end-to-end suites spawn dist/index.js; two workers suit the 2-core CI machine.
  maxWorkers: 2,
  // Generous: a loaded 2-core machine runs the end-to-end suites several times slower.
  testTimeout: 120000
}
