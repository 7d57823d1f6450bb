import { startDemoWorld } from './demo/demo-world';

/**
 * `npm run demo`: the whole product on loopback, for a newcomer to watch (see
 * scripts/dev/demo/demo-world.ts). Prints exactly two lines, `agent: <url>` and `customer: <url>`,
 * then runs until interrupted.
 */
async function main(): Promise<void> {
    const demo = await startDemoWorld(process.cwd());
    console.log(`agent: ${demo.agentUrl}`);
    console.log(`customer: ${demo.customerUrl}`);
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
            if (stopping) return;
            stopping = true;
            void demo.stop().then(() => process.exit(0));
        });
    }
}

main().catch((error: unknown) => {
    console.error(
        `✖ The demo could not start: ${error instanceof Error ? error.message : String(error)}`
    );
    process.exit(1);
});
