import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { readProject } from '../../project/project';

const ROOT = path.resolve(__dirname, '../../..');
const RETIRED = path.join(ROOT, 'config/retired/destructiveChangesPost.xml');

/**
 * The upgrade clean-up (docs/deploy.md#upgrading) deletes what earlier versions deployed under
 * other names. A name that is still in the project would delete a live component from the org.
 */
describe('the retired components', () => {
    it('name nothing this project still deploys', async () => {
        const retired = await ComponentSet.fromManifest({ manifestPath: RETIRED });
        const project = readProject(ROOT);
        const live = new Set(
            ComponentSet.fromSource({ fsPaths: project.packageDirectories })
                .toArray()
                .map((component) => `${component.type.name}:${component.fullName}`)
        );
        const named = retired
            .toArray()
            .map((component) => `${component.type.name}:${component.fullName}`);
        expect(named.length).toBeGreaterThan(0);
        expect(named.filter((name) => live.has(name))).toEqual([]);
    });
});
