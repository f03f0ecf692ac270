import { createDefaultEsmPreset } from 'ts-jest'

/** @type {import('jest').Config} */
export default {
  ...createDefaultEsmPreset({ tsconfig: 'tsconfig.json' }),
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // One real control plane (etcd, kube-apiserver, kube-controller-manager) for the whole run, built first
  // when this machine has not built the pinned version yet.
  globalSetup: '<rootDir>/test-support/jest-global-setup.js',
  globalTeardown: '<rootDir>/test-support/jest-global-teardown.js',
  testTimeout: 60000,
  // Integration tests start HTTPS servers and child processes; two workers on a 2-core machine.
  maxWorkers: 2
}
