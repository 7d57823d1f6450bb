import path from 'node:path';
import { missingCustomLabels } from '../metadata/custom-labels';
import { listFiles } from '../../project/project';
import { makeProject, removeProject } from '../../test-support/fixture-project';

const DEFAULT = 'force-app/main/default';
const LABELS = `${DEFAULT}/labels/CustomLabels.labels-meta.xml`;
const LWC = `${DEFAULT}/lwc/panel/panel.js`;
const AURA = `${DEFAULT}/aura/bar`;

const labelsXml = (...names: string[]) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    names
        .map(
            (name) =>
                `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n` +
                `        <protected>false</protected>\n        <shortDescription>${name}</shortDescription>\n` +
                `        <value>${name} text</value>\n    </labels>\n`
        )
        .join('') +
    '</CustomLabels>\n';

const roots: string[] = [];
function missing(files: Record<string, string>) {
    const root = makeProject(files);
    roots.push(root);
    return missingCustomLabels(listFiles(path.join(root, 'force-app')), root).map((finding) => ({
        ...finding,
        file: path.relative(root, finding.file)
    }));
}

afterEach(() => roots.splice(0).forEach(removeProject));

describe('missingCustomLabels', () => {
    it('accepts LWC imports and Aura references of labels the file defines', () => {
        expect(
            missing({
                [LABELS]: labelsXml('Panel_Title', 'Bar_Failed', 'Bar_Title'),
                [LWC]: "import TITLE from '@salesforce/label/c.Panel_Title';\n",
                [`${AURA}/bar.cmp`]: '<aura:component>{!$Label.c.Bar_Title}</aura:component>\n',
                [`${AURA}/barHelper.js`]:
                    "({ f: function () { $A.get('$Label.c.Bar_Failed'); } })\n"
            })
        ).toEqual([]);
    });

    it('names the file, the place and the label an LWC module imports but nobody defines', () => {
        expect(
            missing({
                [LABELS]: labelsXml('Panel_Title'),
                [LWC]:
                    "import TITLE from '@salesforce/label/c.Panel_Title';\n" +
                    'import GONE from "@salesforce/label/c.Panel_Gone";\n'
            })
        ).toEqual([
            {
                file: LWC,
                line: 2,
                column: 37,
                message: `Custom Label c.Panel_Gone is not in ${LABELS}`
            }
        ]);
    });

    it('finds a missing label in a module beside the component (labels.js) too', () => {
        const labelsModule = `${DEFAULT}/lwc/panel/labels.js`;
        expect(
            missing({
                [LABELS]: labelsXml('Panel_Title'),
                [labelsModule]:
                    "import X from '@salesforce/label/c.Panel_Help';\nexport default { X };\n"
            })
        ).toEqual([expect.objectContaining({ file: labelsModule, line: 1 })]);
    });

    it('names each Aura file, markup or JavaScript, that uses a label nobody defines', () => {
        const problems = missing({
            [LABELS]: labelsXml('Bar_Title'),
            [`${AURA}/bar.cmp`]:
                '<aura:component>\n    <p>{!$Label.c.Bar_Title} {!$Label.c.Bar_Subtitle}</p>\n</aura:component>\n',
            [`${AURA}/barController.js`]:
                "({\n    failed: function () {\n        return $A.get('$Label.c.Bar_Failed');\n    }\n})\n"
        });
        expect(problems).toEqual([
            {
                file: `${AURA}/bar.cmp`,
                line: 2,
                column: 39,
                message: `Custom Label c.Bar_Subtitle is not in ${LABELS}`
            },
            {
                file: `${AURA}/barController.js`,
                line: 3,
                column: 31,
                message: `Custom Label c.Bar_Failed is not in ${LABELS}`
            }
        ]);
    });

    it('says when a label differs from a defined one only in case', () => {
        expect(
            missing({
                [LABELS]: labelsXml('Panel_Title'),
                [LWC]: "import TITLE from '@salesforce/label/c.panel_title';\n"
            })
        ).toEqual([
            expect.objectContaining({
                message: `Custom Label c.panel_title is not in ${LABELS}; it has Panel_Title (the case differs)`
            })
        ]);
    });

    it('reports every label when the project has no labels file', () => {
        expect(missing({ [LWC]: "import T from '@salesforce/label/c.Panel_Title';\n" })).toEqual([
            expect.objectContaining({
                message:
                    'Custom Label c.Panel_Title is not in any *.labels-meta.xml (the package directories have none)'
            })
        ]);
    });

    it('leaves other namespaces, other files and other label syntax alone', () => {
        expect(
            missing({
                [LABELS]: labelsXml('Panel_Title'),
                // A managed package's label, the resource URL and HTML are not c. labels in JS.
                [LWC]: "import X from '@salesforce/label/ns.Their_Label';\nimport R from '@salesforce/resourceUrl/c';\n",
                [`${DEFAULT}/lwc/panel/panel.html`]:
                    '<template>@salesforce/label/c.Nope</template>\n',
                [`${DEFAULT}/classes/Other.cls`]: 'String s = System.Label.Not_Checked_Here;\n'
            })
        ).toEqual([]);
    });
});
