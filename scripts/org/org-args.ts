import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a script was called; the message ends with the script's usage. */
export class OrgUsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's parseArgs, strict, with its errors turned into usage errors. */
export function parseScriptArgs<T extends Options>(
    argv: string[],
    options: T,
    usage: string
): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true }>>['values'] {
    try {
        return parseArgs({ args: argv, options, strict: true }).values;
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new OrgUsageError(`${message}\n${usage}`);
    }
}

/** A whole number within bounds, or a usage error naming the option. */
export function wholeNumber(
    value: string | undefined,
    fallback: number,
    [min, max]: [number, number],
    option: string,
    usage: string
): number {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new OrgUsageError(
            `${option} must be a whole number from ${min} to ${max}.\n${usage}`
        );
    }
    return parsed;
}
