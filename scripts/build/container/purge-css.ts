import { transform, type Selector } from 'lightningcss';

/** UIKit's class names all start with this. */
const UIKIT_PREFIX = 'sendbird-';
/** The app always renders UIKit's light theme (AgentChat passes theme="light"). */
const UNUSED_THEME = 'sendbird-theme--dark';
/** Every `sendbird-…` run of characters in the JavaScript: whole class names or their prefixes. */
const CLASS_FRAGMENT = /sendbird-[A-Za-z0-9_-]*/g;

export interface PurgeResult {
    css: string;
    removedRules: number;
}

/**
 * UIKit ships one style sheet for all its modules (open channels, threads, message search,
 * settings, dark theme …), about a third of which this app never renders. This drops a style
 * rule when each of its selectors needs a class that cannot occur: the dark theme, or a
 * `sendbird-` class that no bundled script contains, neither whole nor as a prefix it could be
 * built from (`'sendbird-label--' + type`). Everything else stays, so no used rule is lost.
 */
export function purgeUnusedUikitRules(css: string, scripts: string[]): PurgeResult {
    const fragments = new Set<string>();
    for (const script of scripts) {
        for (const fragment of script.match(CLASS_FRAGMENT) ?? []) {
            // A bare "sendbird-" prefixes everything; the SDK uses it for a tab id, not a class.
            if (fragment !== UIKIT_PREFIX) {
                fragments.add(fragment);
            }
        }
    }
    const live = new Map<string, boolean>();
    const canOccur = (name: string): boolean => {
        if (name === UNUSED_THEME) {
            return false;
        }
        if (!name.startsWith(UIKIT_PREFIX)) {
            return true;
        }
        let known = live.get(name);
        if (known === undefined) {
            known = [...fragments].some((fragment) => name.startsWith(fragment));
            live.set(name, known);
        }
        return known;
    };
    const unmatchable = (selector: Selector): boolean =>
        selector.some((component) => component.type === 'class' && !canOccur(component.name));

    let removedRules = 0;
    const { code } = transform({
        filename: 'uikit.css',
        code: Buffer.from(css),
        minify: true,
        visitor: {
            Rule(rule) {
                if (rule.type === 'style' && rule.value.selectors.every(unmatchable)) {
                    removedRules += 1;
                    return [];
                }
                return undefined;
            }
        }
    });
    return { css: code.toString(), removedRules };
}
