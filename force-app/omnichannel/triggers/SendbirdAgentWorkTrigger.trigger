trigger SendbirdAgentWorkTrigger on AgentWork(after insert, after update) {
    SendbirdAgentWorkSync.afterSave(Trigger.new, Trigger.oldMap);
}
