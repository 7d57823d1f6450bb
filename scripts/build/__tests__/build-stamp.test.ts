import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleInputs, forgetBuildStamp, isBuildCurrent, writeBuildStamp } from '../build-stamp';

const STAMP = path.join('dist', 'page.inputs.json');
const OUTPUT = path.join('dist', 'page');

describe('build stamp', () => {
    let root: string;
    const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
    };

    beforeEach(() => {
        root = mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
        write('src/App.tsx', 'export const App = 1;');
        write('package-lock.json', '{}');
        write(path.join(OUTPUT, 'index.html'), '<html></html>');
        writeBuildStamp(root, STAMP, [path.join(root, 'src/App.tsx'), 'package-lock.json']);
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('is current while no input has changed', () => {
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(true);
    });

    it('is not current once an input changes or disappears', () => {
        write('src/App.tsx', 'export const App = 2;');
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
        write('src/App.tsx', 'export const App = 1;');
        rmSync(path.join(root, 'package-lock.json'));
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
    });

    it('is not current without its output, or with a broken or empty stamp', () => {
        rmSync(path.join(root, OUTPUT), { recursive: true });
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
        write(path.join(OUTPUT, 'index.html'), '<html></html>');
        write(STAMP, '{ not json');
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
        write(STAMP, '{}');
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
        write(STAMP, '{ "files": {}, "settings": {} }');
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
    });

    it('is not current when a recorded setting differs, or one is added or dropped', () => {
        const inputs = ['src/App.tsx'];
        writeBuildStamp(root, STAMP, inputs, { VOICE: 'off' });
        expect(isBuildCurrent(root, STAMP, OUTPUT, { VOICE: 'off' })).toBe(true);
        expect(isBuildCurrent(root, STAMP, OUTPUT, { VOICE: 'on' })).toBe(false);
        expect(isBuildCurrent(root, STAMP, OUTPUT, {})).toBe(false);
        expect(isBuildCurrent(root, STAMP, OUTPUT, { VOICE: 'off', MORE: 'x' })).toBe(false);
    });

    it('takes a single output file as well as a folder', () => {
        write('dist/app.zip', 'zip');
        expect(isBuildCurrent(root, STAMP, 'dist/app.zip')).toBe(true);
        rmSync(path.join(root, 'dist/app.zip'));
        expect(isBuildCurrent(root, STAMP, 'dist/app.zip')).toBe(false);
    });

    it('leaves out node_modules (the lockfile stands for them) and files outside the project', () => {
        write('node_modules/react/index.js', 'react');
        writeBuildStamp(root, STAMP, [
            'src/App.tsx',
            'node_modules/react/index.js',
            path.join(os.tmpdir(), 'elsewhere.js')
        ]);
        write('node_modules/react/index.js', 'react, patched');
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(true);
    });

    it('is not current once forgotten (before a rebuild)', () => {
        forgetBuildStamp(root, STAMP);
        expect(isBuildCurrent(root, STAMP, OUTPUT)).toBe(false);
    });

    it("collects the extras and every bundle's assets, once each", () => {
        const bundle = (...files: string[]) => ({
            traverseAssets: (visit: (asset: { filePath: string }) => void) =>
                files.forEach((filePath) => visit({ filePath }))
        });
        const inputs = bundleInputs(
            [bundle('/p/src/App.tsx', '/p/src/api.ts'), bundle('/p/src/api.ts', '/p/index.css')],
            ['package-lock.json']
        );
        expect([...inputs]).toEqual([
            'package-lock.json',
            '/p/src/App.tsx',
            '/p/src/api.ts',
            '/p/index.css'
        ]);
    });
});
