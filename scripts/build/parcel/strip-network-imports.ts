import { Transformer } from '@parcel/plugin';
import { stripNetworkImports } from './network-imports';

/** Parcel transformer for the container's CSS (lwc-container-src/.parcelrc); see network-imports.ts. */
export default new Transformer({
    async transform({ asset, logger }) {
        const { css, removed } = stripNetworkImports(await asset.getCode());
        if (removed.length > 0) {
            asset.setCode(css);
            logger.verbose({ message: `Removed network @import: ${removed.join(', ')}` });
        }
        return [asset];
    }
});
