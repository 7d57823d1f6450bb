const fs = require('fs');
const path = require('path');
const { utilityBarApi } = require('../../../../../test/jest-mocks/aura/utilityBarAPI');
const { readLabels } = require('../../../../../test/labels');

/** An Aura controller or helper file is one object literal; this evaluates it. */
function load(file) {
    const source = fs.readFileSync(path.join(__dirname, '..', file), 'utf8');
    return new Function(`return ${source}`)();
}

const controller = load('sendbird_utilities_barController.js');
const helper = load('sendbird_utilities_barHelper.js');
const LABELS = readLabels();

function fakes({ isConsole = true, consoleFails = false, utility = {} } = {}) {
    const utilityBar = utilityBarApi(utility);
    const attributes = {};
    const parts = {
        console: {
            handleContainerMessage: jest.fn(),
            startInUtility: jest.fn(),
            setVisible: jest.fn()
        },
        agentChat: { message: jest.fn() },
        utilityBar: utilityBar.api,
        workspace: {
            isConsoleNavigation: jest.fn(() =>
                consoleFails ? Promise.reject(new Error('no console')) : Promise.resolve(isConsole)
            ),
            openTab: jest.fn(() => Promise.resolve('tab-1'))
        },
        navigation: { navigate: jest.fn() }
    };
    const component = {
        find: (auraId) => parts[auraId],
        set: (name, value) => {
            attributes[name] = value;
        }
    };
    return { component, parts, utilityBar, attributes };
}

const event = (params) => ({ getParam: (name) => params[name] });
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sendbird_utilities_bar', () => {
    let toast;

    beforeEach(() => {
        toast = { setParams: jest.fn(), fire: jest.fn() };
        global.$A = {
            getCallback: (callback) => callback,
            get: jest.fn((key) => {
                if (key === 'e.force:showToast') {
                    return toast;
                }
                const label = /^\$Label\.c\.(\w+)$/.exec(key);
                if (label && LABELS.has(label[1])) {
                    return LABELS.get(label[1]);
                }
                throw new Error(`$A.get(${key}) is not a known label or event`);
            }),
            util: {
                format: (template, ...values) =>
                    template.replace(/\{(\d+)\}/g, (placeholder, index) => values[index])
            }
        };
    });

    afterEach(() => {
        delete global.$A;
    });

    describe('on start', () => {
        it('gives the LWC the label the admin set and whether the panel is open', async () => {
            const { component, parts } = fakes({ utility: { label: 'Support chat' } });

            controller.init(component, event({}), helper);
            await flushPromises();

            expect(parts.utilityBar.getUtilityInfo).toHaveBeenCalledTimes(1);
            expect(parts.console.startInUtility).toHaveBeenCalledWith({
                label: 'Support chat',
                visible: false
            });
        });

        it('tells the LWC each time the agent opens or minimises the panel', async () => {
            const { component, parts, utilityBar } = fakes();
            controller.init(component, event({}), helper);
            await flushPromises();

            utilityBar.click(true);
            utilityBar.click(false);

            expect(parts.console.setVisible.mock.calls).toEqual([[true], [false]]);
        });

        it('outside a utility bar tells the LWC the chat is on screen', async () => {
            const { component, parts, utilityBar } = fakes({ utility: { inUtilityBar: false } });

            controller.init(component, event({}), helper);
            await flushPromises();

            expect(parts.console.startInUtility).toHaveBeenCalledWith({ visible: true });
            expect(parts.utilityBar.getUtilityInfo).not.toHaveBeenCalled();
            expect(utilityBar.unhandledRejections()).toBe(0);
        });
    });

    it('hands every container message to the LWC, as a plain copy', () => {
        const { component, parts } = fakes();
        const payload = { type: 'sendbird:ready', protocol: 1 };

        controller.receiveFromContainer(component, event({ payload }), helper);

        const passed = parts.console.handleContainerMessage.mock.calls[0][0];
        expect(passed).toEqual(payload);
        expect(passed).not.toBe(payload);
    });

    it('sends the LWC replies to the container as plain JSON copies', () => {
        const { component, parts } = fakes();
        // What arrives from the LWC is a proxy of Lightning Web Security's sandbox.
        const message = new Proxy(
            { type: 'sendbird:token', accessToken: 'test-session-token' },
            {}
        );

        controller.sendToContainer(component, event({ message }), helper);

        const sent = parts.agentChat.message.mock.calls[0][0];
        expect(sent).toEqual({ type: 'sendbird:token', accessToken: 'test-session-token' });
        expect(sent).not.toBe(message);
        expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
    });

    it('sets the utility item label and highlight the LWC asks for', async () => {
        const { component, parts, utilityBar } = fakes();

        controller.updateUtilityItem(
            component,
            event({ label: 'Support chat (2)', highlighted: true }),
            helper
        );
        await flushPromises();

        expect(parts.utilityBar.setUtilityLabel).toHaveBeenCalledWith({
            label: 'Support chat (2)'
        });
        expect(parts.utilityBar.setUtilityHighlighted).toHaveBeenCalledWith({ highlighted: true });
        expect(utilityBar.state).toEqual(
            expect.objectContaining({ label: 'Support chat (2)', highlighted: true })
        );
    });

    it('handles the refused label and highlight outside a utility bar', async () => {
        const { component, utilityBar } = fakes({ utility: { inUtilityBar: false } });

        controller.updateUtilityItem(
            component,
            event({ label: 'Chat (2)', highlighted: true }),
            helper
        );
        await flushPromises();

        expect(utilityBar.unhandledRejections()).toBe(0);
        expect(toast.fire).not.toHaveBeenCalled();
    });

    it('opens its utility panel when the LWC asks (Open in chat), and says it is visible', async () => {
        const { component, parts } = fakes();

        controller.openUtility(component, event({}), helper);
        await flushPromises();

        expect(parts.utilityBar.openUtility).toHaveBeenCalledWith();
        expect(parts.console.setVisible).toHaveBeenCalledWith(true);
        expect(toast.fire).not.toHaveBeenCalled();
    });

    it('stays quiet outside a utility bar, where there is no panel to open', async () => {
        const { component, parts, utilityBar } = fakes({ utility: { inUtilityBar: false } });

        controller.openUtility(component, event({}), helper);
        await flushPromises();

        expect(parts.utilityBar.openUtility).toHaveBeenCalled();
        expect(utilityBar.unhandledRejections()).toBe(0);
        expect(toast.fire).not.toHaveBeenCalled();
    });

    it('hides its container when the LWC stands down as a second copy', () => {
        const { component, attributes } = fakes();

        controller.standDown(component, event({}), helper);

        expect(attributes['v.idle']).toBe(true);
    });

    it('opens the record in a console tab', async () => {
        const { component, parts } = fakes({ isConsole: true });

        controller.openRecord(component, event({ recordId: '500000000000001AAA' }), helper);
        await flushPromises();

        expect(parts.workspace.openTab).toHaveBeenCalledWith({
            recordId: '500000000000001AAA',
            focus: true
        });
        expect(parts.navigation.navigate).not.toHaveBeenCalled();
    });

    it('navigates to the record outside a console app', async () => {
        const { component, parts } = fakes({ isConsole: false });

        controller.openRecord(component, event({ recordId: '500000000000001AAA' }), helper);
        await flushPromises();

        expect(parts.workspace.openTab).not.toHaveBeenCalled();
        expect(parts.navigation.navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '500000000000001AAA', actionName: 'view' }
        });
    });

    it('tells the agent when a record cannot be opened, in the Custom Labels', async () => {
        const { component } = fakes({ consoleFails: true });

        controller.openRecord(component, event({ recordId: '500000000000001AAA' }), helper);
        await flushPromises();

        expect(global.$A.get).toHaveBeenCalledWith('$Label.c.Sendbird_Chat_Open_Record_Failed');
        expect(toast.setParams).toHaveBeenCalledWith({
            title: 'Sendbird chat',
            message: 'The chat could not open record 500000000000001AAA.',
            type: 'error'
        });
        expect(toast.fire).toHaveBeenCalled();
    });

    it('tells the agent when the chat cannot load', () => {
        const { component } = fakes();

        controller.containerFailed(component, event({}), helper);

        expect(toast.setParams).toHaveBeenCalledWith(
            expect.objectContaining({
                type: 'error',
                message: LABELS.get('Sendbird_Chat_Load_Failed')
            })
        );
        expect(toast.fire).toHaveBeenCalled();
    });
});
