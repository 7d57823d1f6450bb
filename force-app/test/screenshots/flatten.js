/**
 * The composed tree of a rendered LWC as static HTML: shadow roots are inlined, slots replaced by
 * what is assigned to them, LWC's empty comment anchors dropped, and each lightning-* base
 * component drawn as the Lightning Design System markup it renders in an org
 * (./lightningMarkup.js), inside a div or span that keeps the host's classes and names the
 * component in data-lightning. A lightning-* element without markup there is an error, so a
 * picture never shows an empty stub.
 */
import { attributesOf, escapeHtml } from './markup';
import { LIGHTNING_MARKUP } from './lightningMarkup';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;
const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'link', 'meta', 'wbr']);

function slotOf(node) {
    return node.nodeType === ELEMENT_NODE ? (node.getAttribute('slot') ?? '') : '';
}

function attributesOfElement(element) {
    return attributesOf(
        Object.fromEntries(Array.from(element.attributes, ({ name, value }) => [name, value]))
    );
}

/**
 * @param {Node} node a rendered element (e.g. from createElement), or any node inside one
 * @param {Record<string, {inline: boolean, render: Function}>} [markup] lightning-* tag → drawing
 * @returns {string} HTML with no shadow roots, slots, templates, comments or lightning-* tags
 */
export function flatten(node, markup = LIGHTNING_MARKUP) {
    const all = (nodes) => Array.from(nodes, (child) => flatten(child, markup)).join('');
    switch (node.nodeType) {
        case TEXT_NODE:
            return escapeHtml(node.textContent);
        case DOCUMENT_FRAGMENT_NODE:
            return all(node.childNodes);
        case ELEMENT_NODE:
            break;
        default:
            // Comments: LWC's <!----> anchors of lwc:if and for:each.
            return '';
    }
    const tag = node.localName;
    if (tag.startsWith('lightning-')) {
        const drawing = markup[tag];
        if (!drawing) {
            throw new Error(
                `<${tag}> has no Lightning Design System markup for the screenshots: add it to force-app/test/screenshots/lightningMarkup.js`
            );
        }
        // The host's light DOM, by slot name ('' is the default slot).
        const slot = (name) => all(Array.from(node.childNodes).filter((c) => slotOf(c) === name));
        const wrapper = drawing.inline ? 'span' : 'div';
        const attributes = attributesOf({
            class: node.getAttribute('class') || undefined,
            'data-lightning': tag
        });
        return `<${wrapper}${attributes}>${drawing.render(node, slot)}</${wrapper}>`;
    }
    if (tag === 'slot') {
        const assigned = node.assignedNodes();
        return all(assigned.length > 0 ? assigned : node.childNodes);
    }
    if (tag === 'template') {
        return all(node.content.childNodes);
    }
    if (VOID_ELEMENTS.has(tag)) {
        return `<${tag}${attributesOfElement(node)}>`;
    }
    const inner = all(node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes);
    return `<${tag}${attributesOfElement(node)}>${inner}</${tag}>`;
}
