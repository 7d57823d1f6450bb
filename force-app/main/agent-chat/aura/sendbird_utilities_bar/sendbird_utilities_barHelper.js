({
    agentConsole: function (component) {
        return component.find('console');
    },

    // The admin's label and the panel's state now, then on every click on the utility item.
    followUtility: function (component, utilityBar) {
        var helper = this;
        return utilityBar.getUtilityInfo().then(
            $A.getCallback(function (info) {
                helper.agentConsole(component).startInUtility({
                    label: info && info.utilityLabel,
                    visible: Boolean(info && info.utilityVisible)
                });
                return utilityBar.onUtilityClick({
                    eventHandler: $A.getCallback(function (response) {
                        helper
                            .agentConsole(component)
                            .setVisible(Boolean(response && response.panelVisible));
                    })
                });
            })
        );
    },

    // Messages are JSON by contract; a copy drops proxies and anything that is not data.
    plain: function (value) {
        return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    },

    // Label and highlight are cosmetic: outside a utility bar their promises reject, harmlessly.
    quietly: function (promise) {
        if (promise && typeof promise.catch === 'function') {
            promise.catch(
                $A.getCallback(function () {
                    return null;
                })
            );
        }
    },

    // Agents do not read the browser console: problems are shown as a toast.
    showError: function (message) {
        var toast = $A.get('e.force:showToast');
        if (toast) {
            toast.setParams({
                title: $A.get('$Label.c.Sendbird_Chat_Toast_Title'),
                message: message,
                type: 'error'
            });
            toast.fire();
        }
    }
});
