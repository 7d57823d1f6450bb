import { readFileSync } from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { listApexFiles, readProject } from '../project/project';
import { memoBySource } from './shared/source-memo';

const SHOWN_ALTERNATIVES = 6;

/** ANTLR lists every token it could accept (often 200+); keep the first few so the line stays readable. */
export function shortenExpected(message: string): string {
    return message.replace(/expecting \{(.*)\}/, (whole, list: string) => {
        const tokens = list.split(', ');
        if (tokens.length <= SHOWN_ALTERNATIVES) return whole;
        const more = tokens.length - SHOWN_ALTERNATIVES;
        return `expecting one of ${tokens.slice(0, SHOWN_ALTERNATIVES).join(', ')}, … (${more} more)`;
    });
}

class CollectingListener extends ApexErrorListener {
    readonly errors: { line: number; column: number; message: string }[] = [];

    apexSyntaxError(line: number, column: number, message: string): void {
        // ANTLR columns are 0-based; editors count from 1.
        this.errors.push({ line, column: column + 1, message: shortenExpected(message) });
    }
}

type ApexSyntaxError = Omit<Finding, 'file'>;

function syntaxErrors(source: string, unit: 'trigger' | 'class'): ApexSyntaxError[] {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (unit === 'trigger') {
        parser.triggerUnit();
    } else {
        parser.compilationUnit();
    }
    return listener.errors;
}

const triggerSyntaxErrors = memoBySource((source) => syntaxErrors(source, 'trigger'));
const classSyntaxErrors = memoBySource((source) => syntaxErrors(source, 'class'));

/** Syntax errors of one Apex source; a `.trigger` parses as a trigger, anything else as a class. */
export function apexSyntaxErrors(file: string, source: string): Finding[] {
    const errors = file.endsWith('.trigger')
        ? triggerSyntaxErrors(source)
        : classSyntaxErrors(source);
    return errors.map((error) => ({ file, ...error }));
}

export async function checkApexSyntax(root: string): Promise<GateResult> {
    const files = listApexFiles(readProject(root));
    const findings = files.flatMap((file) => apexSyntaxErrors(file, readFileSync(file, 'utf8')));
    return { findings, summary: `${files.length} Apex files parsed.` };
}

export const apexSyntaxGate: Gate = { name: 'Apex syntax', check: checkApexSyntax };

if (require.main === module) {
    void runGateCommand(apexSyntaxGate);
}
