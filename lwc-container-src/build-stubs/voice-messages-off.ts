/**
 * Stands in for UIKit's lamejs (`lame.all.js`) in builds without voice messages. UIKit loads it
 * only when voice messages are enabled, which such builds never do; if that changes, say why.
 */
const MESSAGE =
    'Voice messages are not in this build: run the build with SENDBIRD_VOICE_MESSAGES=on to include lamejs.';

export class WavHeader {
    static readHeader(): never {
        throw new Error(MESSAGE);
    }
}

export class Mp3Encoder {
    constructor() {
        throw new Error(MESSAGE);
    }
}
