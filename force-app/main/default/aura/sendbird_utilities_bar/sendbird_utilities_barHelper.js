({
    // Agents do not read the browser console: problems are shown as a toast.
    showError: function (message) {
        var toast = $A.get('e.force:showToast');
        if (toast) {
            toast.setParams({ title: 'Sendbird chat', message: message, type: 'error' });
            toast.fire();
        }
    }
});
