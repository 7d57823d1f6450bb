import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firstOf, folderSource, snapshotSource } from '../file-source';

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

describe('snapshotSource', () => {
    it('serves the files a folder held when it was taken, by their paths with slashes', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'harness-snapshot-'));
        mkdirSync(path.join(dir, 'assets'));
        writeFileSync(path.join(dir, 'host.html'), 'host');
        writeFileSync(path.join(dir, 'assets', 'host.js'), 'script');
        const snapshot = snapshotSource(dir);

        rmSync(dir, { recursive: true });
        expect(snapshot('host.html')?.toString()).toBe('host');
        expect(snapshot('assets/host.js')?.toString()).toBe('script');
        expect(snapshot('assets')).toBeUndefined();
        expect(snapshot('missing.js')).toBeUndefined();
    });
});
