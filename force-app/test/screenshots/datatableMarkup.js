/**
 * lightning-datatable as Lightning Design System markup: a checkbox column, one header per
 * column and one row per record, each cell formatted by its column's type as the real
 * datatable does for the types used here (text, url, number, date).
 */
import { attributesOf, classes, escapeHtml } from './markup';

// The org formats dates in the user's time zone; the pictures use UTC so every machine agrees.
const TIME_ZONE = 'UTC';

function cellText(column, row) {
    const value = row[column.fieldName];
    switch (column.type ?? 'text') {
        case 'text':
            return escapeHtml(value);
        case 'number':
            return value === undefined || value === null
                ? ''
                : escapeHtml(new Intl.NumberFormat('en-US').format(value));
        case 'date':
            return value
                ? escapeHtml(
                      new Intl.DateTimeFormat('en-US', {
                          ...column.typeAttributes,
                          timeZone: TIME_ZONE
                      }).format(new Date(value))
                  )
                : '';
        case 'url': {
            if (!value) {
                return '';
            }
            const labelField = column.typeAttributes?.label?.fieldName;
            const label = labelField ? row[labelField] : value;
            return `<a href="${escapeHtml(value)}" tabindex="-1">${escapeHtml(label ?? value)}</a>`;
        }
        default:
            throw new Error(`lightning-datatable column type "${column.type}" is not drawn here`);
    }
}

function checkbox(id, label, checked) {
    return (
        '<div class="slds-checkbox">' +
        `<input${attributesOf({ type: 'checkbox', id, checked, tabindex: '-1' })}>` +
        `<label class="slds-checkbox__label" for="${escapeHtml(id)}">` +
        '<span class="slds-checkbox_faux"></span>' +
        `<span class="slds-form-element__label slds-assistive-text">${escapeHtml(label)}</span>` +
        '</label></div>'
    );
}

function widthOf(column) {
    return column.initialWidth ? `width: ${column.initialWidth}px` : undefined;
}

/**
 * @param {{columns?: object[], data?: object[], keyField: string, selectedRows?: string[],
 *     hideCheckboxColumn?: boolean}} host the lightning-datatable stub
 * @returns {string} HTML of the table
 */
export function datatableMarkup(host) {
    const columns = host.columns ?? [];
    const rows = host.data ?? [];
    const selected = new Set(host.selectedRows ?? []);
    const withCheckboxes = !host.hideCheckboxColumn;
    const headers = columns.map(
        (column) =>
            `<th${attributesOf({ scope: 'col', style: widthOf(column) })}>` +
            '<div class="slds-th__action">' +
            `<span class="slds-truncate" title="${escapeHtml(column.label)}">${escapeHtml(column.label)}</span>` +
            '</div></th>'
    );
    const body = rows.map((row, index) => {
        const key = row[host.keyField];
        const cells = columns.map((column) => {
            const type = column.type ?? 'text';
            const wrap = column.wrapText ? 'slds-cell-wrap' : 'slds-truncate';
            const align = type === 'number' ? 'slds-text-align_right' : undefined;
            return `<td role="gridcell"><div class="${classes(wrap, align)}">${cellText(column, row)}</div></td>`;
        });
        const box = withCheckboxes
            ? `<td class="slds-text-align_right" role="gridcell">${checkbox(
                  `row-${key}`,
                  `Select item ${index + 1}`,
                  selected.has(key)
              )}</td>`
            : '';
        return `<tr${attributesOf({
            class: 'slds-hint-parent',
            'aria-selected': withCheckboxes ? String(selected.has(key)) : undefined
        })}>${box}${cells.join('')}</tr>`;
    });
    const selectAll = withCheckboxes
        ? `<th class="slds-text-align_right" scope="col" style="width: 3.25rem"><div class="slds-th__action slds-th__action_form">${checkbox(
              'select-all',
              'Select all',
              rows.length > 0 && rows.every((row) => selected.has(row[host.keyField]))
          )}</div></th>`
        : '';
    return (
        '<div class="slds-scrollable_x">' +
        '<table class="slds-table slds-table_bordered slds-table_fixed-layout slds-table_resizable-cols" role="grid">' +
        `<thead><tr class="slds-line-height_reset">${selectAll}${headers.join('')}</tr></thead>` +
        `<tbody>${body.join('')}</tbody></table></div>`
    );
}
