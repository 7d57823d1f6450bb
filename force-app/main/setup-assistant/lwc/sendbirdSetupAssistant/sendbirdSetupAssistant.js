import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import runChecks from '@salesforce/apex/SendbirdSetupController.runChecks';
import sendTestHandoff from '@salesforce/apex/SendbirdSetupController.sendTestHandoff';
import cleanUpTestHandoff from '@salesforce/apex/SendbirdSetupController.cleanUpTestHandoff';
import listTestHandoffs from '@salesforce/apex/SendbirdSetupController.listTestHandoffs';
import { format } from 'c/sendbirdFormat';
import { messageOf, summarize, toItem } from './checklist';
import LABELS from './labels';

/**
 * The Sendbird Setup tab: the checklist of SendbirdSetupController.runChecks (each item passed,
 * failed or unknown, with its fix and a link to the Setup page where it is made), and test
 * handoffs (a Sendbird channel and a Case). The test Case records each handoff, so the ones not
 * cleaned up are listed again after a reload, each with its Clean up.
 */
export default class SendbirdSetupAssistant extends NavigationMixin(LightningElement) {
    labels = LABELS;
    items = [];
    checksRunning = false;
    checksError;

    /** Test handoffs to clean up, newest first, each with its Case link. */
    handoffs = [];
    handoffBusy = false;
    handoffError;
    handoffNotice;

    connectedCallback() {
        this.runAllChecks();
        this.loadHandoffs();
    }

    get summary() {
        return summarize(this.items);
    }

    get hasItems() {
        return this.items.length > 0;
    }

    get hasHandoffs() {
        return this.handoffs.length > 0;
    }

    get checksErrorText() {
        return format(LABELS.CHECKS_FAILED, this.checksError);
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

    /** The handoffs an earlier visit left (their test Cases), so they can still be cleaned up. */
    async loadHandoffs() {
        try {
            const pending = (await listTestHandoffs()) ?? [];
            const known = new Set(this.handoffs.map((handoff) => handoff.caseId));
            const rows = await Promise.all(
                pending.filter((handoff) => !known.has(handoff.caseId)).map((h) => this.rowOf(h))
            );
            this.handoffs = [...this.handoffs, ...rows];
        } catch (error) {
            this.handoffError = messageOf(error);
        }
    }

    async rowOf(handoff) {
        return {
            ...handoff,
            caseUrl: await this[NavigationMixin.GenerateUrl](this.casePage(handoff.caseId)),
            cleanUpLabel: format(LABELS.CLEAN_UP, handoff.caseNumber)
        };
    }

    handleSendTestHandoff() {
        return this.runHandoffAction(async () => {
            const handoff = await this.rowOf(await sendTestHandoff());
            this.handoffs = [handoff, ...this.handoffs];
        });
    }

    handleCleanUp(event) {
        const caseId = event.target.dataset.id;
        const handoff = this.handoffs.find((candidate) => candidate.caseId === caseId);
        return this.runHandoffAction(async () => {
            this.handoffNotice = await cleanUpTestHandoff({
                caseId,
                channelUrl: handoff.channelUrl
            });
            this.handoffs = this.handoffs.filter((candidate) => candidate.caseId !== caseId);
        });
    }

    handleOpenCase(event) {
        // The href keeps "open in a new tab"; a plain click navigates in place (console-aware).
        event.preventDefault();
        this[NavigationMixin.Navigate](this.casePage(event.currentTarget.dataset.id));
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

    casePage(caseId) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: caseId, objectApiName: 'Case', actionName: 'view' }
        };
    }
}
