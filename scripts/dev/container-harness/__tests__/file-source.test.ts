import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firstOf, folderSource } from '../file-source';

describe('folderSource', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harness-files-'));
    mkdirSync(path.join(dir, 'site', 'harness'), { recursive: true });
    writeFileSync(path.join(dir, 'site', 'index.html'), 'app');
    writeFileSync(path.join(dir, 'site', 'harness', 'host.html'), 'host');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const site = folderSource(path.join(dir, 'site'));

    it('reads files below its folder, and nothing above it', () => {
        expect(site('index.html')?.toString()).toBe('app');
        expect(site('missing.js')).toBeUndefined();
        expect(site('../secret.txt')).toBeUndefined();
        expect(site('harness')).toBeUndefined();
    });

    it('falls through to the next source', () => {
        const both = firstOf(folderSource(path.join(dir, 'site', 'harness')), site);
        expect(both('host.html')?.toString()).toBe('host');
        expect(both('index.html')?.toString()).toBe('app');
    });
});
