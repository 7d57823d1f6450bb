import type { SfdxProject } from '../project/project';

/**
 * A Sendbird app id becomes part of host names (api-<id>.sendbird.com), so only letters, digits
 * and hyphens are accepted: anything else could point the Named Credential at another host.
 */
const APP_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
/** A region is part of genai-<region>-llm-api.chat.sendbird.com, e.g. `us-1`. */
const REGION = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
/** Salesforce usernames have the form of an email address. */
const USERNAME = /^[^@\s<>&"']+@[^@\s<>&"']+\.[^@\s<>&"']+$/;
/** A developer name: a letter, then letters and digits, single underscores between them. */
const DEVELOPER_NAME = /^[A-Za-z](?:_?[A-Za-z0-9])*$/;

/** The Omni-Channel Service Channel for Case that force-app/omnichannel ships. */
export const SENDBIRD_CASE_SERVICE_CHANNEL = 'Sendbird_Cases';
/** The variable naming the org's Case Service Channel, which our presence status uses. */
export const CASE_SERVICE_CHANNEL = 'SENDBIRD_CASE_SERVICE_CHANNEL';

/**
 * Values used when the admin sets none. The Case Service Channel is our own unless `npm run
 * deploy` finds that the org already has one (Salesforce allows one per object). The region has
 * no default: it names the host that serves chat images and files (the `Sendbird_Files` CSP
 * trusted site), so a placeholder would deploy a chat whose images never load.
 */
export const DEPLOY_DEFAULTS: Readonly<Record<string, string>> = {
    [CASE_SERVICE_CHANNEL]: SENDBIRD_CASE_SERVICE_CHANNEL
};

/** Where an admin finds the region, said wherever it is missing or wrong. */
const REGION_HINT =
    'the region of your Sendbird application, such as us-1 or ap-2: it names the host that serves chat images and files (file-<region>.sendbird.com) and the AI agent (genai-<region>-llm-api.chat.sendbird.com); it is the part after "genai-" in the webhook URL under Sendbird Dashboard > Workspace settings > Integrations > Salesforce';

/** The variable that names the External Client App's client-credentials (run-as) user. */
export const INTEGRATION_USERNAME = 'SENDBIRD_INTEGRATION_USERNAME';

/** Environment variables that sfdx-project.json replacements read at deploy time. */
export function replacementVariables(project: SfdxProject): string[] {
    const names = project.replacements.flatMap((entry) =>
        entry.replaceWithEnv ? [entry.replaceWithEnv] : []
    );
    return [...new Set(names)].sort();
}

/** The environment with DEPLOY_DEFAULTS filled in where a variable is unset or empty. */
export function withDeployDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const filled: NodeJS.ProcessEnv = { ...env };
    for (const [name, value] of Object.entries(DEPLOY_DEFAULTS)) {
        if (!filled[name]) filled[name] = value;
    }
    return filled;
}

const FORMATS: { name: string; pattern: RegExp; expected: string }[] = [
    {
        name: 'SENDBIRD_APP_ID',
        pattern: APP_ID,
        expected:
            'is not a Sendbird application id (letters, digits and hyphens; copy it from Sendbird Dashboard > Settings > Application > General).'
    },
    {
        name: 'SENDBIRD_REGION',
        pattern: REGION,
        expected: `is not a Sendbird region (lower-case letters, digits and hyphens): ${REGION_HINT}.`
    },
    {
        name: INTEGRATION_USERNAME,
        pattern: USERNAME,
        expected: 'is not a Salesforce username (they look like email addresses).'
    },
    {
        name: CASE_SERVICE_CHANNEL,
        pattern: DEVELOPER_NAME,
        expected: 'is not the developer name of a Service Channel (Setup > Service Channels).'
    }
];

/**
 * Problems with the deploy-time environment, one readable sentence each. Defaults count as set;
 * `optional` variables may be unset (their package directory is not deployed).
 */
export function deployEnvProblems(
    project: SfdxProject,
    env: NodeJS.ProcessEnv,
    optional: string[] = []
): string[] {
    const filled = withDeployDefaults(env);
    const problems = replacementVariables(project)
        .filter((name) => !filled[name] && !optional.includes(name))
        .map((name) =>
            name === INTEGRATION_USERNAME
                ? `${name} is not set (npm run deploy sets it from --integration-user).`
                : name === 'SENDBIRD_REGION'
                  ? `SENDBIRD_REGION is not set: ${REGION_HINT}. Export it before deploying, e.g. SENDBIRD_REGION=us-1 npm run deploy.`
                  : `${name} is not set. Export it before deploying, e.g. ${name}=<value> npm run deploy.`
        );
    for (const { name, pattern, expected } of FORMATS) {
        const value = filled[name];
        if (value && !pattern.test(value)) problems.push(`${name} "${value}" ${expected}`);
    }
    return problems;
}
