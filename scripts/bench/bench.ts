import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A benchmark module in scripts/bench/: it measures one piece and prints its numbers. */
interface Benchmark {
    title: string;
    run(): Promise<void>;
}

/**
 * `npm run bench`: runs every module in scripts/bench/ in name order; `npm run bench --
 * ticket-server` runs only the modules whose names are given. Speed and size targets are
 * measured and printed here, never asserted in timed unit tests.
 */
async function main(): Promise<void> {
    const dir = __dirname;
    const only = process.argv.slice(2);
    const files = readdirSync(dir)
        .filter((file) => file.endsWith('.ts') && file !== path.basename(__filename))
        .filter((file) => only.length === 0 || only.includes(path.basename(file, '.ts')))
        .sort();
    if (files.length === 0) throw new Error(`no benchmark named ${only.join(', ')}`);
    for (const file of files) {
        const benchmark = (await import(path.join(dir, file))) as Benchmark;
        console.log(`\n== ${benchmark.title} ==`);
        await benchmark.run();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
