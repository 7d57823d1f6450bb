import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkMetadata } from '../metadata';
import {
    BASE_FILES,
    CLASSES,
    classMeta,
    makeProject,
    removeProject
} from '../../test-support/fixture-project';

const roots: string[] = [];
async function check(files: Record<string, string>, replacements: object[] = []) {
    const root = makeProject({ ...BASE_FILES, ...files }, replacements);
    roots.push(root);
    const result = await checkMetadata(root);
    return {
        ...result,
        problems: result.findings.map((finding) => ({
            ...finding,
            file: path.relative(root, finding.file)
        }))
    };
}

afterEach(() => roots.splice(0).forEach(removeProject));

const NC_DIR = 'force-app/main/default/namedCredentials';
const namedCredential = (url: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
    `    <label>Api</label>\n    <namedCredentialParameters>\n        <parameterName>Url</parameterName>\n` +
    `        <parameterType>Url</parameterType>\n        <parameterValue>${url}</parameterValue>\n` +
    `    </namedCredentialParameters>\n    <namedCredentialType>SecuredEndpoint</namedCredentialType>\n</NamedCredential>\n`;
const appIdReplacement = {
    glob: `${NC_DIR}/*.namedCredential-meta.xml`,
    stringToReplace: '${SENDBIRD_APP_ID}',
    replaceWithEnv: 'SENDBIRD_APP_ID'
};

describe('checkMetadata', () => {
    it('builds a deploy package from valid source and counts its components', async () => {
        const result = await check({
            [`${CLASSES}/Other.cls`]: 'public with sharing class Other {\n}\n',
            [`${CLASSES}/Other.cls-meta.xml`]: classMeta()
        });
        expect(result.findings).toEqual([]);
        expect(result.summary).toContain('2 ApexClass');
    });

    it('reports a class without its meta file', async () => {
        const { problems } = await check({ [`${CLASSES}/Orphan.cls`]: 'public class Orphan {}' });
        expect(problems).toEqual([
            { file: `${CLASSES}/Orphan.cls`, message: 'source file has no Orphan.cls-meta.xml' }
        ]);
    });

    it('reports a meta file without its class', async () => {
        const { problems } = await check({ [`${CLASSES}/Ghost.cls-meta.xml`]: classMeta() });
        expect(problems).toEqual([
            {
                file: `${CLASSES}/Ghost.cls-meta.xml`,
                message: 'metadata file has no source file beside it'
            }
        ]);
    });

    it('reports truncated XML with its line', async () => {
        const truncated = classMeta().slice(0, classMeta().indexOf('<status>'));
        const { problems } = await check({ [`${CLASSES}/Hello.cls-meta.xml`]: truncated });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({
            file: `${CLASSES}/Hello.cls-meta.xml`,
            line: expect.any(Number)
        });
        expect(problems[0].message).toMatch(/^XML is not well formed/);
    });

    it('reports an Aura handler expression a formatter spread over lines, and accepts {!c.x}', async () => {
        const AURA = 'force-app/main/default/aura/bar';
        const cmp = (handler: string) =>
            `<aura:component>\n    <lightning:container\n        src="{!$Resource.x + '/index.html'}"\n` +
            `        onmessage="${handler}"\n    />\n</aura:component>\n`;
        const meta =
            '<?xml version="1.0" encoding="UTF-8"?>\n<AuraDefinitionBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
            '    <apiVersion>65.0</apiVersion>\n    <description>bar</description>\n</AuraDefinitionBundle>\n';
        const broken = await check({
            [`${AURA}/bar.cmp`]: cmp(
                '\n            {\n                !c.receive;\n            }\n        '
            ),
            [`${AURA}/bar.cmp-meta.xml`]: meta
        });
        expect(broken.problems).toEqual([
            {
                file: `${AURA}/bar.cmp`,
                line: 4,
                message:
                    'Aura expression in onmessage is not a single {!…} on one line; Aura will not evaluate it'
            }
        ]);

        const fine = await check({
            [`${AURA}/bar.cmp`]: cmp('{!c.receive}'),
            [`${AURA}/bar.cmp-meta.xml`]: meta
        });
        expect(fine.findings).toEqual([]);
    });

    it('reports an LWC label import that CustomLabels does not define, and builds once it does', async () => {
        const LWC = 'force-app/main/default/lwc/panel';
        const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
        const labels = (name: string) =>
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
            `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n` +
            '        <protected>false</protected>\n        <shortDescription>Title</shortDescription>\n' +
            '        <value>Title</value>\n    </labels>\n</CustomLabels>\n';
        const bundle = {
            [`${LWC}/panel.js`]:
                "import { LightningElement } from 'lwc';\nimport TITLE from '@salesforce/label/c.Panel_Title';\n" +
                'export default class Panel extends LightningElement {\n    title = TITLE;\n}\n',
            [`${LWC}/panel.html`]: '<template>{title}</template>\n',
            [`${LWC}/panel.js-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                '    <apiVersion>65.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n'
        };
        const missing = await check({ ...bundle, [LABELS]: labels('Panel_Subtitle') });
        expect(missing.problems).toEqual([
            {
                file: `${LWC}/panel.js`,
                line: 2,
                column: 38,
                message: `Custom Label c.Panel_Title is not in ${LABELS}`
            }
        ]);

        const fine = await check({ ...bundle, [LABELS]: labels('Panel_Title') });
        expect(fine.findings).toEqual([]);
        expect(fine.summary).toContain('1 CustomLabels');
    });

    it('reports files in folders no metadata type uses', async () => {
        const { problems } = await check({ 'force-app/main/default/notes/todo.txt': 'call Bob' });
        expect(problems).toEqual([
            {
                file: 'force-app/main/default/notes/todo.txt',
                message: 'Could not infer a metadata type'
            }
        ]);
    });

    it('accepts a placeholder that a replacement fills', async () => {
        const { findings } = await check(
            {
                [`${NC_DIR}/Api.namedCredential-meta.xml`]: namedCredential(
                    'https://api-${SENDBIRD_APP_ID}.x.com'
                )
            },
            [appIdReplacement]
        );
        expect(findings).toEqual([]);
    });

    it('reports a placeholder that no replacement fills, with its position', async () => {
        const { problems } = await check({
            [`${NC_DIR}/Api.namedCredential-meta.xml`]: namedCredential(
                'https://api-${SENDBIRD_APP_ID}.x.com'
            )
        });
        expect(problems).toEqual([
            {
                file: `${NC_DIR}/Api.namedCredential-meta.xml`,
                line: 7,
                column: 37,
                message:
                    '${SENDBIRD_APP_ID} is not filled by any "replacements" entry of sfdx-project.json'
            }
        ]);
    });

    it('reports a replacement that matches nothing any more', async () => {
        const { problems } = await check({}, [appIdReplacement]);
        expect(problems).toEqual([
            {
                file: 'sfdx-project.json',
                message: `replacement of \${SENDBIRD_APP_ID} (${NC_DIR}/*.namedCredential-meta.xml) matches no placeholder`
            }
        ]);
    });

    it('reports a component newer than sourceApiVersion', async () => {
        const { problems } = await check({ [`${CLASSES}/Hello.cls-meta.xml`]: classMeta('99.0') });
        expect(problems).toEqual([
            {
                file: `${CLASSES}/Hello.cls-meta.xml`,
                line: 3,
                message: 'apiVersion 99 is above sourceApiVersion 65.0'
            }
        ]);
    });

    it('says to build a static resource whose file is missing', async () => {
        const meta = 'force-app/main/default/staticresources/bar.resource-meta.xml';
        const { problems } = await check({
            [meta]:
                '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                '    <cacheControl>Public</cacheControl>\n    <contentType>application/zip</contentType>\n</StaticResource>\n'
        });
        expect(problems).toEqual([
            {
                file: meta,
                message: 'metadata file has no source file beside it; run `npm run build` first'
            }
        ]);
    });

    it('accepts a static resource kept as a folder', async () => {
        const resources = 'force-app/main/default/staticresources';
        const root = makeProject({
            ...BASE_FILES,
            [`${resources}/bar/index.html`]: '<html></html>',
            [`${resources}/bar.resource-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                '    <cacheControl>Public</cacheControl>\n    <contentType>application/zip</contentType>\n</StaticResource>\n'
        });
        roots.push(root);
        mkdirSync(path.join(root, resources, 'bar'), { recursive: true });
        const result = await checkMetadata(root);
        expect(result.findings).toEqual([]);
        expect(result.summary).toContain('1 StaticResource');
    });
});
