import { listComponents } from '../deploy-components';
import { readProject } from '../../project/project';
import { BASE_FILES, makeProject, removeProject } from '../../test-support/fixture-project';

const RULES = 'force-app/main/default/assignmentRules/Case.assignmentRules-meta.xml';
const rules =
    '<?xml version="1.0" encoding="UTF-8"?>\n<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    '    <assignmentRule>\n        <fullName>Ours</fullName>\n        <active>false</active>\n    </assignmentRule>\n</AssignmentRules>\n';

describe('listComponents', () => {
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
});
