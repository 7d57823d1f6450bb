import { readFileSync } from 'node:fs';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Finding } from '../shared/findings';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const LWC_TEMPLATE = /[\\/]lwc[\\/][^\\/]+[\\/][^\\/]+\.html$/;
const AURA_MARKUP = /[\\/]aura[\\/][^\\/]+[\\/][^\\/]+\.(cmp|app)$/;

/** Attributes a user reads or a screen reader speaks: their literal values need a label too. */
const SPOKEN_ATTRIBUTES = new Set([
    'label',
    'title',
    'alternative-text',
    'alternativetext',
    'placeholder',
    'aria-label',
    'aria-description',
    'header',
    'help-text',
    'field-level-help',
    'tooltip',
    'text',
    'message'
]);

/** `{expr}` in LWC, `{!expr}` / `{#expr}` in Aura: bound values, not text. */
const EXPRESSION = /\{[^}]*\}/g;
/** Text a reader would see as words: at least one letter once expressions are taken out. */
const WORDS = /\p{L}/u;

function isElement(node: Node): node is Element {
    return 'tagName' in node;
}

function children(node: Node): Node[] {
    const kids = 'childNodes' in node ? node.childNodes : [];
    // parse5 keeps a <template>'s children in its content fragment.
    return isElement(node) && node.tagName === 'template'
        ? [...kids, ...(node as DefaultTreeAdapterMap['template']).content.childNodes]
        : kids;
}

function literal(value: string): string | undefined {
    const text = value.replace(EXPRESSION, '').trim();
    return WORDS.test(text) ? text : undefined;
}

/**
 * Words written straight into LWC templates and Aura markup: text between tags, and the values of
 * the attributes a user reads (label, title, alternative-text, placeholder…). Custom Labels hold
 * a component's text so Translation Workbench can translate it; a hard-coded word stays English
 * in every language. What JavaScript builds is not seen here: the LWC tests cover that.
 */
export function hardCodedText(files: string[]): Finding[] {
    return files
        .filter((file) => LWC_TEMPLATE.test(file) || AURA_MARKUP.test(file))
        .flatMap((file) => textIn(file, readFileSync(file, 'utf8')));
}

export function textIn(file: string, markup: string): Finding[] {
    const findings: Finding[] = [];
    const visit = (node: Node): void => {
        if (node.nodeName === '#text' && 'value' in node) {
            const text = literal(node.value);
            const at = node.sourceCodeLocation;
            if (text && at) {
                findings.push({
                    file,
                    line: at.startLine,
                    column: at.startCol,
                    message: `hard-coded text "${text.slice(0, 60)}": use a Custom Label`
                });
            }
        }
        if (isElement(node)) {
            for (const attribute of node.attrs) {
                const name = attribute.name.toLowerCase();
                if (!SPOKEN_ATTRIBUTES.has(name) && !name.startsWith('message-when-')) continue;
                const text = literal(attribute.value);
                const at = node.sourceCodeLocation?.attrs?.[attribute.name];
                if (text && at) {
                    findings.push({
                        file,
                        line: at.startLine,
                        column: at.startCol,
                        message: `hard-coded ${attribute.name}="${text.slice(0, 60)}": use a Custom Label`
                    });
                }
            }
        }
        children(node).forEach(visit);
    };
    visit(parseFragment(markup, { sourceCodeLocationInfo: true }));
    return findings;
}
