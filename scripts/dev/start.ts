import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTAINER_SRC, containerParcel, describeParcelError } from '../build/container/parcel';
import { HARNESS_ENTRIES } from './container-harness/build';
import { devSessionDefaults } from './container-harness/dev-session';
import { firstOf, folderSource } from './container-harness/file-source';
import { startHarness } from './container-harness/server';

/** The git-ignored file with the developer's Sendbird session. */
const ENV_FILE = '.env.local';
const DEV_DIST = path.join('dist', 'container-dev');

/**
 * `npm start`: the container app with hot reload, inside the local page that plays the Service
 * Console host (the same page the browser tests use). Ports: HARNESS_PORT (default 8410) for
 * the host page, +1 for the container, +2 for Parcel's hot-reload socket.
 */
async function main(): Promise<void> {
    const root = process.cwd();
    const basePort = Number(process.env.HARNESS_PORT ?? 8410);
    const distDir = path.join(root, DEV_DIST);
    const session = devSessionDefaults(readOptional(path.join(root, ENV_FILE)), process.env);

    const parcel = containerParcel(root, {
        entries: [path.join(CONTAINER_SRC, 'index.html'), ...HARNESS_ENTRIES],
        distDir,
        mode: 'development',
        hmrPort: basePort + 2,
        report: true
    });
    // One Parcel for the app and the harness pages; it writes the harness to distDir/harness/.
    const watching = await parcel.watch((error) => {
        if (error) {
            console.error(describeParcelError(error));
        }
    });
    const harness = await startHarness({
        container: folderSource(distDir),
        harness: firstOf(folderSource(path.join(distDir, 'harness')), folderSource(distDir)),
        session,
        hostPort: basePort,
        containerPort: basePort + 1,
        // A real Sendbird app: the harness does not know its region's file host.
        allowAnySecureHost: true,
        allowEval: true
    });
    console.log(`\nHost page: ${harness.hostUrl}`);
    console.log(`Container: ${harness.containerUrl} (served with the LCC stand-in)`);
    if (!session.appId) {
        console.log(
            `No Sendbird session yet: type it into the host page, or put SENDBIRD_APP_ID, ` +
                `SENDBIRD_USER_ID and SENDBIRD_SESSION_TOKEN in ${ENV_FILE} and restart.`
        );
    }
    const stop = async (): Promise<void> => {
        await watching.unsubscribe();
        await harness.close();
        process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
}

function readOptional(file: string): string | undefined {
    try {
        return readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
}

main().catch((error: unknown) => {
    console.error(`✖ npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
