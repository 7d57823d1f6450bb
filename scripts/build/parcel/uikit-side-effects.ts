import { Transformer } from '@parcel/plugin';
import { isUikitModule } from './substitutions';

/**
 * Parcel transformer for the container's JavaScript (lwc-container-src/.parcelrc). UIKit's
 * package.json does not declare `sideEffects`, so Parcel keeps every module that UIKit's Rollup
 * chunks import bare, such as the whole open-channel UI. UIKit's modules do nothing on import
 * (its CSS is a separate file, imported by the app), so they are marked free of side effects and
 * Parcel keeps only what the app uses.
 */
export default new Transformer({
    async transform({ asset }) {
        if (isUikitModule(asset.filePath)) {
            asset.sideEffects = false;
        }
        return [asset];
    }
});
