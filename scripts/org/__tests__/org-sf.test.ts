import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSfJson, projectSf } from '../org-sf';
import { fixture } from '../../test-support/sf-fixtures';

describe('parseSfJson', () => {
    it('reads a success, an error envelope and a result with a failing status', () => {
        expect(parseSfJson(fixture('objects-plain'))).toMatchObject({ ok: true, status: 0 });
        expect(parseSfJson(fixture('scratch-no-dev-hub'))).toEqual({
            ok: false,
            status: 1,
            name: 'NoDefaultDevHubError',
            message:
                'No default dev hub found. Use -v or --target-dev-hub to specify an environment.'
        });
        expect(parseSfJson('{"status":100,"result":{"summary":{}}}')).toMatchObject({
            ok: false,
            status: 100,
            result: { summary: {} }
        });
    });

    it('turns output that is not JSON into a readable failure', () => {
        expect(parseSfJson('Warning: update available\n')).toEqual({
            ok: false,
            status: 1,
            name: 'UnreadableOutput',
            message: 'sf printed Warning: update available'
        });
    });
});

describe('projectSf', () => {
    let root: string;
    beforeEach(() => {
        root = mkdtempSync(path.join(os.tmpdir(), 'sendbird-sf-'));
        mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
        // A stand-in sf that echoes its arguments and some environment variables as sf's JSON.
        const sf = path.join(root, 'node_modules', '.bin', 'sf');
        writeFileSync(
            sf,
            '#!/bin/sh\nprintf \'{"status":0,"result":{"args":"%s","channel":"%s","telemetry":"%s","autoupdate":"%s"}}\' "$*" "$SENDBIRD_CASE_SERVICE_CHANNEL" "$SF_DISABLE_TELEMETRY" "$SF_DISABLE_AUTOUPDATE"\n'
        );
        chmodSync(sf, 0o755);
    });
    afterEach(() => {
        rmSync(root, { recursive: true, force: true });
        delete process.env.SENDBIRD_CASE_SERVICE_CHANNEL;
    });

    it("runs the project's sf with --json, quietly, in the environment of the moment", async () => {
        const sf = projectSf(root);
        process.env.SENDBIRD_CASE_SERVICE_CHANNEL = 'Cases';
        expect(await sf.json(['org', 'display'])).toEqual({
            ok: true,
            status: 0,
            result: {
                args: 'org display --json',
                channel: 'Cases',
                telemetry: 'true',
                // oclif's update hook reads this name only; without it each call spawned an updater.
                autoupdate: 'true'
            }
        });
    });

    it('says to run npm ci when sf is missing', async () => {
        const outcome = await projectSf(path.join(root, 'nowhere')).json(['org', 'list']);
        expect(outcome).toMatchObject({ ok: false, name: 'SfNotRunnable' });
        expect(outcome.ok === false && outcome.message).toContain('Run npm ci first');
    });
});
