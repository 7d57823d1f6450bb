import type { SfdxProject } from './project';

/**
 * A Sendbird app id becomes part of host names (api-<id>.sendbird.com), so only letters, digits
 * and hyphens are accepted: anything else could point the Named Credential at another host.
 */
const APP_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/** Environment variables that sfdx-project.json replacements read at deploy time. */
export function replacementVariables(project: SfdxProject): string[] {
    const names = project.replacements.flatMap((entry) =>
        entry.replaceWithEnv ? [entry.replaceWithEnv] : []
    );
    return [...new Set(names)].sort();
}

/** Problems with the deploy-time environment, one readable sentence each. */
export function deployEnvProblems(project: SfdxProject, env: NodeJS.ProcessEnv): string[] {
    const problems = replacementVariables(project)
        .filter((name) => !env[name])
        .map(
            (name) =>
                `${name} is not set. Export it before deploying, e.g. ${name}=<value> npm run deploy.`
        );
    const appId = env.SENDBIRD_APP_ID;
    if (appId && !APP_ID.test(appId)) {
        problems.push(
            `SENDBIRD_APP_ID "${appId}" is not a Sendbird application id (letters, digits and hyphens; ` +
                'copy it from Sendbird Dashboard > Settings > Application > General).'
        );
    }
    return problems;
}
