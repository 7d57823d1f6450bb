import type { FastifyReply, FastifyRequest } from 'fastify';
import { SendbirdFault } from './world';

/** Small helpers shared by the REST route files of the local stand-in for Sendbird. */

export type Body = Record<string, unknown>;

/** Who is calling: an SDK user (`Session-Key`) or the server side (`Api-Token`). */
export type Caller = { kind: 'user'; userId: string } | { kind: 'platform' };

/** The request body as JSON (the body parser keeps raw buffers); `{}` when empty. */
export function jsonBody(request: FastifyRequest): Body {
    const raw = request.body;
    if (!Buffer.isBuffer(raw) || raw.length === 0) return {};
    try {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body;
    } catch {
        // fall through
    }
    throw new SendbirdFault(400, 400403, 'Invalid JSON request body.');
}

export function query(request: FastifyRequest): Record<string, string | undefined> {
    return (request.query ?? {}) as Record<string, string | undefined>;
}

export function requiredString(body: Body, field: string): string {
    const value = body[field];
    if (typeof value !== 'string') throw new SendbirdFault(400, 400100, `"${field}" is required.`);
    return value;
}

export function stringList(body: Body, field: string): string[] {
    const value = body[field];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new SendbirdFault(400, 400100, `"${field}" must be a list of user ids.`);
    }
    return value as string[];
}

export function intParam(value: string | undefined, fallback: number): number {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new SendbirdFault(400, 400111, `Invalid value: "${value}".`);
    return n;
}

/** Sendbird's error body, `{error:true, code, message}`. */
export function sendFault(reply: FastifyReply, fault: SendbirdFault): FastifyReply {
    return reply
        .status(fault.status)
        .send({ error: true, code: fault.code, message: fault.message });
}

export function param(request: FastifyRequest, name: string): string {
    return (request.params as Record<string, string>)[name] ?? '';
}
