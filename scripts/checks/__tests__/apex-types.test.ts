import { findingsFromApexLs, findingsFromStrictPass } from '../apex-types';

const message = (category: string, text: string, line = 3) => ({
    start: { line, offset: 8 },
    category,
    message: text
});

describe('findingsFromApexLs', () => {
    it('turns each apex-ls message into a 1-based located finding', () => {
        const findings = findingsFromApexLs({
            files: [
                {
                    path: '/p/classes/A.cls',
                    messages: [
                        message(
                            'Error',
                            "Incompatible types in assignment, from 'System.String' to 'System.Integer'"
                        ),
                        message(
                            'Missing',
                            "Unknown field 'No_Such_Field__c' on SObject 'Schema.Case'",
                            7
                        )
                    ]
                }
            ]
        });
        expect(findings).toEqual([
            {
                file: '/p/classes/A.cls',
                line: 3,
                column: 9,
                message:
                    "Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'"
            },
            {
                file: '/p/classes/A.cls',
                line: 7,
                column: 9,
                message: "Missing: Unknown field 'No_Such_Field__c' on SObject 'Schema.Case'"
            }
        ]);
    });

    it('drops only the unknown-type messages of Omni-Channel objects', () => {
        const findings = findingsFromApexLs({
            files: [
                {
                    path: '/p/triggers/SendbirdAgentWorkTrigger.trigger',
                    messages: [
                        message('Missing', "No type declaration found for 'Schema.AgentWork'"),
                        message('Missing', "No type declaration found for 'AgentWork'"),
                        message('Missing', "No type declaration found for 'AgentWorkHelper'"),
                        message('Missing', "No type declaration found for 'Schema.Agent'"),
                        message('Error', "No type declaration found for 'AgentWork'")
                    ]
                }
            ]
        });
        expect(findings.map((finding) => finding.message)).toEqual([
            "Missing: No type declaration found for 'AgentWorkHelper'",
            "Missing: No type declaration found for 'Schema.Agent'",
            "Error: No type declaration found for 'AgentWork'"
        ]);
    });
});

describe('findingsFromStrictPass', () => {
    const ref = {
        objectName: 'Case',
        fieldName: 'Nope__c',
        file: '/p/classes/Q.cls',
        line: 12,
        column: 30
    };
    const strict = {
        dir: '/tmp/strict',
        declaredFields: new Set(['case.channel__c']),
        syntheticFile: '/tmp/strict/syn/StrictSoqlFieldReferences.cls',
        refsByLine: new Map([[3, ref]]),
        toOriginal: (file: string) => file.replace('/tmp/strict', '/p'),
        remove: () => undefined
    };
    const report = (file: string, ...messages: ReturnType<typeof message>[]) => ({
        files: [{ path: file, messages }]
    });

    it('keeps unknown fields the workspace does not declare, at their original path', () => {
        const findings = findingsFromStrictPass(
            report(
                '/tmp/strict/classes/A.cls',
                message('Missing', "Unknown field 'Channel__c' on SObject 'Schema.Case'"),
                message('Missing', "Unknown field 'Channel__r' on SObject 'Schema.Case'"),
                message('Missing', "Unknown field 'Other__c' on SObject 'Schema.Case'"),
                message(
                    'Error',
                    "Incompatible types in assignment, from 'System.String' to 'System.Integer'"
                )
            ),
            strict
        );
        expect(findings).toEqual([
            {
                file: '/p/classes/A.cls',
                line: 3,
                column: 9,
                message: "Missing: Unknown field 'Other__c' on SObject 'Schema.Case'"
            }
        ]);
    });

    it('places SOQL findings at the query in the original class', () => {
        const findings = findingsFromStrictPass(
            report(
                strict.syntheticFile,
                message('Missing', "Unknown field 'Nope__c' on SObject 'Schema.Case'")
            ),
            strict
        );
        expect(findings).toEqual([
            {
                file: '/p/classes/Q.cls',
                line: 12,
                column: 30,
                message: "Missing: Unknown field 'Nope__c' on SObject 'Schema.Case' (in SOQL)"
            }
        ]);
    });

    it('reports unknown SOQL objects except the Omni-Channel ones', () => {
        const findings = findingsFromStrictPass(
            report(
                strict.syntheticFile,
                message('Missing', "No type declaration found for 'Schema.Nope__c'"),
                message('Missing', "No type declaration found for 'Schema.AgentWork'")
            ),
            strict
        );
        expect(findings.map((finding) => finding.message)).toEqual([
            "Missing: No type declaration found for 'Schema.Nope__c' (in SOQL)"
        ]);
    });
});
