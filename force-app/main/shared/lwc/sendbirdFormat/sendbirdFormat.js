/**
 * Fills a Custom Label's numbered placeholders, as Salesforce's own format functions do:
 * format('{0} ({1})', 'Chat', 3) is 'Chat (3)'. Sentences live whole in the labels, so a
 * translator can move the placeholders; code never glues words together.
 * @param {string} template a label with {0}, {1}, …
 * @param {...unknown} values the values, in placeholder order
 * @returns {string} the text
 */
export function format(template, ...values) {
    return String(template).replace(/\{(\d+)\}/g, (placeholder, index) => {
        return index < values.length ? String(values[index]) : placeholder;
    });
}
