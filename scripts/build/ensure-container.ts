import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildContainer, CONTAINER_RESOURCE } from './container';

/**
 * `npm test` on a fresh clone: the metadata gate needs the container's static resource, which is
 * built, not committed. Build it once when it is missing; otherwise leave `npm run build`'s output.
 */
async function main(root: string): Promise<void> {
    if (existsSync(path.join(root, CONTAINER_RESOURCE))) {
        console.log(`✔ ${CONTAINER_RESOURCE} is built; npm run build rebuilds it.`);
        return;
    }
    console.log(`${CONTAINER_RESOURCE} is missing (fresh clone): building it for the gates.`);
    await buildContainer(root);
}

main(process.cwd()).catch((error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
