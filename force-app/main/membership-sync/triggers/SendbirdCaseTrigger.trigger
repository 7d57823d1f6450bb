trigger SendbirdCaseTrigger on Case(after update) {
    SendbirdCaseTriggerHandler.afterUpdate(Trigger.new, Trigger.oldMap);
}
