'use strict';

const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

/**
 * One jest run for everything: the LWC components (sfdx-lwc-jest) and all TypeScript
 * (scripts, container app, ticket server), each in its own project with its own environment.
 */
module.exports = {
    projects: [
        {
            ...lwcJestConfig,
            displayName: 'lwc',
            rootDir: __dirname,
            roots: ['<rootDir>/force-app'],
            // Custom Labels resolve to their English values (see force-app/test/jest-resolver.js).
            resolver: '<rootDir>/force-app/test/jest-resolver.js',
            // Platform modules whose sfdx-lwc-jest stubs do nothing, as lwc-recipes maps them.
            moduleNameMapper: {
                '^lightning/button$': '<rootDir>/force-app/test/jest-mocks/lightning/button/button',
                '^lightning/messageService$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/messageService',
                '^lightning/navigation$':
                    '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
                '^lightning/refresh$': '<rootDir>/force-app/test/jest-mocks/lightning/refresh',
                '^lightning/empApi$': '<rootDir>/force-app/test/jest-mocks/lightning/empApi'
            },
            setupFilesAfterEnv: [
                ...(lwcJestConfig.setupFilesAfterEnv ?? []),
                '<rootDir>/force-app/test/jest-setup.js'
            ]
        },
        {
            displayName: 'ts',
            rootDir: __dirname,
            testEnvironment: 'node',
            roots: ['<rootDir>/scripts', '<rootDir>/ticket-server'],
            testMatch: ['**/__tests__/**/*.test.ts'],
            transform: {
                '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]
            }
        },
        {
            // The container app (lwc-container-src): React in jsdom, UIKit's modules stubbed.
            displayName: 'container',
            rootDir: __dirname,
            testEnvironment: 'jsdom',
            roots: ['<rootDir>/lwc-container-src'],
            testMatch: ['**/__tests__/**/*.test.ts?(x)'],
            moduleNameMapper: {
                '^@sendbird/uikit-react/(.*)$':
                    '<rootDir>/lwc-container-src/src/test-support/uikit/$1'
            },
            transform: {
                '^.+\\.tsx?$': [
                    'ts-jest',
                    { tsconfig: '<rootDir>/lwc-container-src/tsconfig.test.json' }
                ]
            }
        },
        {
            // Browser and loopback-server tests: real chromium, real HTTP. Files end in .e2e.test.ts.
            displayName: 'e2e',
            rootDir: __dirname,
            testEnvironment: 'node',
            testMatch: ['<rootDir>/**/*.e2e.test.ts'],
            testPathIgnorePatterns: ['/node_modules/'],
            // Builds what the suites share before any of them runs (they run in parallel workers).
            globalSetup: '<rootDir>/scripts/test-support/e2e-global-setup.ts',
            transform: {
                '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]
            }
        }
    ],
    collectCoverageFrom: [
        'force-app/**/lwc/**/*.js',
        'scripts/**/*.ts',
        'lwc-container-src/src/**/*.{ts,tsx}',
        'ticket-server/src/**/*.ts',
        '!**/__tests__/**',
        '!**/*.test.{js,ts,tsx}',
        '!scripts/test-support/**',
        '!lwc-container-src/src/test-support/**',
        '!**/node_modules/**'
    ],
    coverageReporters: ['text-summary', 'text', 'lcov'],
    testTimeout: 30000
};
