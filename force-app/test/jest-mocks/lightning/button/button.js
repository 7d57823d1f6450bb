/**
 * Test stand-in for `lightning-button` that renders what the real one renders for assistive
 * technology: a native <button> with the label (or the icon's alternative text) as its name,
 * `title`, and `disabled`. So sa11y checks button names, and clicking a disabled one does nothing,
 * as in the browser.
 */
import { LightningElement, api } from 'lwc';

export default class Button extends LightningElement {
    @api label;
    @api title;
    @api name;
    @api value;
    @api variant;
    @api iconName;
    @api iconPosition;
    @api type = 'button';
    @api stretch;
    @api disableAnimation;
    @api ariaLabel;
    @api ariaDescribedBy;

    _disabled = false;

    @api
    get disabled() {
        return this._disabled;
    }

    set disabled(value) {
        this._disabled = value === '' || Boolean(value);
    }

    // The host element's click() is what tests call: it reaches the handler only when enabled.
    @api
    click() {
        this.template.querySelector('button').click();
    }

    connectedCallback() {
        // A click on a disabled native button never happens; stop the host's own listeners too.
        this.template.addEventListener('click', (event) => {
            if (this._disabled) {
                event.stopImmediatePropagation();
            }
        });
    }
}
