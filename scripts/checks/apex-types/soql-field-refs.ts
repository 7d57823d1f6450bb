import {
    ApexParserFactory,
    FieldNameContext,
    FromNameListContext,
    QueryContext,
    SelectEntryContext,
    SubQueryContext,
    TypeOfContext,
    ValueContext
} from '@apexdevtools/apex-parser';
import { memoBySource } from '../shared/source-memo';

/** A field that inline SOQL reads, with where it is written in the Apex source. */
export interface SoqlFieldRef {
    objectName: string;
    fieldName: string;
    line: number;
    column: number;
}

/** Any parse-tree node; rule contexts are told apart with instanceof. */
interface TreeNode {
    children?: readonly unknown[] | null;
}

function childrenOf(node: TreeNode): TreeNode[] {
    return (node.children ?? []) as TreeNode[];
}

/** A relationship path such as `Owner.Name` is checked through its field: `OwnerId`, `Parent__c`. */
export function relationshipField(relationship: string): string {
    return /__r$/i.test(relationship) ? relationship.replace(/__r$/i, '__c') : `${relationship}Id`;
}

function firstObjectName(from: FromNameListContext): string {
    return from.fieldName(0).getText();
}

function fieldOf(objectName: string, node: FieldNameContext): string {
    const parts = node.soqlId_list().map((id) => id.getText());
    if (parts.length > 1 && parts[0].toLowerCase() === objectName.toLowerCase()) parts.shift();
    return parts.length === 1 ? parts[0] : relationshipField(parts[0]);
}

/**
 * The fields of one query scope: its SELECT, WHERE, GROUP BY and ORDER BY, but not its FROM, a
 * TYPEOF (whose fields belong to other objects) or a nested query (which has its own scope).
 */
function collectScope(
    node: TreeNode,
    objectName: string,
    aliases: Set<string>,
    refs: SoqlFieldRef[]
): void {
    for (const child of childrenOf(node)) {
        if (child instanceof FromNameListContext || child instanceof TypeOfContext) continue;
        if (child instanceof SubQueryContext) {
            // A semi-join (`Id IN (SELECT ... FROM X)`) reads X; a child-relationship query
            // (`(SELECT Id FROM Contacts)`) names a relationship, which is not checked.
            if (child.parentCtx instanceof ValueContext) {
                collectScope(child, firstObjectName(child.fromNameList()), new Set(), refs);
            }
            continue;
        }
        if (child instanceof FieldNameContext) {
            const fieldName = fieldOf(objectName, child);
            if (!aliases.has(fieldName.toLowerCase())) {
                refs.push({
                    objectName,
                    fieldName,
                    line: child.start.line,
                    column: child.start.column + 1
                });
            }
            continue;
        }
        collectScope(child, objectName, aliases, refs);
    }
}

/** Aliases of aggregate columns (`COUNT(Id) total`) may be used in ORDER BY; they are not fields. */
function aliasesOf(query: QueryContext): Set<string> {
    const entries = query.selectList().selectEntry_list() as SelectEntryContext[];
    return new Set(
        entries.flatMap((entry) => (entry.soqlId() ? [entry.soqlId().getText().toLowerCase()] : []))
    );
}

function findQueries(node: TreeNode, found: QueryContext[]): void {
    for (const child of childrenOf(node)) {
        if (child instanceof QueryContext) found.push(child);
        else findQueries(child, found);
    }
}

function refsIn(source: string, unit: 'trigger' | 'class'): SoqlFieldRef[] {
    const parser = ApexParserFactory.createParser(source);
    const tree = unit === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
    const queries: QueryContext[] = [];
    findQueries(tree, queries);
    const refs: SoqlFieldRef[] = [];
    for (const query of queries) {
        collectScope(query, firstObjectName(query.fromNameList()), aliasesOf(query), refs);
    }
    return refs;
}

const triggerRefs = memoBySource((source) => refsIn(source, 'trigger'));
const classRefs = memoBySource((source) => refsIn(source, 'class'));

/** Every field read by the inline SOQL of an Apex class or trigger. */
export function soqlFieldRefs(file: string, source: string): readonly SoqlFieldRef[] {
    return file.endsWith('.trigger') ? triggerRefs(source) : classRefs(source);
}
