import { missingTestClasses } from '../apex-test-classes';

const cls = (name: string, source = `public class ${name} {}`) => ({
    file: `/p/classes/${name}.cls`,
    source
});

describe('missingTestClasses', () => {
    it('accepts a class with its _Tests class and test utilities marked @IsTest', () => {
        expect(
            missingTestClasses([
                cls('Widget'),
                cls('Widget_Tests', '@IsTest private class Widget_Tests {}'),
                cls('TestData', '@isTest public class TestData {}')
            ])
        ).toEqual([]);
    });

    it('reports a class without tests', () => {
        expect(missingTestClasses([cls('Widget')])).toEqual([
            { file: '/p/classes/Widget.cls', message: 'Widget has no Widget_Tests class' }
        ]);
    });

    it('reports a _Tests class that is not a test', () => {
        expect(missingTestClasses([cls('Widget'), cls('Widget_Tests')])).toEqual([
            {
                file: '/p/classes/Widget_Tests.cls',
                message: 'Widget_Tests is named as a test class but is not @IsTest'
            }
        ]);
    });
});
