import { readFileSync } from 'node:fs';
import { sfCommandProblems } from '../../test-support/sf-cli-manifest';
import { OrgUsageError } from '../org-args';
import {
    CORE_ONLY_DEFINITION,
    createdUsername,
    definitionHasKnowledge,
    knowledgeUserArgs,
    PRIVATE_SHARING_DEFINITION,
    SCRATCH_DEFINITION,
    parseScratchArgs,
    scratchCreateArgs,
    scratchOutcome
} from '../org-scratch';
import { outcome } from '../../test-support/sf-fixtures';

describe('parseScratchArgs', () => {
    it('has defaults and takes alias, duration, Dev Hub and wait', () => {
        expect(parseScratchArgs([], {})).toEqual({
            alias: 'sendbird-dev',
            definitionFile: 'config/project-scratch-def.json',
            durationDays: 7,
            devHub: undefined,
            waitMinutes: 15
        });
        expect(
            parseScratchArgs(['-a', 'ci', '--duration-days', '1', '--wait', '20'], {
                SF_TARGET_DEV_HUB: 'hub'
            })
        ).toEqual({
            alias: 'ci',
            definitionFile: SCRATCH_DEFINITION,
            durationDays: 1,
            devHub: 'hub',
            waitMinutes: 20
        });
        expect(
            parseScratchArgs(['--target-dev-hub', 'other'], { SF_TARGET_DEV_HUB: 'hub' }).devHub
        ).toBe('other');
    });

    it('rejects unknown options and durations sf would refuse, with the usage', () => {
        expect(() => parseScratchArgs(['--days', '3'], {})).toThrow(OrgUsageError);
        expect(() => parseScratchArgs(['--duration-days', '31'], {})).toThrow(
            /--duration-days must be a whole number from 1 to 30[\s\S]*Usage: npm run org:create/
        );
        expect(() => parseScratchArgs(['--duration-days', 'two'], {})).toThrow(OrgUsageError);
    });

    it('takes another definition file, and refuses one that does not exist', () => {
        expect(
            parseScratchArgs(['--definition-file', CORE_ONLY_DEFINITION], {}).definitionFile
        ).toBe(CORE_ONLY_DEFINITION);
        expect(() => parseScratchArgs(['--definition-file', 'config/nope.json'], {})).toThrow(
            /--definition-file config\/nope\.json does not exist[\s\S]*Usage: npm run org:create/
        );
    });
});

describe('the scratch org definitions', () => {
    const read = (file: string) =>
        JSON.parse(readFileSync(file, 'utf8')) as {
            features: string[];
            settings: Record<string, unknown>;
            objectSettings?: Record<string, { sharingModel?: string }>;
        };

    it('has a Private Case sharing variant of the project org, otherwise the same', () => {
        const base = read(SCRATCH_DEFINITION);
        const privateSharing = read(PRIVATE_SHARING_DEFINITION);
        expect(privateSharing.objectSettings).toEqual({ case: { sharingModel: 'private' } });
        expect(privateSharing.features).toEqual(base.features);
        expect(privateSharing.settings).toEqual(base.settings);
        expect(base.objectSettings).toBeUndefined();
    });

    it('has a core-only org: no Omni-Channel, no Knowledge, Private Case sharing', () => {
        const core = read(CORE_ONLY_DEFINITION);
        expect(core.features).not.toContain('Knowledge');
        expect(Object.keys(core.settings)).not.toContain('omniChannelSettings');
        expect(Object.keys(core.settings)).not.toContain('knowledgeSettings');
        expect(core.objectSettings).toEqual({ case: { sharingModel: 'private' } });
        expect(definitionHasKnowledge(CORE_ONLY_DEFINITION)).toBe(false);
        expect(definitionHasKnowledge(PRIVATE_SHARING_DEFINITION)).toBe(true);
    });
});

describe('scratchCreateArgs', () => {
    it('creates from the project definition with flags the installed sf accepts', () => {
        const args = scratchCreateArgs({
            alias: 'ci',
            definitionFile: SCRATCH_DEFINITION,
            durationDays: 1,
            devHub: 'hub',
            waitMinutes: 15
        });
        expect(args.join(' ')).toBe(
            'org create scratch --definition-file config/project-scratch-def.json --alias ci --duration-days 1 --set-default --wait 15 --target-dev-hub hub'
        );
        expect(sfCommandProblems(args)).toEqual([]);
    });
});

describe('scratchOutcome', () => {
    const options = {
        alias: 'ci',
        definitionFile: SCRATCH_DEFINITION,
        durationDays: 1,
        waitMinutes: 15
    };

    it('explains how to get a Dev Hub when there is none', () => {
        const { ok, message } = scratchOutcome(outcome('scratch-no-dev-hub'), options);
        expect(ok).toBe(false);
        expect(message).toContain('No Dev Hub to create a scratch org from');
        expect(message).toContain('npx sf org login web --set-default-dev-hub --alias devhub');
    });

    it('names a Dev Hub alias that is not logged in', () => {
        const { message } = scratchOutcome(outcome('error-not-logged-in'), {
            ...options,
            devHub: 'my-org'
        });
        expect(message).toContain('You are not logged in to the Dev Hub "my-org"');
    });

    it('says what was created and what to run next', () => {
        const created = scratchOutcome(
            {
                ok: true,
                status: 0,
                result: { username: 'test-ab12cd34ef56@example.com', orgId: '00D5g000000TeStEAK' }
            },
            options
        );
        expect(created).toEqual({
            ok: true,
            message: expect.stringContaining(
                'Scratch org "ci" (test-ab12cd34ef56@example.com, 00D5g000000TeStEAK) lives 1 days'
            )
        });
        expect(created.message).toContain('npm run deploy -- --target-org ci --assign');
    });
});

describe('the Knowledge User step', () => {
    it('reads the new username and ticks Knowledge User on it, with flags sf accepts', () => {
        const created = {
            ok: true as const,
            status: 0,
            result: { username: 'test-ab12@example.com' }
        };
        expect(createdUsername(created)).toBe('test-ab12@example.com');
        expect(createdUsername(outcome('scratch-no-dev-hub'))).toBeUndefined();
        const args = knowledgeUserArgs('ci', 'test-ab12@example.com');
        expect(args.join(' ')).toBe(
            "data update record --sobject User --where Username='test-ab12@example.com' --values UserPermissionsKnowledgeUser=true --target-org ci"
        );
        expect(sfCommandProblems(args)).toEqual([]);
    });
});
