/**
 * HTML building blocks for the jest-DOM screenshots: escaping, attributes and the Lightning
 * Design System's SVG icons (from the @salesforce-ux/design-system sprites).
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * @param {unknown} value text or an attribute value
 * @returns {string} the value, safe in HTML text and in double-quoted attributes
 */
export function escapeHtml(value) {
    return String(value ?? '').replace(/[&<>"]/g, (character) => ESCAPES[character]);
}

/**
 * @param {Record<string, unknown>} attributes name → value; false, null and undefined are left
 *     out, true is written as a bare attribute
 * @returns {string} ` name="value"` pairs, each with its leading space
 */
export function attributesOf(attributes) {
    return Object.entries(attributes)
        .filter(([, value]) => value !== false && value !== null && value !== undefined)
        .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
        .join('');
}

/**
 * @param {...(string|false|null|undefined)} names class names, falsy ones skipped
 * @returns {string} them joined by spaces
 */
export function classes(...names) {
    return names.filter(Boolean).join(' ');
}

/** Where the page serves the design system's assets (scripts/dev/screenshots/lightning.ts). */
export const ASSETS = '/slds/assets';

/**
 * @param {string} iconName e.g. "utility:refresh"
 * @returns {string} the URL of its symbol in the design system's sprite
 */
export function spriteHref(iconName) {
    const [category, name] = String(iconName).split(':');
    if (!category || !name) {
        throw new Error(`Not an SLDS icon name: "${iconName}" (expected category:name)`);
    }
    return `${ASSETS}/icons/${category}-sprite/svg/symbols.svg#${name}`;
}

/**
 * An SLDS icon as lightning-icon draws it: a container coloured for standard and custom icons,
 * an SVG that uses the sprite symbol, and the alternative text for assistive technology.
 * @param {string} iconName e.g. "utility:refresh", "standard:live_chat"
 * @param {{size?: string, variant?: string, alternativeText?: string, extraClass?: string}} options
 * @returns {string} HTML
 */
export function iconMarkup(
    iconName,
    { size = 'small', variant, alternativeText, extraClass } = {}
) {
    const href = spriteHref(iconName);
    const [category, name] = iconName.split(':');
    const utility = category === 'utility';
    const fill = utility ? `slds-icon-text-${variant ?? 'default'}` : undefined;
    const container = classes(
        'slds-icon_container',
        `slds-icon-${category}-${name.replace(/_/g, '-')}`,
        extraClass
    );
    const svg = classes('slds-icon', `slds-icon_${size}`, fill);
    const label = alternativeText
        ? `<span class="slds-assistive-text">${escapeHtml(alternativeText)}</span>`
        : '';
    return (
        `<span${attributesOf({ class: container, title: alternativeText || undefined })}>` +
        `<svg class="${svg}" aria-hidden="true"><use href="${escapeHtml(href)}"></use></svg>` +
        `${label}</span>`
    );
}
