import { reportFromIssues } from '../apex-ls';

/** An issue as apex-ls's server sends it (shape taken from its answer to getIssues). */
function issue(path: string, category: string, startLine: number, message: string) {
    return {
        path,
        diagnostic: {
            category: { $type: `com.nawforce.pkgforce.diagnostics.${category}` },
            location: { startLine, startPosition: 4, endLine: startLine, endPosition: 9 },
            message
        }
    };
}

describe('reportFromIssues', () => {
    it('groups issues by file and names categories as CheckForIssues does', () => {
        const report = reportFromIssues([
            issue('/w/A.cls', 'ERROR_CATEGORY', 3, 'Incompatible types'),
            issue('/w/B.trigger', 'MISSING_CATEGORY', 1, 'No type declaration found'),
            issue('/w/A.cls', 'SYNTAX_CATEGORY', 7, 'mismatched input')
        ]);
        expect(report).toEqual({
            files: [
                {
                    path: '/w/A.cls',
                    messages: [
                        {
                            start: { line: 3, offset: 4 },
                            category: 'Error',
                            message: 'Incompatible types'
                        },
                        {
                            start: { line: 7, offset: 4 },
                            category: 'Syntax',
                            message: 'mismatched input'
                        }
                    ]
                },
                {
                    path: '/w/B.trigger',
                    messages: [
                        {
                            start: { line: 1, offset: 4 },
                            category: 'Missing',
                            message: 'No type declaration found'
                        }
                    ]
                }
            ]
        });
    });

    it('keeps an issue of a category it does not know, under its own name', () => {
        const report = reportFromIssues([issue('/w/A.cls', 'NEW_CATEGORY', 2, 'Something new')]);
        expect(report.files[0].messages[0].category).toBe('NEW_CATEGORY');
    });
});
