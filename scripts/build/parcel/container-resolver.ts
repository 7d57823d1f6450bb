import { Resolver } from '@parcel/plugin';
import { substitute, VOICE_SWITCH } from './substitutions';

/** Parcel resolver for the container bundle (lwc-container-src/.parcelrc); see substitutions.ts. */
export default new Resolver({
    async resolve({ specifier, dependency, options }) {
        return substitute(specifier, dependency.resolveFrom, options.env[VOICE_SWITCH] === 'on');
    }
});
