import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readProject } from '../../project/project';

/**
 * Issue 13, finding 19: after `npm ci && npm run build`, a plain `sf project deploy start` must
 * deploy the core to any org. sf deploys sfdx-project.json's package directories, so this
 * converts exactly those with the project's real sf CLI (offline: `sf project convert source`
 * needs no org) and checks that the result holds nothing that needs Omni-Channel, Knowledge or
 * the OAuth app, and everything of force-app/main.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SF = path.join(ROOT, 'node_modules', '.bin', 'sf');
const RESOURCE = path.join(ROOT, 'force-app/main/agent-chat/staticresources/sendbird_bar.resource');

/** What a core-only org cannot take, by metadata type or by name. */
const NEEDS_A_FEATURE = [
    'ServiceChannel',
    'QueueRoutingConfig',
    'ServicePresenceStatus',
    'PresenceUserConfig',
    'AssignmentRules',
    'ExternalClientApplication',
    'ExtlClntAppOauthSettings',
    'ExtlClntAppGlobalOauthSettings',
    'ExtlClntAppOauthConfigurablePolicies',
    'ConnectedApp'
];

function sf(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
        execFile(SF, args, { cwd: ROOT, env }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
        );
    });
}

/** `Type:Name` of every member of a package.xml. */
function members(packageXml: string): string[] {
    const parsed = new XMLParser({
        isArray: (name) => name === 'types' || name === 'members'
    }).parse(packageXml) as { Package: { types: { name: string; members: string[] }[] } };
    return parsed.Package.types.flatMap((type) => type.members.map((m) => `${type.name}:${m}`));
}

describe('a plain sf project deploy start', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'sendbird-sf-home-'));
    const out = mkdtempSync(path.join(os.tmpdir(), 'sendbird-plain-convert-'));
    afterAll(() => {
        rmSync(home, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
    });

    it('deploys the core only: the default package directories hold nothing that needs a feature', async () => {
        if (!existsSync(RESOURCE)) {
            throw new Error(
                `${path.relative(ROOT, RESOURCE)} is missing: run npm run build (or npm test, which builds it) first.`
            );
        }
        const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, SF_DISABLE_TELEMETRY: 'true' };
        delete env.SF_APPLY_REPLACEMENTS_ON_CONVERT;
        const target = path.join(out, 'mdapi');
        const { code, output } = await sf(
            ['project', 'convert', 'source', '--output-dir', target, '--api-version', '65.0'],
            env
        );
        expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
        const converted = members(readFileSync(path.join(target, 'package.xml'), 'utf8'));

        const project = readProject(ROOT);
        expect(project.defaultDirectories).toEqual([path.join(ROOT, 'force-app/main')]);
        const types = new Set(converted.map((member) => member.split(':')[0]));
        for (const type of NEEDS_A_FEATURE) expect(types).not.toContain(type);
        for (const name of [
            'ApexTrigger:SendbirdAgentWorkTrigger',
            'ApexClass:SendbirdAgentWorkSync',
            'ApexClass:SendbirdKnowledgeArticles_Tests',
            'PermissionSet:Sendbird_Knowledge_Reader',
            'PermissionSet:Sendbird_Omni_Agent'
        ]) {
            expect(converted).not.toContain(name);
        }
        // And the core is all there.
        expect(converted).toEqual(
            expect.arrayContaining([
                'ApexTrigger:SendbirdCaseTrigger',
                'ApexClass:SendbirdHandoffResource',
                'StaticResource:sendbird_bar',
                'PermissionSet:Sendbird_Agent'
            ])
        );
    }, 120_000);
});
