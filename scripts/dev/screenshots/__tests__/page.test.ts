import { LIGHTNING_SHOTS, SLDS_CSS, labelOf, pageHtml, withCssVarFallbacks } from '../page';

const [CASE_PANEL] = LIGHTNING_SHOTS;

describe('the Lightning screenshot page', () => {
    it('pictures the Case panel, the setup assistant and the failure console', () => {
        expect(LIGHTNING_SHOTS.map((shot) => shot.name)).toEqual([
            'case-conversation',
            'setup-assistant',
            'failure-console'
        ]);
    });

    it('loads the design system CSS and carries the fragment and its label', () => {
        const html = pageHtml(CASE_PANEL!, '<article class="slds-card">x</article>', '2.264.1');

        expect(html).toContain(`<link rel="stylesheet" href="${SLDS_CSS}">`);
        expect(html).toContain('<article class="slds-card">x</article>');
        expect(html).toContain(labelOf(CASE_PANEL!, '2.264.1'));
        expect(html).toContain('<body class="slds-scope">');
    });

    it('says in the label what the picture is drawn from and that it is not an org', () => {
        expect(labelOf(CASE_PANEL!, '2.264.1')).toBe(
            'c-sendbird-case-conversation (Case record page), rendered from its jest DOM with ' +
                'stand-in data and the Lightning Design System 2.264.1 CSS: not a Salesforce org.'
        );
    });
});

describe('withCssVarFallbacks', () => {
    it('writes out the declaration a css-var-fallback marker asks for', () => {
        const css =
            '.slds-card__body_inner{/*! @css-var-fallback padding-left */--slds-c-x:var(--a, 1rem);padding-top:0}';

        expect(withCssVarFallbacks(css)).toBe(
            '.slds-card__body_inner{--slds-c-x:var(--a, 1rem);padding-left:var(--slds-c-x);padding-top:0}'
        );
    });

    it('leaves CSS without markers as it is', () => {
        const css = '.slds-card{margin-top:1rem}';

        expect(withCssVarFallbacks(css)).toBe(css);
    });
});
