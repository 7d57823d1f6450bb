import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import type { Finding } from '../shared/findings';

/** SDR skips XML it cannot parse instead of failing; this catches truncated or broken files. */
export function malformedXml(files: string[]): Finding[] {
    return files
        .filter((file) => file.endsWith('.xml'))
        .flatMap((file) => {
            const result = XMLValidator.validate(readFileSync(file, 'utf8'));
            if (result === true) return [];
            const { line, col, msg } = result.err;
            return [{ file, line, column: col, message: `XML is not well formed: ${msg}` }];
        });
}
