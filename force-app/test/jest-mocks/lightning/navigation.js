/**
 * Test stand-in for `lightning/navigation`, after lwc-recipes' mock: NavigationMixin records
 * every page reference it is asked to navigate to or to turn into a URL, and GenerateUrl gives a
 * URL derived from the page reference so that links in the DOM can be checked.
 */
export const CurrentPageReference = jest.fn();

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const navigated = [];

/**
 * @param {object} pageReference a page reference
 * @returns {string} a stand-in URL, e.g. /lightning/r/Case/500…/view
 */
export function urlOf(pageReference) {
    const { type, attributes = {}, state = {} } = pageReference;
    switch (type) {
        case 'standard__recordPage':
            return `/lightning/r/${attributes.objectApiName ?? 'record'}/${attributes.recordId}/${attributes.actionName}`;
        case 'standard__namedPage':
            return `/lightning/page/${attributes.pageName}?${new URLSearchParams(state)}`;
        case 'standard__webPage':
            return attributes.url;
        default:
            return `/lightning/${type}/${JSON.stringify(attributes)}`;
    }
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            navigated.push({ pageReference, replace });
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlOf(pageReference));
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Forgets the recorded navigation; call in afterEach. */
export function resetNavigation() {
    navigated.length = 0;
}
