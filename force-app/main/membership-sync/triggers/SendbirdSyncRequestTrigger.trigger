trigger SendbirdSyncRequestTrigger on Sendbird_Sync_Request__e(after insert) {
    SendbirdSyncRequestSubscriber.afterInsert(Trigger.new);
}
