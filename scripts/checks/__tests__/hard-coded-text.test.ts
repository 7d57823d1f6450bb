import { textIn } from '../metadata/hard-coded-text';

const LWC = 'force-app/main/default/lwc/panel/panel.html';
const AURA = 'force-app/main/default/aura/bar/bar.cmp';

const found = (file: string, markup: string) =>
    textIn(file, markup).map(({ line, column, message }) => ({ line, column, message }));

describe('hardCodedText', () => {
    it('accepts templates whose words all come from expressions', () => {
        expect(
            found(
                LWC,
                [
                    '<template>',
                    '    <lightning-card title={labels.TITLE} icon-name="standard:knowledge">',
                    '        <lightning-button label={labels.SYNC} variant="brand"></lightning-button>',
                    '        <p class="intro">{labels.INTRO}</p>',
                    '        <template lwc:if={busy}><lightning-spinner alternative-text={labels.WORKING} size="small"></lightning-spinner></template>',
                    '        <p>{count} · {total}</p>',
                    '    </lightning-card>',
                    '</template>'
                ].join('\n')
            )
        ).toEqual([]);
    });

    it('reports text between tags, also inside nested templates, with its line', () => {
        expect(
            found(
                LWC,
                [
                    '<template>',
                    '    <template lwc:if={none}>',
                    '        <p class="no-run">No run yet.</p>',
                    '    </template>',
                    '    <dt>{labels.STARTED}</dt><dd>Counts: {counts}</dd>',
                    '</template>'
                ].join('\n')
            )
        ).toEqual([
            {
                line: 3,
                column: 27,
                message: 'hard-coded text "No run yet.": use a Custom Label'
            },
            {
                line: 5,
                column: 34,
                message: 'hard-coded text "Counts:": use a Custom Label'
            }
        ]);
    });

    it('reports literal values of the attributes a user reads, not of the others', () => {
        expect(
            found(
                LWC,
                '<template><lightning-button label="Sync now" variant="brand" class="sync" ' +
                    'message-when-value-missing="Required"></lightning-button></template>'
            ).map(({ message }) => message)
        ).toEqual([
            'hard-coded label="Sync now": use a Custom Label',
            'hard-coded message-when-value-missing="Required": use a Custom Label'
        ]);
    });

    it('reads Aura markup, where {!$Label.c.X} is the bound form', () => {
        expect(
            found(
                AURA,
                '<aura:component>\n    <lightning:button label="{!$Label.c.Bar_Open}" />\n' +
                    '    <lightning:card title="Chat">Loading…</lightning:card>\n</aura:component>\n'
            ).map(({ line, message }) => ({ line, message }))
        ).toEqual([
            { line: 3, message: 'hard-coded title="Chat": use a Custom Label' },
            { line: 3, message: 'hard-coded text "Loading…": use a Custom Label' }
        ]);
    });
});
