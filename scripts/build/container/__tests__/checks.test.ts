import { bundleProblems, MAX_RESOURCE_BYTES, sizeProblem } from '../checks';
import type { BundleFile } from '../files';

const file = (name: string, text: string): BundleFile => ({ name, data: Buffer.from(text) });
const GOOD_HTML =
    '<!DOCTYPE html><html><link rel=stylesheet href=app.1.css><body><div id=root></div><script type=module src=app.2.js></script>';

describe('bundleProblems', () => {
    it('accepts a bundle lightning:container can run', () => {
        expect(
            bundleProblems([
                file('index.html', GOOD_HTML),
                file('app.1.css', '.a{color:red}'),
                file('app.2.js', 'fetch("https://api.example.com")')
            ])
        ).toEqual([]);
    });

    it('needs index.html at the root', () => {
        expect(bundleProblems([file('dist/index.html', GOOD_HTML)])).toEqual([
            'index.html is not at the root of the bundle; lightning:container loads <resource>/index.html.'
        ]);
    });

    it('finds inline scripts, import maps and inline handlers', () => {
        const html =
            '<html><script>alert(1)</script><script type=importmap>{"imports":{}}</script>' +
            '<script src=a.js>x()</script><body onload="go()"></body></html>';
        expect(bundleProblems([file('index.html', html)])).toEqual([
            "index.html: inline <script> (the container's CSP blocks it).",
            "index.html: inline <script> (the container's CSP blocks it).",
            "index.html: inline <script> (the container's CSP blocks it).",
            'index.html: inline event handler onload= on <body>.'
        ]);
    });

    it('finds network URLs in HTML and CSS', () => {
        expect(
            bundleProblems([
                file('index.html', GOOD_HTML.replace('app.1.css', 'https://cdn.example.com/a.css')),
                file(
                    'app.1.css',
                    '@import url("https://fonts.googleapis.com/css?family=Open+Sans");.a{background:url(http://x.test/i.png)}'
                )
            ])
        ).toEqual([
            'index.html: network URL https://cdn.example.com/a.css (the container loads nothing from the network).',
            'app.1.css: network URL https://fonts.googleapis.com/css?family=Open+Sans (the container loads nothing from the network).',
            'app.1.css: network URL http://x.test/i.png (the container loads nothing from the network).'
        ]);
    });

    it('finds absolute asset paths and source maps', () => {
        expect(
            bundleProblems([
                file('index.html', GOOD_HTML.replace('src=app.2.js', 'src=/app.2.js')),
                file('app.2.js.map', '{}')
            ])
        ).toEqual([
            'index.html: absolute asset path /app.2.js; paths must be relative.',
            'app.2.js.map: source maps do not ship in the resource.'
        ]);
    });
});

describe('sizeProblem', () => {
    it('allows up to 5 MB and refuses more', () => {
        expect(sizeProblem(MAX_RESOURCE_BYTES)).toBeNull();
        expect(sizeProblem(MAX_RESOURCE_BYTES + 1)).toBe(
            'the resource is 5242881 bytes; a static resource may hold at most 5242880.'
        );
    });
});
