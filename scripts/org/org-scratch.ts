import { existsSync, readFileSync } from 'node:fs';
import { OrgUsageError, parseScriptArgs, wholeNumber } from './org-args';
import type { SfOutcome } from './org-sf';

/** The scratch org definition: Enterprise, Service Cloud, Omni-Channel, Knowledge. */
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';
/** The same org with a Private Case sharing model (CI's full job: issue 13, finding 4). */
export const PRIVATE_SHARING_DEFINITION = 'config/project-scratch-def.private-sharing.json';
/** Service Cloud without Omni-Channel and Knowledge, Private Case sharing (CI's core-only job). */
export const CORE_ONLY_DEFINITION = 'config/project-scratch-def.core-only.json';

export interface ScratchOptions {
    alias: string;
    definitionFile: string;
    durationDays: number;
    devHub?: string;
    waitMinutes: number;
}

export const SCRATCH_USAGE = `Usage: npm run org:create -- [--alias <alias>] [--definition-file <file>] [--duration-days <1-30>] [--target-dev-hub <alias>] [--wait <minutes>]
  --alias           the new org's alias (default sendbird-dev); it also becomes your default org
  --definition-file the scratch org definition (default ${SCRATCH_DEFINITION}; also
                    ${PRIVATE_SHARING_DEFINITION}, ${CORE_ONLY_DEFINITION})
  --duration-days   how long the org lives (default 7)
  --target-dev-hub  the Dev Hub to create it from (or SF_TARGET_DEV_HUB; default: sf's default Dev Hub)
  --wait            minutes to wait for the org (default 15)`;

export function parseScratchArgs(argv: string[], env: NodeJS.ProcessEnv): ScratchOptions {
    const values = parseScriptArgs(
        argv,
        {
            alias: { type: 'string', short: 'a' },
            'definition-file': { type: 'string', short: 'f' },
            'duration-days': { type: 'string', short: 'y' },
            'target-dev-hub': { type: 'string', short: 'v' },
            wait: { type: 'string', short: 'w' }
        },
        SCRATCH_USAGE
    );
    const definitionFile = values['definition-file'] ?? SCRATCH_DEFINITION;
    if (!existsSync(definitionFile)) {
        throw new OrgUsageError(
            `--definition-file ${definitionFile} does not exist.\n${SCRATCH_USAGE}`
        );
    }
    return {
        alias: values.alias ?? 'sendbird-dev',
        definitionFile,
        durationDays: wholeNumber(
            values['duration-days'],
            7,
            [1, 30],
            '--duration-days',
            SCRATCH_USAGE
        ),
        devHub: values['target-dev-hub'] ?? (env.SF_TARGET_DEV_HUB || undefined),
        waitMinutes: wholeNumber(values.wait, 15, [2, 120], '--wait', SCRATCH_USAGE)
    };
}

/** `sf org create scratch` for these options (the caller adds --json). */
export function scratchCreateArgs(options: ScratchOptions): string[] {
    return [
        'org',
        'create',
        'scratch',
        '--definition-file',
        options.definitionFile,
        '--alias',
        options.alias,
        '--duration-days',
        String(options.durationDays),
        '--set-default',
        '--wait',
        String(options.waitMinutes),
        ...(options.devHub ? ['--target-dev-hub', options.devHub] : [])
    ];
}

/** Whether a definition turns Knowledge on: only then is the admin made a Knowledge User. */
export function definitionHasKnowledge(definitionFile: string): boolean {
    const definition = JSON.parse(readFileSync(definitionFile, 'utf8')) as { features?: string[] };
    return (definition.features ?? []).some((feature) => feature.toLowerCase() === 'knowledge');
}

/**
 * Makes the scratch org's admin a Knowledge User. The definition turns Lightning Knowledge on,
 * but Knowledge__kav stays invisible to a user without that permission, and `npm run deploy`
 * would then skip force-app/knowledge.
 */
export function knowledgeUserArgs(alias: string, username: string): string[] {
    return [
        'data',
        'update',
        'record',
        '--sobject',
        'User',
        '--where',
        `Username='${username}'`,
        '--values',
        'UserPermissionsKnowledgeUser=true',
        '--target-org',
        alias
    ];
}

/** The username of a created scratch org, from `sf org create scratch --json`. */
export function createdUsername(outcome: SfOutcome): string | undefined {
    const result = outcome.ok ? (outcome.result as { username?: unknown } | undefined) : undefined;
    return typeof result?.username === 'string' ? result.username : undefined;
}

const LOGIN_DEV_HUB =
    'Log in to your Dev Hub once with: npx sf org login web --set-default-dev-hub --alias devhub (Dev Hub must be enabled in its Setup > Dev Hub).';

/** What to tell the developer about `sf org create scratch --json`'s outcome. */
export function scratchOutcome(
    outcome: SfOutcome,
    options: ScratchOptions
): { ok: boolean; message: string } {
    if (outcome.ok) {
        const result = (outcome.result ?? {}) as { username?: string; orgId?: string };
        return {
            ok: true,
            message: `✔ Scratch org "${options.alias}" (${result.username ?? 'unknown user'}, ${result.orgId ?? 'unknown id'}) lives ${options.durationDays} days and is your default org. Next: SENDBIRD_APP_ID=<app-id> npm run deploy -- --target-org ${options.alias} --assign`
        };
    }
    if (outcome.name === 'NoDefaultDevHubError') {
        return {
            ok: false,
            message: `✖ No Dev Hub to create a scratch org from. ${LOGIN_DEV_HUB} Or pass --target-dev-hub <alias>.`
        };
    }
    if (outcome.name === 'NamedOrgNotFoundError' && options.devHub) {
        return {
            ok: false,
            message: `✖ You are not logged in to the Dev Hub "${options.devHub}". ${LOGIN_DEV_HUB}`
        };
    }
    return {
        ok: false,
        message: `✖ sf could not create the scratch org: ${outcome.name}: ${outcome.message}`
    };
}
