import { OrgUsageError } from './org-args';
import {
    createdUsername,
    definitionHasKnowledge,
    knowledgeUserArgs,
    parseScratchArgs,
    scratchCreateArgs,
    scratchOutcome
} from './org-scratch';
import { projectSf } from './org-sf';

/** `npm run org:create`: a scratch org from a definition in config/ (needs a Dev Hub). */
async function main(): Promise<void> {
    const options = parseScratchArgs(process.argv.slice(2), process.env);
    console.log(`Creating scratch org "${options.alias}" (this takes a few minutes)...`);
    const sf = projectSf(process.cwd());
    const outcome = await sf.json(scratchCreateArgs(options));
    const username = createdUsername(outcome);
    if (username && definitionHasKnowledge(options.definitionFile)) {
        const knowledge = await sf.json(knowledgeUserArgs(options.alias, username));
        if (!knowledge.ok) {
            console.warn(
                `! Could not make ${username} a Knowledge User (${knowledge.name}: ${knowledge.message}); npm run deploy will skip force-app/knowledge until you tick Knowledge User on the user.`
            );
        }
    }
    const { ok, message } = scratchOutcome(outcome, options);
    (ok ? console.log : console.error)(message);
    if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
    console.error(error instanceof OrgUsageError ? error.message : `✖ ${String(error)}`);
    process.exitCode = 1;
});
