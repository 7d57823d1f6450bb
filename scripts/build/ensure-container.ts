import { CONTAINER_RESOURCE, ensureContainer } from './container';

/**
 * `npm test`: the metadata gate and the browser tests need the container's static resource,
 * which is built, not committed. Built unless `npm run build` already built it from the current
 * sources and settings, so an edit to the app is always what the tests see.
 */
ensureContainer(process.cwd())
    .then((built) => {
        if (!built) console.log(`✔ ${CONTAINER_RESOURCE} is current (built from the same inputs).`);
    })
    .catch((error: unknown) => {
        console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    });
