import { envelope, HOST_ORIGIN_PARAM, isEnvelope } from './envelope';
import { installLoadProbe, recordMessage } from './load-probe';

/**
 * A stand-in for Salesforce's LCC runtime, injected by the harness server into the container
 * page before the app (Salesforce's container domain provides the real one). It implements
 * `window.LCC.onlineSupport`, the object the `lightning-container` library calls, over
 * postMessage to the host page, which plays the Aura `lightning:container` and its LWC.
 */
type Handler<T> = (value: T) => void;

interface OnlineSupport {
    sendMessage(name: string, message: { payload: unknown }): void;
    addMessageHandler(handler: Handler<unknown>): void;
    removeMessageHandler(handler: Handler<unknown>): void;
    addErrorHandler(handler: Handler<string>): void;
    removeErrorHandler(handler: Handler<string>): void;
    getRESTAPISessionKey(): string;
}

declare global {
    interface Window {
        LCC?: { onlineSupport: OnlineSupport };
    }
}

const hostOrigin =
    new URLSearchParams(location.search).get(HOST_ORIGIN_PARAM) ??
    (document.referrer ? new URL(document.referrer).origin : '');
const probe = installLoadProbe();
const messageHandlers = new Set<Handler<unknown>>();
const errorHandlers = new Set<Handler<string>>();

window.addEventListener('message', (event) => {
    if (
        event.source !== window.parent ||
        event.origin !== hostOrigin ||
        !isEnvelope(event.data, 'to-container')
    ) {
        return;
    }
    const { payload } = event.data;
    recordMessage(probe, 'in', payload);
    messageHandlers.forEach((handler) => handler(payload));
});

window.LCC = {
    onlineSupport: {
        sendMessage(name, message) {
            if (name !== 'containerUserMessage') {
                errorHandlers.forEach((handler) => handler(`Unknown LCC message kind: ${name}`));
                return;
            }
            if (!hostOrigin) {
                errorHandlers.forEach((handler) => handler('The host page origin is unknown.'));
                return;
            }
            recordMessage(probe, 'out', message.payload);
            window.parent.postMessage(envelope('to-host', message.payload), hostOrigin);
        },
        addMessageHandler: (handler) => messageHandlers.add(handler),
        removeMessageHandler: (handler) => messageHandlers.delete(handler),
        addErrorHandler: (handler) => errorHandlers.add(handler),
        removeErrorHandler: (handler) => errorHandlers.delete(handler),
        // The container app never calls Salesforce APIs itself; it has no session to offer.
        getRESTAPISessionKey: () => ''
    }
};
