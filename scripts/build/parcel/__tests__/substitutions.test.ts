import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isUikitModule, SDK_POLYFILL_CHUNKS, STUBS_DIR, substitute } from '../substitutions';

const NODE_MODULES = path.resolve(__dirname, '../../../../node_modules');
const UIKIT_VOICE_CHUNK = path.join(NODE_MODULES, '@sendbird/uikit-react/chunks/bundle-x.js');
const SDK_CHUNK = path.join(NODE_MODULES, '@sendbird/chat/lib/__bundle-9f648ab0.js');

describe('substitute', () => {
    it("leaves UIKit's lamejs out unless voice messages are switched on", () => {
        expect(substitute('../lame.all.js', UIKIT_VOICE_CHUNK, false)).toEqual({
            filePath: path.join(STUBS_DIR, 'voice-messages-off.ts'),
            invalidateOnEnvChange: ['SENDBIRD_VOICE_MESSAGES']
        });
        expect(substitute('../lame.all.js', UIKIT_VOICE_CHUNK, true)).toEqual({
            filePath: path.join(NODE_MODULES, '@sendbird/uikit-react/lame.all.js'),
            invalidateOnEnvChange: ['SENDBIRD_VOICE_MESSAGES']
        });
    });

    it('replaces the Buffer polyfill and the CSS variables ponyfill', () => {
        expect(substitute('buffer', SDK_CHUNK, false)).toEqual({
            filePath: path.join(STUBS_DIR, 'no-buffer.ts')
        });
        expect(substitute('css-vars-ponyfill', UIKIT_VOICE_CHUNK, false)).toEqual({
            filePath: path.join(STUBS_DIR, 'css-vars-native.ts')
        });
    });

    it("replaces the SDK's polyfill chunks only when the SDK imports them", () => {
        for (const chunk of SDK_POLYFILL_CHUNKS) {
            expect(substitute(chunk, SDK_CHUNK, false)).toEqual({
                filePath: path.join(STUBS_DIR, 'no-polyfill.ts')
            });
            expect(substitute(chunk, UIKIT_VOICE_CHUNK, false)).toBeNull();
        }
    });

    it('leaves everything else to Parcel', () => {
        expect(substitute('react', UIKIT_VOICE_CHUNK, false)).toBeNull();
        expect(substitute('./lame.all.js', '/project/src/app.ts', false)).toBeNull();
    });

    it('still names the polyfill chunks of the installed SDK (update them with the SDK)', () => {
        const [abortController, fetch] = SDK_POLYFILL_CHUNKS.map((chunk) =>
            readFileSync(path.join(NODE_MODULES, '@sendbird/chat/lib', chunk), 'utf8')
        );
        expect(abortController).toContain('abortcontroller-polyfill');
        expect(fetch).toContain('_.polyfill=!0,t.fetch||(t.fetch=_');
        const sdk = readFileSync(SDK_CHUNK, 'utf8');
        expect(sdk).toContain(
            '"undefined"!=typeof AbortController?[3,8]:[4,import("./__bundle-190d20e5.js")]'
        );
        expect(sdk).toContain(
            '"function"==typeof fetch?[3,10]:[4,import("./__bundle-46d64517.js")]'
        );
    });
});

describe('isUikitModule', () => {
    it("is true for UIKit's JavaScript only", () => {
        expect(isUikitModule(UIKIT_VOICE_CHUNK)).toBe(true);
        expect(isUikitModule(path.join(NODE_MODULES, '@sendbird/uikit-react/dist/index.css'))).toBe(
            false
        );
        expect(isUikitModule(SDK_CHUNK)).toBe(false);
    });
});
