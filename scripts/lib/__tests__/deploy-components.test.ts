import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listComponents, writeManifest } from '../deploy-components';
import { readProject } from '../project';
import { BASE_FILES, makeProject, removeProject } from '../../test-support/fixture-project';

const RULES = 'force-app/main/default/assignmentRules/Case.assignmentRules-meta.xml';
const rules =
    '<?xml version="1.0" encoding="UTF-8"?>\n<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    '    <assignmentRule>\n        <fullName>Ours</fullName>\n        <active>false</active>\n    </assignmentRule>\n</AssignmentRules>\n';

describe('listComponents and writeManifest', () => {
    let root: string;
    beforeEach(() => {
        root = makeProject({ ...BASE_FILES, [RULES]: rules });
    });
    afterEach(() => removeProject(root));

    it('lists each package directory with its components, sorted', () => {
        expect(listComponents(readProject(root))).toEqual([
            {
                dir: 'force-app/main',
                components: [
                    { type: 'ApexClass', fullName: 'Hello' },
                    { type: 'AssignmentRules', fullName: 'Case' }
                ]
            }
        ]);
    });

    it('writes a package.xml naming exactly the chosen components at the project API version', async () => {
        const file = path.join(root, 'dist', 'manifest', 'package.xml');
        await writeManifest(readProject(root), [{ type: 'ApexClass', fullName: 'Hello' }], file);
        const xml = readFileSync(file, 'utf8');
        expect(xml).toContain('<members>Hello</members>');
        expect(xml).toContain('<name>ApexClass</name>');
        expect(xml).not.toContain('AssignmentRules');
        expect(xml).toContain('<version>65.0</version>');
    });
});
