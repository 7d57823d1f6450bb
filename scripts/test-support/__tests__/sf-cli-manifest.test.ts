import { sfCommandProblems } from '../sf-cli-manifest';

describe('sfCommandProblems (the installed sf CLI as the judge of planned commands)', () => {
    it('accepts real commands in any word order oclif allows, with their flags', () => {
        expect(
            sfCommandProblems(['project', 'deploy', 'start', '-x', 'p.xml', '--wait', '30'])
        ).toEqual([]);
        expect(
            sfCommandProblems([
                'apex',
                'test',
                'run',
                '--code-coverage',
                '--test-level=RunLocalTests'
            ])
        ).toEqual([]);
        expect(
            sfCommandProblems([
                'org',
                'login',
                'sfdx-url',
                '--sfdx-url-stdin',
                '-',
                '--alias',
                'devhub'
            ])
        ).toEqual([]);
    });

    it('names an unknown command, flag, missing value or value outside the options', () => {
        expect(sfCommandProblems(['project', 'deploy', 'begin'])).toEqual([
            '"sf project deploy begin" is not a command of the installed sf CLI'
        ]);
        expect(sfCommandProblems(['org', 'assign', 'permset', '--nme', 'X'])).toEqual([
            'sf org:assign:permset: unknown argument "--nme"',
            'sf org:assign:permset: unknown argument "X"'
        ]);
        expect(
            sfCommandProblems(['project', 'deploy', 'start', '--manifest', '--wait', '3'])
        ).toEqual([
            'sf project:deploy:start: --manifest needs a value',
            'sf project:deploy:start: unknown argument "3"'
        ]);
        expect(sfCommandProblems(['project', 'deploy', 'start', '-l', 'RunSomeTests'])).toEqual([
            expect.stringContaining('-l "RunSomeTests" is not one of NoTestRun,RunSpecifiedTests')
        ]);
    });
});
