'use strict';

const root = require('../../../jest.config.js');

const lwc = root.projects.find((project) => project.displayName === 'lwc');

module.exports = {
    ...lwc,
    displayName: 'lwc-screenshots',
    testMatch: ['<rootDir>/force-app/test/screenshots/*.shots.js'],
    testTimeout: 30000
};
