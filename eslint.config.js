'use strict';

const { defineConfig, globalIgnores } = require('eslint/config');
const eslintJs = require('@eslint/js');
const globals = require('globals');
const jestPlugin = require('eslint-plugin-jest');
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const auraPlugin = require('@salesforce/eslint-plugin-aura');
const tseslint = require('typescript-eslint');

module.exports = defineConfig([
    globalIgnores([
        '**/node_modules/',
        '**/dist/',
        'coverage/',
        '.sf/',
        '.sfdx/',
        '**/.parcel-cache/',
        '**/staticresources/'
    ]),

    // Aura: the utility-bar host
    {
        files: ['force-app/**/aura/**/*.js'],
        ignores: ['force-app/**/aura/**/__tests__/**'],
        extends: [...auraPlugin.configs.recommended, ...auraPlugin.configs.locker],
        // An Aura controller or helper file is a bare object literal (as in the SFDX template).
        rules: { 'no-unused-expressions': 'off', 'func-names': 'off', 'vars-on-top': 'off' }
    },

    // Aura controller tests (jest, node)
    {
        files: ['force-app/**/aura/**/__tests__/**/*.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: {
            globals: { ...globals.node, ...jestPlugin.environments.globals.globals }
        }
    },

    // LWC components
    {
        files: ['force-app/**/lwc/**/*.js'],
        extends: [lwcRecommended]
    },

    // LWC jest tests
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js'],
        extends: [lwcRecommended],
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
        languageOptions: {
            globals: { ...globals.node, ...jestPlugin.environments.globals.globals }
        }
    },

    // Platform module mocks for jest (some are LWC components, e.g. lightning-button)
    {
        files: ['force-app/test/jest-mocks/**/*.js'],
        extends: [lwcRecommended],
        languageOptions: {
            sourceType: 'module',
            ecmaVersion: 'latest',
            globals: { ...globals.node, ...jestPlugin.environments.globals.globals }
        }
    },

    // The jest-DOM screenshots of the LWCs (jest files, their helpers and a fixture component)
    {
        files: ['force-app/test/screenshots/**/*.js'],
        ignores: ['force-app/test/screenshots/jest.config.js'],
        extends: [lwcRecommended],
        languageOptions: {
            sourceType: 'module',
            ecmaVersion: 'latest',
            globals: { ...globals.node, ...jestPlugin.environments.globals.globals }
        }
    },
    {
        files: ['force-app/test/screenshots/jest.config.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    },

    // TypeScript: scripts, the container app and the ticket server
    {
        files: ['**/*.ts', '**/*.tsx'],
        extends: [eslintJs.configs.recommended, ...tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },

    // TypeScript tests
    {
        files: ['**/__tests__/**/*.ts', '**/__tests__/**/*.tsx'],
        extends: [jestPlugin.configs['flat/recommended']]
    },

    // Tooling configuration files (CommonJS)
    {
        files: ['*.js', '.ci/**/*.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
]);
