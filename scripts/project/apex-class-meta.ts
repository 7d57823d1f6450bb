/** The `-meta.xml` of an active Apex class, formatted as Prettier formats the committed ones. */
export function apexClassMeta(apiVersion: string): string {
    return [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">',
        `    <apiVersion>${apiVersion}</apiVersion>`,
        '    <status>Active</status>',
        '</ApexClass>',
        ''
    ].join('\n');
}
