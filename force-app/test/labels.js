'use strict';

/**
 * Reads force-app's Custom Labels (one file, CustomLabels.labels-meta.xml) for the jest tests.
 */
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, '..', 'main', 'shared', 'labels', 'CustomLabels.labels-meta.xml');

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function decode(text) {
    return text.replace(/&(lt|gt|amp|quot|apos);/g, (entity) => ENTITIES[entity]);
}

/** @returns {Map<string, string>} label name → value, in file order */
function readLabels() {
    const xml = fs.readFileSync(FILE, 'utf8');
    const labels = new Map();
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
        const value = /<value\s*>([\s\S]*?)<\/value>/.exec(block)?.[1];
        if (name && value !== undefined) {
            labels.set(name, decode(value));
        }
    }
    return labels;
}

module.exports = { FILE, readLabels };
