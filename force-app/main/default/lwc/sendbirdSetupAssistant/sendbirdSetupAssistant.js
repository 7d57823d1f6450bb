import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import runChecks from '@salesforce/apex/SendbirdSetupController.runChecks';
import sendTestHandoff from '@salesforce/apex/SendbirdSetupController.sendTestHandoff';
import cleanUpTestHandoff from '@salesforce/apex/SendbirdSetupController.cleanUpTestHandoff';
import { messageOf, summarize, toItem } from './checklist';

/**
 * The Sendbird Setup tab: the checklist of SendbirdSetupController.runChecks (each item passed,
 * failed or unknown, with its fix), a test handoff that creates a Sendbird channel and a Case, and
 * its clean up.
 */
export default class SendbirdSetupAssistant extends NavigationMixin(LightningElement) {
    items = [];
    checksRunning = false;
    checksError;

    handoff;
    caseUrl;
    handoffBusy = false;
    handoffError;
    handoffNotice;

    connectedCallback() {
        this.runAllChecks();
    }

    get summary() {
        return summarize(this.items);
    }

    get hasItems() {
        return this.items.length > 0;
    }

    get sendDisabled() {
        return this.handoffBusy || Boolean(this.handoff);
    }

    handleRunChecks() {
        this.runAllChecks();
    }

    async runAllChecks() {
        this.checksRunning = true;
        this.checksError = undefined;
        try {
            this.items = (await runChecks()).map(toItem);
        } catch (error) {
            this.items = [];
            this.checksError = messageOf(error);
        } finally {
            this.checksRunning = false;
        }
    }

    handleSendTestHandoff() {
        return this.runHandoffAction(async () => {
            this.handoff = await sendTestHandoff();
            this.caseUrl = await this[NavigationMixin.GenerateUrl](this.casePage());
        });
    }

    handleCleanUp() {
        const { caseId, channelUrl } = this.handoff;
        return this.runHandoffAction(async () => {
            this.handoffNotice = await cleanUpTestHandoff({ caseId, channelUrl });
            this.handoff = undefined;
            this.caseUrl = undefined;
        });
    }

    handleOpenCase(event) {
        // The href keeps "open in a new tab"; a plain click navigates in place (console-aware).
        event.preventDefault();
        this[NavigationMixin.Navigate](this.casePage());
    }

    /**
     * Runs one Apex action of the test handoff: busy meanwhile, its error shown after.
     * @param {() => Promise<void>} action the work
     */
    async runHandoffAction(action) {
        this.handoffBusy = true;
        this.handoffError = undefined;
        this.handoffNotice = undefined;
        try {
            await action();
        } catch (error) {
            this.handoffError = messageOf(error);
        } finally {
            this.handoffBusy = false;
        }
    }

    casePage() {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: this.handoff.caseId, objectApiName: 'Case', actionName: 'view' }
        };
    }
}
