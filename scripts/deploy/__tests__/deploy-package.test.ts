import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDeployPackage } from '../deploy-package';
import { readProject } from '../../project/project';
import { makeProject, removeProject } from '../../test-support/fixture-project';

const SITE = 'force-app/main/default/cspTrustedSites/Api.cspTrustedSite-meta.xml';
const site =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    '    <endpointUrl>https://api-${SENDBIRD_APP_ID}.sendbird.com</endpointUrl>\n    <isActive>true</isActive>\n</CspTrustedSite>\n';

describe('buildDeployPackage', () => {
    let root: string;
    beforeEach(() => {
        root = makeProject({ [SITE]: site }, [
            { glob: SITE, stringToReplace: '${SENDBIRD_APP_ID}', replaceWithEnv: 'SENDBIRD_APP_ID' }
        ]);
    });
    afterEach(() => {
        removeProject(root);
        delete process.env.SENDBIRD_APP_ID;
    });

    const builtSite = () =>
        readFileSync(path.join(root, 'out', 'cspTrustedSites', 'Api.cspTrustedSite'), 'utf8');

    it('fills placeholders from the environment when asked', async () => {
        process.env.SENDBIRD_APP_ID = 'APP-123';
        const built = await buildDeployPackage(readProject(root), path.join(root, 'out'), {
            applyReplacements: true
        });
        expect(built.countsByType).toEqual({ CspTrustedSite: 1 });
        expect(builtSite()).toContain(
            '<endpointUrl>https://api-APP-123.sendbird.com</endpointUrl>'
        );
        expect(readFileSync(path.join(root, 'out', 'package.xml'), 'utf8')).toContain(
            '<version>65.0</version>'
        );
    });

    it('keeps placeholders when not asked, whatever the environment', async () => {
        process.env.SENDBIRD_APP_ID = 'APP-123';
        await buildDeployPackage(readProject(root), path.join(root, 'out'), {
            applyReplacements: false
        });
        expect(builtSite()).toContain('https://api-${SENDBIRD_APP_ID}.sendbird.com');
        expect(process.env.SF_APPLY_REPLACEMENTS_ON_CONVERT).toBeUndefined();
    });

    it('fails rather than deploy a blank when the variable is unset', async () => {
        await expect(
            buildDeployPackage(readProject(root), path.join(root, 'out'), {
                applyReplacements: true
            })
        ).rejects.toThrow(/SENDBIRD_APP_ID/);
    });

    it('holds exactly the planned components when given them (npm run deploy)', async () => {
        process.env.SENDBIRD_APP_ID = 'APP-123';
        const built = await buildDeployPackage(readProject(root), path.join(root, 'out'), {
            applyReplacements: true,
            only: []
        });
        expect(built.componentCount).toBe(0);
        const planned = await buildDeployPackage(readProject(root), path.join(root, 'out'), {
            applyReplacements: true,
            only: [{ type: 'CspTrustedSite', fullName: 'Api' }]
        });
        expect(planned.countsByType).toEqual({ CspTrustedSite: 1 });
        expect(builtSite()).toContain('https://api-APP-123.sendbird.com');
    });
});
