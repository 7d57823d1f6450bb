import { reachOf, type PlanApex } from '../../apex-deploy-coverage';
import { testClass, writeApex } from './apex-fixture';

const ARTICLES = `public with sharing class Articles {
    private static final String OBJECT_NAME = 'Knowledge__kav';
    public static Integer count() {
        Type articleType = Type.forName(OBJECT_NAME);
        if (articleType == null) {
            throw new IllegalArgumentException('no Knowledge');
        }
        Integer total = 0;
        total += 1;
        return total;
    }
    public static Boolean enabled() {
        return Schema.getGlobalDescribe().containsKey('knowledge__kav');
    }
}`;
const UNUSED = `public with sharing class Unused {
    public static Integer one() {
        return 1;
    }
}`;
const TESTS = testClass({
    counts: "try { Articles.count(); } catch (IllegalArgumentException e) { Assert.isNotNull(e, 'x'); }"
});

function reach(absentObjects: string[]): Record<string, string> {
    const apex = writeApex({ Articles: ARTICLES, Unused: UNUSED, Flow_Tests: TESTS });
    try {
        const [articles, unused, tests] = apex.files;
        const plan: PlanApex = {
            name: 'test plan',
            files: apex.files,
            tests: [tests],
            classes: [articles, unused],
            absentObjects
        };
        const result: Record<string, string> = {};
        for (const { file, reached, statements } of reachOf(plan)) {
            result[file === articles ? 'Articles' : 'Unused'] = `${reached}/${statements}`;
        }
        return result;
    } finally {
        apex.remove();
    }
}

describe('coverage by deploy subset', () => {
    it('counts a class no test of the plan reaches as 0', () => {
        expect(reach([]).Unused).toBe('0/1');
    });

    it('sees that code past a Knowledge probe runs only where the org has Knowledge', () => {
        // count(): 6 statements; enabled(): 1, never called. Without Knowledge the probe is null.
        expect(reach(['knowledge__kav']).Articles).toBe('3/7');
        expect(reach([]).Articles).toBe('6/7');
    });
});

describe('coverage through a platform event', () => {
    it("reaches an event's trigger from the EventBus.publish of its events", () => {
        const apex = writeApex({
            Publisher: `public with sharing class Publisher {
    public static void send() {
        List<Ping__e> events = new List<Ping__e>{ new Ping__e() };
        EventBus.publish(events);
    }
}`,
            'PingTrigger.trigger': `trigger PingTrigger on Ping__e (after insert) {
    System.debug(Trigger.new.size());
}`,
            Flow_Tests: testClass({ publishes: 'Publisher.send(); Test.getEventBus().deliver();' })
        });
        try {
            const [publisher, trigger, tests] = apex.files;
            const reached = reachOf({
                name: 'test plan',
                files: apex.files,
                tests: [tests],
                classes: [publisher, trigger],
                absentObjects: []
            }).find((entry) => entry.file === trigger);
            expect(`${reached?.reached}/${reached?.statements}`).toBe('1/1');
        } finally {
            apex.remove();
        }
    });
});
