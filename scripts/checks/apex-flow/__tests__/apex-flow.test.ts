import { ApexFlow } from '../apex-flow';
import { loadApexProject, testMethods } from '../apex-project';
import { HELPER, QUEUED_MOCK, SERVICE, testClass, writeApex } from './apex-fixture';

const ARMED =
    "Test.setMock(HttpCalloutMock.class, new SendbirdHttpCalloutMock().reply(200, '{}'));";
const UNARMED = 'Test.setMock(HttpCalloutMock.class, new SendbirdHttpCalloutMock());';

/** The test methods of Flow_Tests that the analysis flags, with the first callout chain of each. */
function flagged(methods: Record<string, string>, extra = ''): Record<string, string> {
    const apex = writeApex({
        Flow_Tests: testClass(methods, extra),
        SendbirdHttpCalloutMock: QUEUED_MOCK,
        Service: SERVICE,
        Helper: HELPER
    });
    try {
        const project = loadApexProject(apex.files);
        const flow = new ApexFlow(project.index);
        const result: Record<string, string> = {};
        for (const test of testMethods(project.types)) {
            const [first] = flow.walkTest(test);
            if (first) {
                result[test.label.split('.').pop()!] =
                    `${first.pending.steps.join(' → ')} | ${first.callout.steps.join(' → ')}`;
            }
        }
        return result;
    } finally {
        apex.remove();
    }
}

describe('the DML-before-callout analysis', () => {
    it('flags a callout after DML in the test itself, and names both', () => {
        const found = flagged({
            direct: `insert new Account(Name = 'x');\n${ARMED}\nService.fetch();`
        });
        expect(Object.keys(found)).toEqual(['direct']);
        expect(found.direct).toMatch(/Flow_Tests\.direct line \d+: insertnewAccount/);
        expect(found.direct).toMatch(/Service\.fetch line 3: Http\.send$/);
    });

    it('follows DML into a helper, including a lazy property getter', () => {
        const found = flagged({
            viaMethod: `Helper.insertAccount();\n${ARMED}\nService.fetch();`,
            viaGetter: `${ARMED}\nSystem.runAs(Helper.user) { Service.fetch(); }`
        });
        expect(found.viaMethod).toMatch(/Helper\.insertAccount line 14: insert/);
        expect(found.viaGetter).toMatch(/Helper\.user line 8: insertcached;/);
    });

    it('finds DML and callout in the same service call', () => {
        expect(Object.keys(flagged({ inside: `${ARMED}\nService.saveThenFetch();` }))).toEqual([
            'inside'
        ]);
    });

    it('accepts Test.startTest() between the DML and the callout', () => {
        const found = flagged({
            started: `insert new Account(Name = 'x');\nTest.startTest();\n${ARMED}\nService.fetch();\nTest.stopTest();`,
            callsFirst: `${ARMED}\nService.fetch();\ninsert new Account(Name = 'x');`
        });
        expect(found).toEqual({});
    });

    it('does not count @TestSetup DML: it is committed before each test', () => {
        const setup = "    @TestSetup\n    static void setup() { insert new Account(Name = 's'); }";
        expect(flagged({ afterSetup: `${ARMED}\nService.fetch();` }, setup)).toEqual({});
    });

    it('counts async work outside startTest/stopTest, as the Apex Developer Guide says', () => {
        const found = flagged({
            queued: `System.enqueueJob(new Job());\n${ARMED}\nService.fetch();`
        });
        expect(found.queued).toMatch(/async work: System\.enqueueJob/);
    });

    it('reports nothing while the queued mock has no answer (it would fail any request)', () => {
        expect(
            flagged({ unarmed: `insert new Account(Name = 'x');\n${UNARMED}\nService.fetch();` })
        ).toEqual({});
    });

    it('lets a rolled-back and released savepoint call out again', () => {
        const body = `${ARMED}
Savepoint sp = Database.setSavepoint();
insert new Account(Name = 'x');
Database.rollback(sp);
Database.releaseSavepoint(sp);
Service.fetch();`;
        expect(flagged({ released: body })).toEqual({});
        expect(
            Object.keys(flagged({ kept: body.replace('Database.rollback(sp);\n', '') }))
        ).toEqual(['kept']);
    });

    it('skips a branch that a Boolean the test set rules out', () => {
        const extra = '    static Boolean offline = false;';
        const found = flagged(
            {
                ruledOut: `offline = true;\ninsert new Account(Name = 'x');\n${ARMED}\nif (!offline) { Service.fetch(); }`,
                unknown: `insert new Account(Name = 'x');\n${ARMED}\nif (!offline) { Service.fetch(); }`
            },
            extra
        );
        expect(Object.keys(found)).toEqual(['unknown']);
    });
});
