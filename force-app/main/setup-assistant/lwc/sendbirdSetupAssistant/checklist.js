/**
 * How each outcome of an Apex check is shown. The status is always spelled out in text; colour
 * and icon only repeat it.
 */
import { format } from 'c/sendbirdFormat';
import LABELS from './labels';

const LOOKS = {
    passed: {
        text: LABELS.PASSED,
        icon: 'utility:success',
        variant: 'success',
        badge: 'slds-theme_success'
    },
    failed: {
        text: LABELS.FAILED,
        icon: 'utility:error',
        variant: 'error',
        badge: 'slds-theme_error'
    },
    unknown: {
        text: LABELS.UNKNOWN,
        icon: 'utility:warning',
        variant: 'warning',
        badge: 'slds-theme_warning'
    }
};

/**
 * @param {{key: string, label: string, status: string, detail: string, fix?: string, fixUrl?: string}}
 *     result one result of SendbirdSetupController.runChecks
 * @returns {object} the result with what the template shows
 */
export function toItem(result) {
    // An outcome this component does not know is shown as undecided, never as passed.
    const look = LOOKS[result.status] ?? LOOKS.unknown;
    return {
        ...result,
        statusText: look.text,
        iconName: look.icon,
        iconVariant: look.variant,
        badgeClass: `slds-badge ${look.badge}`,
        fixLinkText: result.fixUrl ? format(LABELS.OPEN_SETUP, result.label) : undefined
    };
}

/**
 * @param {object[]} items checklist items
 * @returns {string} e.g. "Passed: 6. Failed: 1. Unknown: 1."
 */
export function summarize(items) {
    const count = (status) => items.filter((item) => item.status === status).length;
    const undecided = items.length - count('passed') - count('failed');
    return format(LABELS.SUMMARY, count('passed'), count('failed'), undecided);
}

/**
 * The readable message of an Apex or network error.
 * @param {any} error what the Apex promise rejected with
 * @returns {string} the message
 */
export function messageOf(error) {
    return error?.body?.message ?? error?.message ?? LABELS.UNKNOWN_ERROR;
}
