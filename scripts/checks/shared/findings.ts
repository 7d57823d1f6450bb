import path from 'node:path';

/** One problem a gate found, located as precisely as the tool allows. */
export interface Finding {
    file: string;
    line?: number;
    column?: number;
    message: string;
}

/** `file:line:col: message`, with the file relative to `root` so editors and CI can jump to it. */
export function formatFinding(finding: Finding, root: string): string {
    const file = path.isAbsolute(finding.file) ? path.relative(root, finding.file) : finding.file;
    const where = [file, finding.line, finding.column].filter((part) => part !== undefined);
    return `${where.join(':')}: ${finding.message}`;
}
