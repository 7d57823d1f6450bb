import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface LockPackage {
    version?: string;
    optionalDependencies?: Record<string, string>;
}

/**
 * `npm run check:lockfile` (needs the npm registry): lists packages whose platform-specific
 * optional dependencies the registry does not serve. npm cannot write those into the lock, and
 * `npm ci` then rejects the lock ("Missing: @rollup/rollup-darwin-x64@ from lock file"). The fix
 * is an `overrides` entry pinning the package to a version whose binaries are all published;
 * see the overrides in package.json.
 */
function registryHas(spec: string): boolean {
    try {
        return (
            execFileSync('npm', ['view', spec, 'version', '--json'], {
                stdio: ['ignore', 'pipe', 'ignore']
            })
                .toString()
                .trim().length > 0
        );
    } catch {
        return false;
    }
}

function main(): void {
    const lock = JSON.parse(
        readFileSync(path.join(process.cwd(), 'package-lock.json'), 'utf8')
    ) as {
        packages: Record<string, LockPackage>;
    };
    const checked = new Set<string>();
    let incomplete = 0;
    for (const [key, pkg] of Object.entries(lock.packages)) {
        if (!key || !pkg.optionalDependencies) continue;
        const id = `${key.replace(/^.*node_modules\//, '')}@${pkg.version}`;
        if (checked.has(id)) continue;
        checked.add(id);
        const missing = Object.entries(pkg.optionalDependencies)
            .filter(([name, range]) => !registryHas(`${name}@${range}`))
            .map(([name]) => name);
        if (missing.length > 0) {
            incomplete++;
            console.error(`✖ ${id}: the registry lacks ${missing.join(', ')}`);
        }
    }
    if (incomplete > 0) process.exitCode = 1;
    else
        console.log(
            `✔ All optional platform packages of ${checked.size} packages are in the registry.`
        );
}

main();
