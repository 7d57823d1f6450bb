import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apexClassMeta } from '../../../project/apex-class-meta';
import { runApexLs, type ApexLsReport } from '../apex-ls';

/**
 * The apex-types gate keeps apex-ls's analysis cache between runs, and one apex-ls server checks
 * every workspace of a process. These runs prove, on the apex-ls this project pins, that neither
 * a warm cache nor a workspace checked before hides a change in what a class depends on.
 * They need Java, as the gate does, and fail with how to install it when it is missing.
 */
const CLASSES = path.join('force-app', 'main', 'default', 'classes');
const CASE_FIELD = path.join(
    'force-app',
    'main',
    'default',
    'objects',
    'Case',
    'fields',
    'Thing__c.field-meta.xml'
);

function messages(report: ApexLsReport): string[] {
    return report.files.flatMap((file) =>
        file.messages.map((message) => `${path.basename(file.path)}: ${message.message}`)
    );
}

describe('apex-ls with its cache', () => {
    let workspace: string;
    let cacheDir: string;
    const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
        writeFileSync(path.join(workspace, file), text);
    };
    /** A first run, which must leave entries in the cache (else the proofs below prove nothing). */
    const warmCache = async () => {
        expect(messages(await runApexLs(workspace, cacheDir))).toEqual([]);
        expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    };
    const writeClass = (name: string, source: string) => {
        write(path.join(CLASSES, `${name}.cls`), source);
        write(path.join(CLASSES, `${name}.cls-meta.xml`), apexClassMeta('65.0'));
    };

    beforeEach(() => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'apex-ls-cache-'));
        workspace = path.join(dir, 'workspace');
        cacheDir = path.join(dir, 'cache');
        write(
            'sfdx-project.json',
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '65.0'
            })
        );
        write(
            CASE_FIELD,
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Thing__c</fullName><label>Thing</label><length>10</length><type>Text</type></CustomField>\n'
        );
        writeClass('Helper', 'public class Helper { public static Integer foo() { return 1; } }\n');
        writeClass(
            'Caller',
            'public class Caller { public static void run() { Integer x = Helper.foo(); Object f = Case.Thing__c; } }\n'
        );
    });

    afterEach(() => rmSync(path.dirname(workspace), { recursive: true, force: true }));

    it('reports a call to a method renamed in another, unchanged-caller class', async () => {
        await warmCache();
        writeClass('Helper', 'public class Helper { public static Integer bar() { return 1; } }\n');
        expect(messages(await runApexLs(workspace, cacheDir))).toEqual([
            "Caller.cls: No matching method found for 'foo' on 'Helper' taking no arguments"
        ]);
    }, 60_000);

    it('reports a field that only a workspace checked before declares', async () => {
        await warmCache();
        const other = `${workspace}-without-field`;
        cpSync(workspace, other, { recursive: true });
        rmSync(path.join(other, CASE_FIELD));
        expect(messages(await runApexLs(other, cacheDir))).toEqual([
            "Caller.cls: Unknown field 'Thing__c' on SObject 'Schema.Case'"
        ]);
    }, 60_000);

    it('reports a field whose metadata was removed', async () => {
        await warmCache();
        rmSync(path.join(workspace, CASE_FIELD));
        expect(messages(await runApexLs(workspace, cacheDir))).toEqual([
            "Caller.cls: Unknown field 'Thing__c' on SObject 'Schema.Case'"
        ]);
    }, 60_000);
});
