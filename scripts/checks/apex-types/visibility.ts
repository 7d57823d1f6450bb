import {
    ApexLexer,
    ApexParserFactory,
    ClassBodyDeclarationContext,
    ClassDeclarationContext,
    MemberDeclarationContext,
    ModifierContext,
    TypeDeclarationContext
} from '@apexdevtools/apex-parser';
import type { Finding } from '../shared/findings';
import { memoBySource } from '../shared/source-memo';

/** A private member (field, property, method or nested type) of a top-level class. */
interface PrivateMember {
    testVisible: boolean;
}

/** What the check needs of one Apex file. */
export interface ApexSource {
    file: string;
    source: string;
}

interface ClassFacts {
    name: string;
    isTest: boolean;
    privateMembers: Map<string, PrivateMember>;
}

const ACCESS_MODIFIERS = new Set(['public', 'global', 'protected']);

function modifiersOf(modifiers: ModifierContext[]): string[] {
    return modifiers.map((modifier) => modifier.getText().toLowerCase());
}

/** Names a member declaration introduces: each variable of a field, or the one name otherwise. */
function declaredNames(member: MemberDeclarationContext): string[] {
    const field = member.fieldDeclaration();
    if (field) {
        return field
            .variableDeclarators()
            .variableDeclarator_list()
            .map((declarator) => declarator.id().getText());
    }
    const named =
        member.methodDeclaration() ??
        member.propertyDeclaration() ??
        member.classDeclaration() ??
        member.enumDeclaration() ??
        member.interfaceDeclaration();
    return named ? [named.id().getText()] : [];
}

/**
 * The top-level class of a file, whether it is a test, and its private members. A member with
 * no access modifier is private, as Apex defines it. An overload that is not private makes the
 * name accessible, so that overloads never cause a false alarm.
 */
function parseClassFacts(source: string): ClassFacts | undefined {
    const unit = ApexParserFactory.createParser(source).compilationUnit();
    const type: TypeDeclarationContext | undefined = unit.typeDeclaration();
    const declaration: ClassDeclarationContext | undefined = type?.classDeclaration();
    if (!type || !declaration) return undefined;
    const privateMembers = new Map<string, PrivateMember>();
    const accessible = new Set<string>();
    for (const body of declaration
        .classBody()
        .classBodyDeclaration_list() as ClassBodyDeclarationContext[]) {
        const member = body.memberDeclaration();
        if (!member) continue;
        const modifiers = modifiersOf(body.modifier_list());
        const isPrivate = !modifiers.some((modifier) => ACCESS_MODIFIERS.has(modifier));
        for (const name of declaredNames(member).map((id) => id.toLowerCase())) {
            if (!isPrivate) accessible.add(name);
            else privateMembers.set(name, { testVisible: modifiers.includes('@testvisible') });
        }
    }
    accessible.forEach((name) => privateMembers.delete(name));
    return {
        name: declaration.id().getText(),
        isTest: modifiersOf(type.modifier_list()).some((modifier) =>
            modifier.startsWith('@istest')
        ),
        privateMembers
    };
}

const classFacts = memoBySource(parseClassFacts);

/** `Name.member` written in a source (not `a.Name.member`), where the member could be private. */
interface DottedName {
    owner: string;
    member: string;
    line: number;
    column: number;
}

const dottedNames = memoBySource((source): DottedName[] => {
    const stream = ApexParserFactory.createTokenStream(source);
    stream.fill();
    const tokens = stream.tokens.filter((token) => token.channel === 0);
    return tokens.flatMap((token, index): DottedName[] => {
        const [dot, member] = [tokens[index + 1], tokens[index + 2]];
        if (token.type !== ApexLexer.Identifier || dot?.type !== ApexLexer.DOT) return [];
        if (member?.type !== ApexLexer.Identifier || tokens[index - 1]?.type === ApexLexer.DOT)
            return [];
        return [
            { owner: token.text, member: member.text, line: token.line, column: token.column + 1 }
        ];
    });
});

/**
 * `OtherClass.member` where the member is private to OtherClass: a compile error on the platform
 * that apex-ls does not report. `@TestVisible` members are allowed from `@IsTest` classes only.
 * References through variables (`record.member`) need types and are left to apex-ls.
 */
export function privateMemberReferences(sources: ApexSource[]): Finding[] {
    const facts = new Map<string, ClassFacts>();
    const factsByFile = new Map<string, ClassFacts | undefined>();
    for (const { file, source } of sources) {
        const fileFacts = file.endsWith('.cls') ? classFacts(source) : undefined;
        factsByFile.set(file, fileFacts);
        if (fileFacts) facts.set(fileFacts.name.toLowerCase(), fileFacts);
    }
    const findings: Finding[] = [];
    for (const { file, source } of sources) {
        const caller = factsByFile.get(file);
        for (const { owner: ownerName, member, line, column } of dottedNames(source)) {
            const owner = facts.get(ownerName.toLowerCase());
            const declared = owner?.privateMembers.get(member.toLowerCase());
            if (!owner || !declared || owner === caller) continue;
            if (declared.testVisible && caller?.isTest) continue;
            const hint = declared.testVisible
                ? ' (@TestVisible opens it to test classes only)'
                : '';
            findings.push({
                file,
                line,
                column,
                message: `Error: ${owner.name}.${member} is private to ${owner.name}${hint}`
            });
        }
    }
    return findings;
}
