const fs = require('fs');
const path = require('path');

/** An Aura controller or helper file is one object literal; this evaluates it. */
function load(file) {
    const source = fs.readFileSync(path.join(__dirname, '..', file), 'utf8');
    return new Function(`return ${source}`)();
}

const controller = load('sendbird_utilities_barController.js');
const helper = load('sendbird_utilities_barHelper.js');

function fakes({ isConsole = true, consoleFails = false, inUtilityBar = true } = {}) {
    const parts = {
        console: { handleContainerMessage: jest.fn() },
        SendBird_Bar: { message: jest.fn() },
        utilityBar: {
            setUtilityLabel: jest.fn(),
            setUtilityHighlighted: jest.fn(),
            openUtility: jest.fn(() =>
                inUtilityBar ? Promise.resolve(true) : Promise.reject(new Error('no utility'))
            )
        },
        workspace: {
            isConsoleNavigation: jest.fn(() =>
                consoleFails ? Promise.reject(new Error('no console')) : Promise.resolve(isConsole)
            ),
            openTab: jest.fn(() => Promise.resolve('tab-1'))
        },
        navigation: { navigate: jest.fn() }
    };
    const component = { find: (auraId) => parts[auraId] };
    return { component, parts };
}

const event = (params) => ({ getParam: (name) => params[name] });
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sendbird_utilities_bar', () => {
    let toast;

    beforeEach(() => {
        toast = { setParams: jest.fn(), fire: jest.fn() };
        global.$A = { getCallback: (callback) => callback, get: jest.fn(() => toast) };
    });

    afterEach(() => {
        delete global.$A;
    });

    it('hands every container message to the LWC', () => {
        const { component, parts } = fakes();
        const payload = { type: 'sendbird:ready', protocol: 1 };

        controller.receiveFromContainer(component, event({ payload }));

        expect(parts.console.handleContainerMessage).toHaveBeenCalledWith(payload);
    });

    it('sends the LWC replies to the container', () => {
        const { component, parts } = fakes();
        const message = { type: 'sendbird:token', accessToken: 'test-session-token' };

        controller.sendToContainer(component, event({ message }));

        expect(parts.SendBird_Bar.message).toHaveBeenCalledWith(message);
    });

    it('sets the utility item label and highlight the LWC asks for', () => {
        const { component, parts } = fakes();

        controller.updateUtilityItem(component, event({ label: 'Chat (2)', highlighted: true }));

        expect(parts.utilityBar.setUtilityLabel).toHaveBeenCalledWith({ label: 'Chat (2)' });
        expect(parts.utilityBar.setUtilityHighlighted).toHaveBeenCalledWith({ highlighted: true });
    });

    it('opens its utility panel when the LWC asks (Open in chat)', async () => {
        const { component, parts } = fakes();

        controller.openUtility(component, event({}), helper);
        await flushPromises();

        expect(parts.utilityBar.openUtility).toHaveBeenCalledWith();
        expect(toast.fire).not.toHaveBeenCalled();
    });

    it('stays quiet outside a utility bar, where there is no panel to open', async () => {
        const { component, parts } = fakes({ inUtilityBar: false });

        controller.openUtility(component, event({}), helper);
        await flushPromises();

        expect(parts.utilityBar.openUtility).toHaveBeenCalled();
        expect(toast.fire).not.toHaveBeenCalled();
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

    it('tells the agent when a record cannot be opened', async () => {
        const { component } = fakes({ consoleFails: true });

        controller.openRecord(component, event({ recordId: '500000000000001AAA' }), helper);
        await flushPromises();

        expect(global.$A.get).toHaveBeenCalledWith('e.force:showToast');
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

        expect(toast.setParams).toHaveBeenCalledWith(expect.objectContaining({ type: 'error' }));
        expect(toast.fire).toHaveBeenCalled();
    });
});
