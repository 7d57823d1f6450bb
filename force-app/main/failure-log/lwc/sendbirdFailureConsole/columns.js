/**
 * The failure console's columns. Headers are the fields' labels from the object's metadata
 * (getObjectInfo), so they follow the admin's renames and translations; Custom Labels stand in
 * until the metadata has loaded and for the columns that are not one field.
 */
import LABELS from './labels';

function labelOf(objectInfo, field, fallback) {
    return objectInfo?.fields?.[field]?.label ?? fallback;
}

/**
 * @param {object} [objectInfo] getObjectInfo's data for Sendbird_Sync_Failure__c
 * @returns {object[]} lightning-datatable columns
 */
export function columnsOf(objectInfo) {
    return [
        {
            label: labelOf(objectInfo, 'Name', LABELS.COLUMN_FAILURE),
            fieldName: 'recordUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'Name' } },
            initialWidth: 120
        },
        {
            label: labelOf(objectInfo, 'Status__c', LABELS.STATUS),
            fieldName: 'statusLabel',
            initialWidth: 100
        },
        {
            label: labelOf(objectInfo, 'Operation__c', LABELS.OPERATION),
            fieldName: 'Operation__c',
            initialWidth: 110
        },
        {
            label: labelOf(objectInfo, 'Error_Code__c', LABELS.ERROR_CODE),
            fieldName: 'Error_Code__c',
            initialWidth: 120
        },
        {
            label: labelOf(objectInfo, 'Error_Message__c', LABELS.COLUMN_ERROR),
            fieldName: 'Error_Message__c',
            wrapText: true
        },
        {
            label: labelOf(objectInfo, 'Case__c', LABELS.COLUMN_CASE),
            fieldName: 'caseUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'caseNumber' } },
            initialWidth: 110
        },
        {
            label: labelOf(objectInfo, 'Salesforce_User__c', LABELS.COLUMN_USER),
            fieldName: 'userName'
        },
        {
            label: labelOf(objectInfo, 'Channel_URL__c', LABELS.COLUMN_CHANNEL),
            fieldName: 'Channel_URL__c'
        },
        {
            label: labelOf(objectInfo, 'Attempts__c', LABELS.COLUMN_ATTEMPTS),
            fieldName: 'Attempts__c',
            type: 'number',
            initialWidth: 100
        },
        {
            label: labelOf(objectInfo, 'CreatedDate', LABELS.COLUMN_CREATED),
            fieldName: 'CreatedDate',
            type: 'date',
            typeAttributes: {
                year: 'numeric',
                month: 'short',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit'
            }
        }
    ];
}
