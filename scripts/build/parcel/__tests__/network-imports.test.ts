import { stripNetworkImports } from '../network-imports';

describe('stripNetworkImports', () => {
    it("removes UIKit's Google Fonts import in its published forms", () => {
        const css = [
            '@import url("https://fonts.googleapis.com/css?family=Open+Sans:400,600,700&display=swap");',
            "@import 'http://example.com/a.css' screen;",
            '@import url(https://example.com/b.css);',
            '.a{color:red}'
        ].join('\n');
        expect(stripNetworkImports(css)).toEqual({
            css: '\n\n\n.a{color:red}',
            removed: [
                'https://fonts.googleapis.com/css?family=Open+Sans:400,600,700&display=swap',
                'http://example.com/a.css',
                'https://example.com/b.css'
            ]
        });
    });

    it('keeps local imports and other URLs', () => {
        const css = '@import "./local.css";.a{background:url(./i.png)}';
        expect(stripNetworkImports(css)).toEqual({ css, removed: [] });
    });
});
