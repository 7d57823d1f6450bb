import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ManifestFlag {
    name: string;
    char?: string;
    aliases?: string[];
    type: 'boolean' | 'option';
    options?: string[];
}

interface ManifestCommand {
    id: string;
    flags: Record<string, ManifestFlag>;
    aliases?: string[];
    permutations?: string[];
}

interface Manifest {
    commands: Record<string, ManifestCommand>;
}

let commands: Map<string, ManifestCommand> | undefined;

/**
 * Every command of the installed `@salesforce/cli`, read from the oclif manifests of its core
 * plugins and keyed by each spelling oclif accepts (word order permutations and aliases).
 */
function installedCommands(): Map<string, ManifestCommand> {
    if (commands) return commands;
    // The package exports no package.json, so read it from node_modules directly.
    const modules = path.resolve(__dirname, '../../node_modules');
    const cliDir = path.join(modules, '@salesforce', 'cli');
    const cli = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8')) as {
        oclif: { plugins: string[] };
    };
    commands = new Map();
    for (const plugin of cli.oclif.plugins) {
        const manifestFile = [path.join(cliDir, 'node_modules'), modules]
            .map((dir) => path.join(dir, plugin, 'oclif.manifest.json'))
            .find((file) => existsSync(file));
        if (!manifestFile) continue;
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
        for (const command of Object.values(manifest.commands)) {
            for (const id of [
                command.id,
                ...(command.aliases ?? []),
                ...(command.permutations ?? [])
            ]) {
                commands.set(id, command);
            }
        }
    }
    return commands;
}

function findFlag(command: ManifestCommand, token: string): ManifestFlag | undefined {
    const flags = Object.values(command.flags);
    if (token.startsWith('--')) {
        const name = token.slice(2);
        return flags.find((flag) => flag.name === name || flag.aliases?.includes(name));
    }
    return flags.find((flag) => flag.char === token.slice(1));
}

/**
 * What is wrong with `sf <args>` for the installed CLI: an unknown command, unknown flags, a
 * flag without its value, a value outside a flag's options, or stray arguments. Empty when the
 * CLI would accept it. (`sf` itself is not run: that needs an org.)
 */
export function sfCommandProblems(args: readonly string[]): string[] {
    const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
    const words = firstFlag === -1 ? [...args] : args.slice(0, firstFlag);
    const command = installedCommands().get(words.join(':'));
    if (!command) return [`"sf ${words.join(' ')}" is not a command of the installed sf CLI`];
    const problems: string[] = [];
    const rest = firstFlag === -1 ? [] : args.slice(firstFlag);
    for (let index = 0; index < rest.length; index++) {
        const [token, inlineValue] = rest[index].split(/=(.*)/s, 2);
        const flag = token.startsWith('-') ? findFlag(command, token) : undefined;
        if (!flag) {
            problems.push(`sf ${command.id}: unknown argument "${rest[index]}"`);
            continue;
        }
        if (flag.type === 'boolean') continue;
        const value = inlineValue ?? rest[++index];
        // "-" is a value: it reads stdin (e.g. org login sfdx-url --sfdx-url-stdin -).
        const isFlag = inlineValue === undefined && value?.startsWith('-') && value !== '-';
        if (value === undefined || isFlag) {
            problems.push(`sf ${command.id}: ${token} needs a value`);
        } else if (flag.options && !flag.options.includes(value)) {
            problems.push(`sf ${command.id}: ${token} "${value}" is not one of ${flag.options}`);
        }
    }
    return problems;
}
