/** The JSON every error response carries: `{error:{code,message}}`, plus details where useful. */
export interface ErrorBody {
    error: { code: string; message: string; caseId?: string; caseNumber?: string };
}

/** An error that maps to one HTTP response; anything else becomes a 500 with no detail. */
export class HttpError extends Error {
    constructor(
        readonly statusCode: number,
        readonly code: string,
        message: string,
        readonly details: Omit<ErrorBody['error'], 'code' | 'message'> = {}
    ) {
        super(message);
        this.name = 'HttpError';
    }

    toBody(): ErrorBody {
        return { error: { code: this.code, message: this.message, ...this.details } };
    }

    toResponse(): { statusCode: number; body: ErrorBody } {
        return { statusCode: this.statusCode, body: this.toBody() };
    }
}

/** An upstream (Salesforce or Sendbird) call that failed for good; `status` is theirs, if any. */
export class UpstreamError extends Error {
    constructor(
        readonly service: 'salesforce' | 'sendbird',
        message: string,
        readonly status?: number,
        readonly code?: string | number
    ) {
        super(message);
        this.name = 'UpstreamError';
    }
}
