import { purgeUnusedUikitRules } from '../purge-css';

const CSS = [
    '.sendbird-message-input{color:red}',
    '.sendbird-label--h-1{font-size:20px}',
    '.sendbird-openchannel-settings{width:320px}',
    '.sendbird-theme--dark .sendbird-message-input{color:white}',
    '.sendbird-theme--light .sendbird-openchannel-settings, .sendbird-message-input:hover{color:blue}',
    '.agent-chat{display:flex}',
    '@media (max-width:600px){.sendbird-thread-list{display:none}.sendbird-message-input{margin:0}}'
].join('');

describe('purgeUnusedUikitRules', () => {
    const scripts = [
        'e.className="sendbird-message-input";',
        'const l=`sendbird-label--${t}`;',
        'const theme="sendbird-theme--".concat(n);',
        'const tab="sendbird-".concat(a,"-")'
    ];

    it('drops rules that need a class no script can produce, and the dark theme', () => {
        const { css, removedRules } = purgeUnusedUikitRules(CSS, scripts);
        expect(css).toContain('.sendbird-message-input{color:red}');
        expect(css).toContain('.sendbird-label--h-1');
        expect(css).not.toContain('openchannel-settings{');
        expect(css).not.toContain('color:#fff');
        expect(css).not.toContain('thread-list');
        expect(removedRules).toBe(3);
    });

    it('keeps a rule if any one of its selectors can match', () => {
        const { css } = purgeUnusedUikitRules(CSS, scripts);
        expect(css).toContain('.sendbird-message-input:hover');
    });

    it("never drops the app's own classes", () => {
        expect(purgeUnusedUikitRules(CSS, []).css).toContain('.agent-chat{display:flex}');
    });

    it('keeps everything when a script can build the classes from a prefix', () => {
        const { removedRules } = purgeUnusedUikitRules(CSS, [
            ...scripts,
            'x="sendbird-openchannel-"+y',
            'z="sendbird-thread"'
        ]);
        expect(removedRules).toBe(1);
    });
});
