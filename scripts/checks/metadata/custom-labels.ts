import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Finding } from '../shared/findings';

const LABELS_FILE = /\.labels-meta\.xml$/;
/** An LWC module's label import (or a jest.mock of one): `'@salesforce/label/c.Name'`. */
const LWC_REFERENCE = /(['"])@salesforce\/label\/c\.(\w+)\1/g;
/** Aura markup `{!$Label.c.Name}` and controller or helper code `$A.get('$Label.c.Name')`. */
const AURA_REFERENCE = /\$Label\.c\.(\w+)/g;
const LWC_SOURCE = /[\\/]lwc[\\/][^\\/]+[\\/].+\.js$/;
const AURA_SOURCE = /[\\/]aura[\\/][^\\/]+[\\/][^\\/]+\.(cmp|app|evt|intf|design|js)$/;

const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });

/** The label names a CustomLabels file defines. */
function labelNames(file: string): string[] {
    const xml = parser.parse(readFileSync(file, 'utf8')) as {
        CustomLabels?: { labels?: { fullName?: unknown }[] };
    };
    return (xml.CustomLabels?.labels ?? [])
        .map((label) => label.fullName)
        .filter((name): name is string => typeof name === 'string');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Each label a source file names, with where: the `c.` name, not the quotes or `$Label`. */
function references(file: string, text: string): { name: string; offset: number }[] {
    if (LWC_SOURCE.test(file)) {
        return [...text.matchAll(LWC_REFERENCE)].map((match) => ({
            name: match[2],
            offset: match.index + match[0].indexOf('c.')
        }));
    }
    if (AURA_SOURCE.test(file)) {
        return [...text.matchAll(AURA_REFERENCE)].map((match) => ({
            name: match[1],
            offset: match.index + '$Label.'.length
        }));
    }
    return [];
}

/**
 * Custom Labels that LWC JavaScript (`@salesforce/label/c.Name`) or Aura markup and JavaScript
 * (`$Label.c.Name`) use but no `*.labels-meta.xml` of the package directories defines. The org
 * refuses such a component at deploy time; offline nothing else notices, because jest resolves a
 * label it cannot find to its own name ("c.Name") and every test still passes.
 */
export function missingCustomLabels(files: string[], root: string): Finding[] {
    const labelFiles = files.filter((file) => LABELS_FILE.test(file));
    const defined = new Set(labelFiles.flatMap(labelNames));
    const byLowerCase = new Map([...defined].map((name) => [name.toLowerCase(), name]));
    const where =
        labelFiles.length > 0
            ? labelFiles.map((file) => path.relative(root, file)).join(', ')
            : 'any *.labels-meta.xml (the package directories have none)';
    return files.flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return references(file, text)
            .filter(({ name }) => !defined.has(name))
            .map(({ name, offset }) => {
                const otherCase = byLowerCase.get(name.toLowerCase());
                return {
                    file,
                    ...lineAndColumn(text, offset),
                    message: otherCase
                        ? `Custom Label c.${name} is not in ${where}; it has ${otherCase} (the case differs)`
                        : `Custom Label c.${name} is not in ${where}`
                };
            });
    });
}
