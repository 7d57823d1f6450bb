({
    // Every message of the chat goes to the LWC, which validates it and decides.
    receiveFromContainer: function (component, event) {
        component.find('console').handleContainerMessage(event.getParam('payload'));
    },

    sendToContainer: function (component, event) {
        component.find('SendBird_Bar').message(event.getParam('message'));
    },

    updateUtilityItem: function (component, event) {
        var utilityBar = component.find('utilityBar');
        utilityBar.setUtilityLabel({ label: event.getParam('label') });
        utilityBar.setUtilityHighlighted({ highlighted: event.getParam('highlighted') });
    },

    // "Open in chat" somewhere in the app: show this utility's panel. Called from inside the
    // utility, so openUtility needs no id.
    openUtility: function (component) {
        component
            .find('utilityBar')
            .openUtility()
            .catch(
                $A.getCallback(function () {
                    // Not in a utility bar (e.g. on an app page): the chat is on screen already,
                    // and the LWC focuses the channel either way.
                    return null;
                })
            );
    },

    // In a console app the record opens in a workspace tab; elsewhere the page navigates to it.
    openRecord: function (component, event, helper) {
        var recordId = event.getParam('recordId');
        var workspace = component.find('workspace');
        workspace
            .isConsoleNavigation()
            .then(
                $A.getCallback(function (isConsole) {
                    if (isConsole) {
                        return workspace.openTab({ recordId: recordId, focus: true });
                    }
                    component.find('navigation').navigate({
                        type: 'standard__recordPage',
                        attributes: { recordId: recordId, actionName: 'view' }
                    });
                    return null;
                })
            )
            .catch(
                $A.getCallback(function () {
                    helper.showError('The chat could not open record ' + recordId + '.');
                })
            );
    },

    containerFailed: function (component, event, helper) {
        helper.showError(
            'The Sendbird chat could not load. Reload the page; if it persists, ask your admin.'
        );
    }
});
