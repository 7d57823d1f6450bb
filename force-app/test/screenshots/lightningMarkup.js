/**
 * What each lightning-* base component the screenshots meet draws in an org, as Lightning Design
 * System markup built from the stub's public properties (the sfdx-lwc-jest stubs draw nothing).
 * Each entry: `inline` for components whose host flows in text, and `render(host, slot)`, where
 * `slot(name)` is the flattened light DOM given to that slot ('' for the default slot).
 */
import { attributesOf, classes, escapeHtml, iconMarkup, spriteHref } from './markup';
import { datatableMarkup } from './datatableMarkup';

const BUTTON_VARIANTS = {
    base: undefined,
    neutral: 'slds-button_neutral',
    brand: 'slds-button_brand',
    'brand-outline': 'slds-button_outline-brand',
    destructive: 'slds-button_destructive',
    'destructive-text': 'slds-button_text-destructive',
    inverse: 'slds-button_inverse',
    success: 'slds-button_success'
};

function button(host) {
    const variant = host.variant ?? 'neutral';
    if (!(variant in BUTTON_VARIANTS)) {
        throw new Error(`lightning-button variant "${variant}" has no SLDS class here`);
    }
    const icon = host.iconName
        ? iconMarkup(host.iconName, { size: 'x-small', extraClass: 'slds-button__icon_left' })
        : '';
    return `<button${attributesOf({
        class: classes('slds-button', BUTTON_VARIANTS[variant]),
        type: 'button',
        title: host.title,
        disabled: Boolean(host.disabled)
    })}>${icon}${escapeHtml(host.label)}</button>`;
}

function buttonIcon(host) {
    const href = spriteHref(host.iconName);
    return (
        `<button${attributesOf({
            class: 'slds-button slds-button_icon slds-button_icon-border-filled',
            type: 'button',
            title: host.title ?? host.alternativeText,
            disabled: Boolean(host.disabled)
        })}><svg class="slds-button__icon" aria-hidden="true"><use href="${escapeHtml(href)}"></use></svg>` +
        `<span class="slds-assistive-text">${escapeHtml(host.alternativeText)}</span></button>`
    );
}

function card(host, slot) {
    const icon = host.iconName
        ? `<div class="slds-media__figure">${iconMarkup(host.iconName, { size: 'small' })}</div>`
        : '';
    const footer = slot('footer');
    return (
        '<article class="slds-card"><div class="slds-card__header slds-grid">' +
        `<header class="slds-media slds-media_center slds-has-flexi-truncate">${icon}` +
        '<div class="slds-media__body"><h2 class="slds-card__header-title">' +
        `<span class="slds-truncate" title="${escapeHtml(host.title)}">${escapeHtml(host.title)}</span>` +
        `${slot('title')}</h2></div></header>` +
        `<div class="slds-no-flex">${slot('actions')}</div></div>` +
        `<div class="slds-card__body">${slot('')}</div>` +
        (footer ? `<footer class="slds-card__footer">${footer}</footer>` : '') +
        '</article>'
    );
}

function combobox(host) {
    const selected = (host.options ?? []).find((option) => option.value === (host.value ?? ''));
    return (
        '<div class="slds-form-element">' +
        `<label class="slds-form-element__label">${escapeHtml(host.label)}</label>` +
        '<div class="slds-form-element__control"><div class="slds-combobox_container">' +
        '<div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">' +
        '<div class="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_right" role="none">' +
        `<button${attributesOf({
            type: 'button',
            class: classes(
                'slds-input_faux slds-combobox__input',
                selected && 'slds-combobox__input-value'
            ),
            role: 'combobox',
            'aria-expanded': 'false'
        })}>` +
        `<span class="slds-truncate">${escapeHtml(selected?.label ?? host.placeholder ?? 'Select an Option')}</span></button>` +
        iconMarkup('utility:down', {
            size: 'x-small',
            extraClass: 'slds-input__icon slds-input__icon_right'
        }) +
        '</div></div></div></div></div>'
    );
}

function formattedDateTime(host) {
    const options = {};
    for (const key of ['year', 'month', 'day', 'hour', 'minute', 'second', 'weekday']) {
        if (host[key]) {
            options[key] = host[key];
        }
    }
    // The org formats in the user's time zone; the pictures use UTC, so every machine agrees.
    return escapeHtml(
        new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(
            new Date(host.value)
        )
    );
}

function progressBar(host) {
    const value = Math.max(0, Math.min(100, Number(host.value) || 0));
    return (
        `<div class="slds-progress-bar slds-progress-bar_${host.size ?? 'medium'}" role="progressbar"` +
        ` aria-valuemin="0" aria-valuemax="100" aria-valuenow="${value}">` +
        `<span class="slds-progress-bar__value" style="width: ${value}%"></span></div>`
    );
}

function spinner(host) {
    return (
        `<div role="status" class="slds-spinner slds-spinner_${host.size ?? 'medium'}">` +
        `<span class="slds-assistive-text">${escapeHtml(host.alternativeText)}</span>` +
        '<div class="slds-spinner__dot-a"></div><div class="slds-spinner__dot-b"></div></div>'
    );
}

export const LIGHTNING_MARKUP = {
    'lightning-badge': {
        inline: true,
        render: (host) => `<span class="slds-badge">${escapeHtml(host.label)}</span>`
    },
    'lightning-button': { inline: true, render: button },
    'lightning-button-icon': { inline: true, render: buttonIcon },
    'lightning-card': { inline: false, render: card },
    'lightning-combobox': { inline: false, render: combobox },
    'lightning-datatable': { inline: false, render: datatableMarkup },
    'lightning-formatted-date-time': { inline: true, render: formattedDateTime },
    'lightning-icon': {
        inline: true,
        render: (host) =>
            iconMarkup(host.iconName, {
                size: host.size ?? 'medium',
                variant: host.variant,
                alternativeText: host.alternativeText
            })
    },
    'lightning-progress-bar': { inline: false, render: progressBar },
    'lightning-spinner': { inline: false, render: spinner }
};
