import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { BundleFile } from './files';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const NETWORK_URL = /https?:\/\/[^\s"'()<>]*/gi;
/** lightning:container caps a static resource at 5 MB. */
export const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

/**
 * Why the bundle cannot run in lightning:container, or [] when it can: `index.html` must sit at
 * the zip's root; the container's CSP blocks inline scripts (including import maps and `on*`
 * handlers) and network fetches; assets must be referenced relatively; no source maps ship.
 */
export function bundleProblems(files: BundleFile[]): string[] {
    const problems: string[] = [];
    if (!files.some((file) => file.name === 'index.html')) {
        problems.push(
            'index.html is not at the root of the bundle; lightning:container loads <resource>/index.html.'
        );
    }
    for (const file of files) {
        if (file.name.endsWith('.map')) {
            problems.push(`${file.name}: source maps do not ship in the resource.`);
        }
        if (file.name.endsWith('.html')) {
            problems.push(...htmlProblems(file.name, file.data.toString('utf8')));
        }
        if (file.name.endsWith('.css')) {
            problems.push(...networkUrlProblems(file.name, file.data.toString('utf8')));
        }
    }
    return problems;
}

/** The bundle's size problem, or null: the resource must stay within the 5 MB limit. */
export function sizeProblem(zipBytes: number): string | null {
    return zipBytes > MAX_RESOURCE_BYTES
        ? `the resource is ${zipBytes} bytes; a static resource may hold at most ${MAX_RESOURCE_BYTES}.`
        : null;
}

function htmlProblems(name: string, html: string): string[] {
    const problems = networkUrlProblems(name, html);
    for (const element of elements(parse(html))) {
        const attrs = new Map(element.attrs.map((attr) => [attr.name, attr.value]));
        if (element.tagName === 'script' && (!attrs.has('src') || hasText(element))) {
            problems.push(`${name}: inline <script> (the container's CSP blocks it).`);
        }
        for (const [attr, value] of attrs) {
            if (attr.startsWith('on')) {
                problems.push(`${name}: inline event handler ${attr}= on <${element.tagName}>.`);
            }
            if ((attr === 'src' || attr === 'href') && value.startsWith('/')) {
                problems.push(`${name}: absolute asset path ${value}; paths must be relative.`);
            }
        }
    }
    return problems;
}

function networkUrlProblems(name: string, text: string): string[] {
    return [...new Set(text.match(NETWORK_URL) ?? [])].map(
        (url) => `${name}: network URL ${url} (the container loads nothing from the network).`
    );
}

function hasText(element: Element): boolean {
    const script = element.childNodes
        .map((child) => (child.nodeName === '#text' && 'value' in child ? child.value : ''))
        .join('');
    return script.trim().length > 0;
}

function* elements(node: Node): Generator<Element> {
    if ('tagName' in node) {
        yield node;
    }
    const children = 'content' in node ? node.content.childNodes : [];
    for (const child of [...('childNodes' in node ? node.childNodes : []), ...children]) {
        yield* elements(child);
    }
}
