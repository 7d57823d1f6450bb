'use strict';

/**
 * sfdx-lwc-jest's resolver, plus Custom Labels: `@salesforce/label/c.Name` resolves to a module
 * whose default export is the label's value in CustomLabels.labels-meta.xml, so tests and the
 * jest-DOM screenshots show the text an English-speaking user reads. (Without this, every label
 * is its own name, "c.Name".) A label missing from the file is left to sfdx-lwc-jest's fallback,
 * so no jest test fails on it; `npm run check:metadata` does (scripts/checks/metadata/custom-labels.ts).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const lwcResolver = require('@salesforce/sfdx-lwc-jest/src/resolver');
const { readLabels } = require('./labels');

const LABEL = /^@salesforce\/label\/c\.(\w+)$/;
const OUT = path.join(os.tmpdir(), `sendbird-jest-labels-${process.getuid?.() ?? 'user'}`);

let labels;

function labelModule(name) {
    labels ??= readLabels();
    if (!labels.has(name)) {
        return undefined;
    }
    const source = `module.exports = { __esModule: true, default: ${JSON.stringify(labels.get(name))} };\n`;
    // Named by content and written by rename: parallel jest workers never read a half file.
    const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
    const file = path.join(OUT, `${name}-${hash}.js`);
    if (!fs.existsSync(file)) {
        fs.mkdirSync(OUT, { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, source);
        fs.renameSync(partial, file);
    }
    return file;
}

module.exports = function resolve(modulePath, options) {
    const label = LABEL.exec(modulePath);
    if (label) {
        const file = labelModule(label[1]);
        if (file) {
            return file;
        }
    }
    return lwcResolver(modulePath, options);
};
