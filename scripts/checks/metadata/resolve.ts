import { MetadataResolver } from '@salesforce/source-deploy-retrieve';
import type { Finding } from '../shared/findings';

/**
 * Resolves each file on its own, so that one unrecognised file does not hide the others:
 * files in folders SDR does not know, or with a suffix no metadata type uses, become findings.
 */
export function unresolvableFiles(files: string[]): Finding[] {
    const resolver = new MetadataResolver();
    return files.flatMap((file) => {
        try {
            const components = resolver.getComponentsFromPath(file);
            return components.length > 0
                ? []
                : [{ file, message: 'is not part of any metadata component' }];
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            // SDR prefixes its messages with the path, which the finding already carries.
            return [{ file, message: message.replace(`${file}: `, '').split('\n')[0] }];
        }
    });
}
