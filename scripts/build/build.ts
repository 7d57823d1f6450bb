import path from 'node:path';
import { buildContainer } from './container';
import { checkMetadata } from '../checks/metadata';
import { formatFinding } from '../checks/shared/findings';
import { deployEnvProblems, withDeployDefaults } from '../deploy/deploy-env';
import { readProject } from '../project/project';
import { buildTicketPage, TICKET_PAGE_DIR } from './ticket-page';

/** Where `npm run build` writes the Metadata API deploy package. */
export const DEPLOY_PACKAGE_DIR = path.join('dist', 'deploy');

/**
 * `npm run build`: everything the org needs. Builds the container app into its static resource
 * (first, so the package includes it), validates the metadata, then writes the deploy
 * package to dist/deploy, with the deploy-time placeholders filled when their environment
 * variables are set (otherwise `npm run deploy` fills them from the environment).
 */
export async function build(root: string): Promise<void> {
    await buildContainer(root);
    // SDR reads the replacement values from process.env, so the defaults must be there too.
    Object.assign(process.env, withDeployDefaults(process.env));
    const envProblems = deployEnvProblems(readProject(root), process.env);
    const check = await checkMetadata(root, {
        outputDir: path.join(root, DEPLOY_PACKAGE_DIR),
        applyReplacements: envProblems.length === 0
    });
    if (check.findings.length > 0) {
        check.findings.forEach((finding) => console.error(formatFinding(finding, root)));
        throw new Error('the metadata is not deployable; fix the problems above.');
    }
    console.log(`✔ Deploy package in ${DEPLOY_PACKAGE_DIR}/: ${check.summary}`);
    if (envProblems.length > 0) {
        console.log(
            `  Placeholders such as \${SENDBIRD_APP_ID} are kept, because: ${envProblems.join(' ')}`
        );
    }
    const page = await buildTicketPage(root);
    console.log(
        `✔ Customer ticket page in ${TICKET_PAGE_DIR}/: ${page.files} files, ${page.bytes} bytes, ${page.brotliBytes} with brotli`
    );
}

if (require.main === module) {
    build(process.cwd()).catch((error: unknown) => {
        console.error(`✖ Build failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    });
}
