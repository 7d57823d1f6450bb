/**
 * How each outcome of an Apex check is shown. The status is always spelled out in text; colour
 * and icon only repeat it.
 */
const LOOKS = {
    passed: {
        text: 'Passed',
        icon: 'utility:success',
        variant: 'success',
        badge: 'slds-theme_success'
    },
    failed: { text: 'Failed', icon: 'utility:error', variant: 'error', badge: 'slds-theme_error' },
    unknown: {
        text: 'Unknown',
        icon: 'utility:warning',
        variant: 'warning',
        badge: 'slds-theme_warning'
    }
};

/**
 * @param {{key: string, label: string, status: string, detail: string, fix?: string}} result
 *     one result of SendbirdSetupController.runChecks
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
        badgeClass: `slds-badge ${look.badge}`
    };
}

/**
 * @param {object[]} items checklist items
 * @returns {string} e.g. "6 passed, 1 failed, 1 unknown"
 */
export function summarize(items) {
    return Object.entries(LOOKS)
        .map(([status, look]) => ({
            count: items.filter((item) => item.status === status).length,
            text: look.text.toLowerCase()
        }))
        .filter(({ count }) => count > 0)
        .map(({ count, text }) => `${count} ${text}`)
        .join(', ');
}

/**
 * The readable message of an Apex or network error.
 * @param {any} error what the Apex promise rejected with
 * @returns {string} the message
 */
export function messageOf(error) {
    return error?.body?.message ?? error?.message ?? 'Unknown error.';
}
