// Registers expect(element).toBeAccessible() for the LWC tests.
const { setup } = require('@sa11y/jest');

setup();
