/**
 * Writes one component's flattened jest DOM, with the component styles LWC put in the document
 * head, for scripts/dev/screenshots/lightning.ts, which wraps it in a page with the Lightning
 * Design System CSS and pictures it in chromium.
 */
import fs from 'fs';
import path from 'path';
import { flatten } from './flatten';

/** Where the fragments go: SENDBIRD_SHOTS_DIR, set by the screenshot script. */
export const OUT = process.env.SENDBIRD_SHOTS_DIR ?? path.join('dist', 'screenshots', 'html');

/** Lets the imperative Apex chains (then, await, finally) settle and the component re-render. */
export function settle() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((done) => setTimeout(done, 0));
}

/**
 * @param {string} name the picture's name, e.g. "case-conversation"
 * @param {HTMLElement} element the mounted component
 * @returns {string} the markup written to OUT/<name>.html (after the component styles)
 */
export function writeFragment(name, element) {
    const html = flatten(element);
    // The components' own CSS, compiled and scoped by LWC (e.g. .summary[lwc-…]).
    const styles = Array.from(
        document.head.querySelectorAll('style'),
        (style) => style.textContent
    );
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(
        path.join(OUT, `${name}.html`),
        `<style>\n${styles.join('\n')}\n</style>\n${html}\n`
    );
    return html;
}
