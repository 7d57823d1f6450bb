import { readFileSync } from 'node:fs';
import type { Finding } from '../shared/findings';

const AURA_MARKUP = /\.(cmp|app|evt|intf|design|tokens)$/;
const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;
/** `{!…}` or `{#…}` with anything between the brace and the sigil, or spread over lines. */
const EXPRESSION_START = /\{\s*[!#]/;
const WELL_FORMED = /^\{[!#][^\n]*\}$/;

function lineAt(text: string, offset: number): number {
    return text.slice(0, offset).split('\n').length;
}

/**
 * Aura only evaluates an attribute that is exactly `{!expression}`. Formatters that treat
 * `onmessage="…"` as JavaScript (Prettier 3.7+) turn `{!c.handler}` into a block statement over
 * several lines, which deploys fine and then silently never calls the handler; SDR cannot see it.
 */
export function brokenAuraExpressions(files: string[]): Finding[] {
    return files
        .filter((file) => AURA_MARKUP.test(file))
        .flatMap((file) => {
            const text = readFileSync(file, 'utf8');
            return [...text.matchAll(ATTRIBUTE)]
                .filter(([, , value]) => EXPRESSION_START.test(value) && !WELL_FORMED.test(value))
                .map((match) => ({
                    file,
                    line: lineAt(text, match.index),
                    message: `Aura expression in ${match[1]} is not a single {!…} on one line; Aura will not evaluate it`
                }));
        });
}
