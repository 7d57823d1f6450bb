import path from 'node:path';

/** Build-time stand-ins for modules the container does not need, in lwc-container-src/build-stubs. */
export const STUBS_DIR = path.resolve(__dirname, '../../../lwc-container-src/build-stubs');

/** The build switch that keeps lamejs (voice messages) in the bundle. */
export const VOICE_SWITCH = 'SENDBIRD_VOICE_MESSAGES';

/**
 * Chunks @sendbird/chat imports only in browsers that lack `AbortController` (an
 * abortcontroller-polyfill) or `fetch` (whatwg-fetch). Every browser the container targets has
 * both, so they would ship in the zip (about 6 KB) and never load. The names belong to the exact
 * SDK version package.json pins; a unit test checks they still name those polyfills.
 */
export const SDK_POLYFILL_CHUNKS = ['./__bundle-190d20e5.js', './__bundle-46d64517.js'];

/** What the container resolver answers: a file to use instead of the module. */
export type Substitution = { filePath: string; invalidateOnEnvChange?: string[] } | null;

/**
 * The container's module substitutions; null lets Parcel resolve as usual.
 * - `buffer`: Parcel adds Node's Buffer polyfill (about 6 KB zipped) because @sendbird/chat
 *   probes `typeof Buffer` for Node WebSockets; in a browser that probe must see no Buffer.
 * - `css-vars-ponyfill`: browsers the container targets have CSS variables; the stand-in sets
 *   UIKit's colour overrides natively, as the ponyfill itself does there.
 * - @sendbird/chat's polyfill chunks (SDK_POLYFILL_CHUNKS): an empty module.
 * - UIKit's `lame.all.js` (lamejs, voice messages): a stand-in that explains the build switch,
 *   unless the build runs with SENDBIRD_VOICE_MESSAGES=on.
 */
export function substitute(
    specifier: string,
    resolveFrom: string | null | undefined,
    voiceMessages: boolean
): Substitution {
    if (specifier === 'buffer') {
        return { filePath: path.join(STUBS_DIR, 'no-buffer.ts') };
    }
    if (specifier === 'css-vars-ponyfill') {
        return { filePath: path.join(STUBS_DIR, 'css-vars-native.ts') };
    }
    if (resolveFrom && SDK_POLYFILL_CHUNKS.includes(specifier) && isSdkModule(resolveFrom)) {
        return { filePath: path.join(STUBS_DIR, 'no-polyfill.ts') };
    }
    if (resolveFrom && isUikitLame(specifier, resolveFrom)) {
        return {
            filePath: voiceMessages
                ? path.resolve(path.dirname(resolveFrom), specifier)
                : path.join(STUBS_DIR, 'voice-messages-off.ts'),
            invalidateOnEnvChange: [VOICE_SWITCH]
        };
    }
    return null;
}

function isUikitLame(specifier: string, resolveFrom: string): boolean {
    const target = path.resolve(path.dirname(resolveFrom), specifier);
    return isUikitModule(target) && path.basename(target) === 'lame.all.js';
}

/** A JavaScript file of @sendbird/uikit-react (not its CSS). */
export function isUikitModule(filePath: string): boolean {
    return inPackage(filePath, '@sendbird/uikit-react') && filePath.endsWith('.js');
}

function isSdkModule(filePath: string): boolean {
    return inPackage(filePath, '@sendbird/chat');
}

function inPackage(filePath: string, name: string): boolean {
    return filePath.split(path.sep).join('/').includes(`/node_modules/${name}/`);
}
