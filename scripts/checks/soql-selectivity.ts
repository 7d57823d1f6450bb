import { readFileSync } from 'node:fs';
import type { Finding } from './shared/findings';
import { listApexFiles, listPackageFiles, readProject } from '../project/project';

/** Standard fields Salesforce always indexes. */
const STANDARD_INDEXED = new Set([
    'id',
    'name',
    'ownerid',
    'createddate',
    'systemmodstamp',
    'recordtypeid'
]);
const INLINE_SOQL = /\[\s*SELECT\b([\s\S]*?)\]/gi;
const FROM_CUSTOM = /\bFROM\s+(\w+__c)\b/i;
const CLAUSE_END = /\b(ORDER\s+BY|LIMIT|WITH|GROUP\s+BY|OFFSET|FOR\s+UPDATE|ALL\s+ROWS)\b/i;
const FILTER = /^\s*(\w+)\s*(=|IN\b)/i;
const IS_TEST = /@IsTest\b/i;
/**
 * Objects no trigger ever queries: Salesforce refuses a non-selective query only in a trigger's
 * transaction (over 200,000 rows), and the Knowledge push reads these from its job and the
 * setup controller alone, mostly on checkbox flags that cannot be indexed.
 */
const JOB_ONLY_OBJECTS = new Set([
    'sendbird_knowledge_snippet__c',
    'sendbird_knowledge_push_run__c'
]);

/**
 * The indexed fields of the project's custom objects: lookups and master-details (indexed by
 * Salesforce), External IDs and unique fields, read from their `.field-meta.xml`.
 */
export function indexedFields(root: string): Map<string, Set<string>> {
    const indexed = new Map<string, Set<string>>();
    for (const file of listPackageFiles(readProject(root))) {
        const match = /objects[\\/](\w+__c)[\\/]fields[\\/](\w+)\.field-meta\.xml$/.exec(file);
        if (!match) continue;
        const xml = readFileSync(file, 'utf8');
        const isIndexed =
            /<type>(Lookup|MasterDetail)<\/type>/.test(xml) ||
            /<externalId>true<\/externalId>/.test(xml) ||
            /<unique>true<\/unique>/.test(xml);
        if (!isIndexed) continue;
        const object = match[1].toLowerCase();
        if (!indexed.has(object)) indexed.set(object, new Set());
        indexed.get(object)?.add(match[2].toLowerCase());
    }
    return indexed;
}

/** The top-level AND terms of a WHERE clause (parenthesised groups stay whole). */
function conjuncts(where: string): string[] {
    const terms: string[] = [];
    let depth = 0;
    let start = 0;
    for (let index = 0; index < where.length; index++) {
        const char = where[index];
        if (char === '(') depth++;
        else if (char === ')') depth--;
        else if (depth === 0 && /^\sAND\s/i.test(where.slice(index - 1, index + 4))) {
            terms.push(where.slice(start, index));
            start = index + 3;
        }
    }
    terms.push(where.slice(start));
    return terms;
}

/**
 * Inline SOQL of production Apex (not `@IsTest` classes) on the project's custom objects must
 * filter, in at least one top-level AND term, an indexed field with `=` or `IN`: otherwise a
 * large table (the outbox, the failure log) can make Salesforce refuse the query as non-selective
 * inside a customer's transaction. A query without WHERE is flagged too. Dynamic SOQL is not seen.
 */
export function nonSelectiveQueries(root: string): Finding[] {
    const indexed = indexedFields(root);
    const findings: Finding[] = [];
    for (const file of listApexFiles(readProject(root))) {
        const source = readFileSync(file, 'utf8');
        if (IS_TEST.test(source)) continue;
        for (const match of source.matchAll(INLINE_SOQL)) {
            const soql = match[1];
            const object = FROM_CUSTOM.exec(soql)?.[1]?.toLowerCase();
            if (!object || JOB_ONLY_OBJECTS.has(object)) continue;
            const afterFrom = soql.slice(soql.search(FROM_CUSTOM));
            const whereAt = afterFrom.search(/\bWHERE\b/i);
            const line = source.slice(0, match.index).split('\n').length;
            const fields = indexed.get(object) ?? new Set<string>();
            const selective =
                whereAt >= 0 &&
                conjuncts(afterFrom.slice(whereAt + 5).split(CLAUSE_END)[0]).some((term) => {
                    // `A = :x OR B = :y` at the top level is not a filter the index can serve.
                    if (/\sOR\s/i.test(term)) return false;
                    const field = FILTER.exec(term)?.[1]?.toLowerCase();
                    return (
                        field !== undefined && (STANDARD_INDEXED.has(field) || fields.has(field))
                    );
                });
            if (!selective) {
                findings.push({
                    file,
                    line,
                    message: `query on ${object} filters no indexed field with = or IN (make one an External ID, or filter Id or a lookup)`
                });
            }
        }
    }
    return findings;
}
