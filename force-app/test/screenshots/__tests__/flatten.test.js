import { createElement } from 'lwc';
import FlattenFixture from '../fixture/flattenFixture';
import { flatten } from '../flatten';
import { datatableMarkup } from '../datatableMarkup';

function mount() {
    const element = createElement('c-flatten-fixture', { is: FlattenFixture });
    document.body.appendChild(element);
    return element;
}

describe('flatten (jest-DOM screenshots)', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('inlines the shadow roots and draws lightning-* stubs as SLDS markup', () => {
        const html = flatten(mount());

        expect(html).toMatch(/^<c-flatten-fixture[^>]*>/);
        expect(html).toContain(
            '<span class="slds-truncate" title="Fixture card">Fixture card</span>'
        );
        expect(html).toContain(
            '<button class="slds-button slds-button_brand" type="button">Send</button>'
        );
        expect(html).toContain('<span class="slds-badge">You</span>');
        expect(html).toContain('<li class="item">First</li><li class="item">Second</li>');
        expect(html).toContain('icons/standard-sprite/svg/symbols.svg#case');
    });

    it('puts slotted content where the card draws that slot', () => {
        const html = flatten(mount());

        const actions = html.indexOf('<div class="slds-no-flex">');
        const body = html.indexOf('<div class="slds-card__body">');
        expect(html.indexOf('>Send</button>')).toBeGreaterThan(actions);
        expect(html.indexOf('>Send</button>')).toBeLessThan(body);
        expect(html.indexOf('class="intro"')).toBeGreaterThan(body);
    });

    it('leaves no template, slot, comment or lightning-* tag, and no false lwc:if branch', () => {
        const html = flatten(mount());

        expect(html).not.toMatch(/<template|<slot|<!--|<lightning-/);
        expect(html).not.toContain('Never shown');
        expect(html).toContain('data-lightning="lightning-card"');
    });

    it('escapes text', () => {
        expect(flatten(mount())).toContain('Text with &lt;angle&gt; &amp; &quot;quotes&quot;');
    });

    it('refuses a lightning-* component it cannot draw, rather than picture an empty stub', () => {
        expect(() => flatten(document.createElement('lightning-tabset'))).toThrow(
            /<lightning-tabset> has no Lightning Design System markup/
        );
    });
});

describe('datatableMarkup', () => {
    const host = {
        keyField: 'Id',
        selectedRows: ['2'],
        columns: [
            {
                label: 'Name',
                fieldName: 'url',
                type: 'url',
                typeAttributes: { label: { fieldName: 'Name' } }
            },
            { label: 'Tries', fieldName: 'tries', type: 'number' },
            {
                label: 'Created',
                fieldName: 'created',
                type: 'date',
                typeAttributes: {
                    month: 'short',
                    day: '2-digit',
                    hour: '2-digit',
                    minute: '2-digit'
                }
            }
        ],
        data: [
            { Id: '1', Name: 'SSF-1', url: '/r/1', tries: 1200, created: '2025-03-01T10:00:00Z' },
            { Id: '2', Name: 'SSF-2', tries: 3, created: '2025-03-01T23:30:00Z' }
        ]
    };

    it('draws a header per column and a row per record, cells formatted by type', () => {
        const html = datatableMarkup(host);

        expect(html.match(/<th /g)).toHaveLength(4);
        expect(html.match(/<tr class="slds-hint-parent"/g)).toHaveLength(2);
        expect(html).toContain('<a href="/r/1" tabindex="-1">SSF-1</a>');
        expect(html).toContain('>1,200</div>');
        // Dates in UTC, whatever the machine's time zone.
        expect(html).toContain('>Mar 01, 11:30 PM</div>');
    });

    it('checks the selected rows only', () => {
        const html = datatableMarkup(host);

        expect(html).toContain('<input type="checkbox" id="row-2" checked tabindex="-1">');
        expect(html).toContain('<input type="checkbox" id="row-1" tabindex="-1">');
    });

    it('refuses a column type it does not draw', () => {
        expect(() =>
            datatableMarkup({
                ...host,
                columns: [{ label: 'X', fieldName: 'x', type: 'currency' }]
            })
        ).toThrow(/"currency"/);
    });
});
