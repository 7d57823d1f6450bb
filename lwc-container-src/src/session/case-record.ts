/** The Case key prefix: every Case Id starts with it. */
const CASE_PREFIX = '500';
const ID_15 = /^[A-Za-z0-9]{15}$/;
const ID_18 = /^[A-Za-z0-9]{18}$/;
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The channel metadata key where Salesforce records the Case (SendbirdSingleCallSender.CASE_ID_KEY). */
export const CASE_ID_METADATA_KEY = 'salesforce_case_id';

/** The fields of a Sendbird group channel that can name its Case. */
export interface CaseChannel {
    url: string;
    data?: string;
    /** The channel's metadata as the SDK caches it (channel lists include it by default). */
    cachedMetaData?: object;
}

/**
 * The Case a channel belongs to, or null. The channel URL is the Case Id unless the Case's
 * `Sendbird_Channel_URL__c` names another channel (e.g. one the AI agent started). For such a
 * channel, Salesforce writes the Case Id into the channel metadata (`salesforce_case_id`) when the
 * handoff creates the Case; a channel's `data` may also carry it as JSON: `{"caseId": "500..."}`.
 */
export function caseIdForChannel(channel: CaseChannel): string | null {
    if (isCaseId(channel.url)) {
        return channel.url;
    }
    const fromMetadata = (channel.cachedMetaData as Record<string, unknown> | undefined)?.[
        CASE_ID_METADATA_KEY
    ];
    if (isCaseId(fromMetadata)) {
        return fromMetadata;
    }
    const caseId = parseData(channel.data)?.caseId;
    return isCaseId(caseId) ? caseId : null;
}

/** A 15-character or 18-character (with a valid checksum) Salesforce Id of a Case. */
export function isCaseId(value: unknown): value is string {
    if (typeof value !== 'string' || !value.startsWith(CASE_PREFIX)) {
        return false;
    }
    if (ID_15.test(value)) {
        return true;
    }
    return ID_18.test(value) && checksum(value.slice(0, 15)) === value.slice(15);
}

/** The 3-character suffix that makes a 15-character Id case-insensitive. */
function checksum(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const char = id15[chunk * 5 + i];
            if (char >= 'A' && char <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += CHECKSUM_ALPHABET[bits];
    }
    return suffix;
}

function parseData(data: string | undefined): { caseId?: unknown } | null {
    if (!data) {
        return null;
    }
    try {
        const parsed: unknown = JSON.parse(data);
        return typeof parsed === 'object' && parsed !== null ? parsed : null;
    } catch {
        return null;
    }
}
