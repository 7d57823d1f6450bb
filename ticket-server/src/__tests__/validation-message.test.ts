import { describeValidation } from '../validation-message';

describe('describeValidation', () => {
    it.each([
        [
            { keyword: 'required', instancePath: '', params: { missingProperty: 'subject' } },
            '"subject" is required'
        ],
        [
            {
                keyword: 'additionalProperties',
                instancePath: '',
                params: { additionalProperty: 'userId' }
            },
            '"userId" is not a field of a ticket'
        ],
        [
            { keyword: 'type', instancePath: '/subject', params: { type: 'string' } },
            '"subject" must be a string'
        ],
        [
            { keyword: 'type', instancePath: '', params: { type: 'object' } },
            'the body must be a JSON object'
        ],
        [
            { keyword: 'pattern', instancePath: '/subject', params: { pattern: '\\S' } },
            '"subject" must not be empty'
        ],
        [
            { keyword: 'maxLength', instancePath: '/name', params: { limit: 80 } },
            '"name" must be at most 80 characters'
        ],
        [
            { keyword: 'format', instancePath: '/email', params: { format: 'email' } },
            '"email" must be a valid email address'
        ],
        [
            {
                keyword: 'const',
                instancePath: '/x',
                params: {},
                message: 'must be equal to constant'
            },
            '"x" must be equal to constant'
        ]
    ])('words %o as %p', (issue, expected) => {
        expect(describeValidation([issue])).toBe(expected);
    });

    it('has a fallback without issues', () => {
        expect(describeValidation([])).toBe('the request is not valid');
    });
});
