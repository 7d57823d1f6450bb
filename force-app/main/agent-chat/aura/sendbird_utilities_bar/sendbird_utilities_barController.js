({
    // Reads the utility item once: its label as the admin named it, and whether it is open.
    // Then follows every click on it (open or minimise) so the chat knows what the agent sees.
    init: function (component, event, helper) {
        var utilityBar = component.find('utilityBar');
        utilityBar
            .getEnclosingUtilityId()
            .then(
                $A.getCallback(function (utilityId) {
                    if (!utilityId) {
                        // On an app or record page: the chat is on screen.
                        helper.agentConsole(component).startInUtility({ visible: true });
                        return null;
                    }
                    return helper.followUtility(component, utilityBar);
                })
            )
            .catch(
                $A.getCallback(function () {
                    // No utility bar API here (e.g. a community page): treat the chat as shown.
                    helper.agentConsole(component).startInUtility({ visible: true });
                })
            );
    },

    // Every message of the chat goes to the LWC, which validates it and decides.
    receiveFromContainer: function (component, event, helper) {
        helper
            .agentConsole(component)
            .handleContainerMessage(helper.plain(event.getParam('payload')));
    },

    // A plain JSON copy: the LWC's object must not cross Lightning Web Security's boundary.
    sendToContainer: function (component, event, helper) {
        var container = component.find('agentChat');
        if (container) {
            container.message(helper.plain(event.getParam('message')));
        }
    },

    updateUtilityItem: function (component, event, helper) {
        var utilityBar = component.find('utilityBar');
        helper.quietly(utilityBar.setUtilityLabel({ label: event.getParam('label') }));
        helper.quietly(
            utilityBar.setUtilityHighlighted({ highlighted: event.getParam('highlighted') })
        );
    },

    // "Open in chat" somewhere in the app: show this utility's panel. Called from inside the
    // utility, so openUtility needs no id.
    openUtility: function (component, event, helper) {
        component
            .find('utilityBar')
            .openUtility()
            .then(
                $A.getCallback(function () {
                    helper.agentConsole(component).setVisible(true);
                })
            )
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
                    helper.showError(
                        $A.util.format(
                            $A.get('$Label.c.Sendbird_Chat_Open_Record_Failed'),
                            recordId
                        )
                    );
                })
            );
    },

    // A second copy of the chat on this page: no container, so no second Sendbird session.
    standDown: function (component) {
        component.set('v.idle', true);
    },

    containerFailed: function (component, event, helper) {
        helper.showError($A.get('$Label.c.Sendbird_Chat_Load_Failed'));
    }
});
