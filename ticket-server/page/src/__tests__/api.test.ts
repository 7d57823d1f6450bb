import { describeFailure } from '../api';

describe('describeFailure (what the customer page shows)', () => {
    it('asks to check the form on a 400, with the reason', () => {
        expect(
            describeFailure(400, {
                error: { code: 'invalid_request', message: 'subject is empty' }
            })
        ).toEqual({ status: 400, message: 'Please check the form: subject is empty' });
    });

    it('asks to wait on a 429', () => {
        expect(describeFailure(429, {}).message).toMatch(/wait a minute/);
    });

    it('keeps the ticket number of a 502 that came after the Case', () => {
        const failure = describeFailure(502, {
            error: {
                code: 'channel_unavailable',
                message: 'Your ticket 00001001 was created, but chat is unavailable right now.',
                caseNumber: '00001001'
            }
        });
        expect(failure).toMatchObject({ status: 502, caseNumber: '00001001' });
        expect(failure.message).toMatch(/00001001/);
    });

    it('has a fallback for a 502 without a body and for anything else', () => {
        expect(describeFailure(502, {}).message).toMatch(/not answering/);
        expect(describeFailure(503, {}).message).toMatch(/HTTP 503/);
    });
});
