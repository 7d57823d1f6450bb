import {
    ApexParserFactory,
    BlockContext,
    ClassBodyDeclarationContext,
    ClassDeclarationContext,
    InterfaceDeclarationContext,
    ModifierContext,
    StatementContext,
    TypeRefContext,
    type ApexParserRuleContext as ParserRuleContext
} from '@apexdevtools/apex-parser';
import { memoBySource } from '../shared/source-memo';

/** A method, constructor, property accessor or trigger body: something a call can run. */
export interface ApexMethod {
    owner: ApexType;
    /** Lower-case name; `<init>` for constructors, `<get>prop`/`<set>prop` for accessors. */
    name: string;
    /** How reports show it: `SendbirdTestData.insertStandardUser`. */
    label: string;
    arity: number;
    isStatic: boolean;
    /** Lower-case annotations without arguments: `@istest`, `@testsetup`, `@future`. */
    annotations: string[];
    returnType?: string;
    /** Parameters and local variables by lower-case name, with their declared types. */
    variables: Map<string, string>;
    body?: ParserRuleContext;
    line: number;
}

/** A class, interface or enum (top-level or inner), or a trigger. */
export interface ApexType {
    /** Lower-case, dotted for inner classes: `sendbirdapi.member`. */
    key: string;
    name: string;
    file: string;
    kind: 'class' | 'interface' | 'enum' | 'trigger';
    isTest: boolean;
    outer?: ApexType;
    /** Lower-case names of the type it extends and the interfaces it implements. */
    supertypes: string[];
    methods: ApexMethod[];
    /** Fields and properties by lower-case name: their type and whether they are static. */
    fields: Map<string, ApexField>;
    /** For a trigger: the lower-case SObject it fires on. */
    sobject?: string;
}

/** A field or property: its declared type, and the text of a string literal it starts as. */
export interface ApexField {
    type: string;
    isStatic: boolean;
    literal?: string;
}

/** Every statement of a method body that counts towards coverage, keyed by file and token. */
export interface ApexStatement {
    id: string;
    line: number;
}

export const lower = (text: string): string => text.toLowerCase();

function modifierTexts(modifiers: ModifierContext[]): string[] {
    return modifiers.map((modifier) => lower(modifier.getText()).replace(/\(.*$/s, ''));
}

/** `List<Case>` → `list<case>`; the raw declared type, lower-case, without spaces. */
export function typeText(ref: TypeRefContext | undefined): string | undefined {
    return ref ? lower(ref.getText()) : undefined;
}

/** Parameters and local variables (including for-each and catch variables) of a body. */
function collectVariables(
    params: { name: string; type: string }[],
    body: ParserRuleContext | undefined
): Map<string, string> {
    const variables = new Map(params.map((param) => [lower(param.name), param.type]));
    const visit = (node: ParserRuleContext): void => {
        const name = node.constructor.name;
        if (name === 'LocalVariableDeclarationContext' || name === 'EnhancedForControlContext') {
            const declared = node as unknown as {
                typeRef(): TypeRefContext;
                variableDeclarators?(): {
                    variableDeclarator_list(): { id(): ParserRuleContext }[];
                };
                id?(): ParserRuleContext;
            };
            const type = typeText(declared.typeRef()) ?? 'object';
            const ids = declared.variableDeclarators
                ? declared
                      .variableDeclarators()
                      .variableDeclarator_list()
                      .map((d) => d.id())
                : [declared.id!()];
            for (const id of ids) variables.set(lower(id.getText()), type);
        } else if (name === 'CatchClauseContext') {
            const clause = node as unknown as {
                qualifiedName(): ParserRuleContext;
                id(): ParserRuleContext;
            };
            variables.set(lower(clause.id().getText()), lower(clause.qualifiedName().getText()));
        }
        for (const child of node.children ?? []) {
            if ('children' in child) visit(child as ParserRuleContext);
        }
    };
    if (body) visit(body);
    return variables;
}

function formalParams(ctx: {
    formalParameters(): {
        formalParameterList(): {
            formalParameter_list(): {
                typeRef(): TypeRefContext;
                id(): ParserRuleContext;
            }[];
        } | null;
    };
}): { name: string; type: string }[] {
    const list = ctx.formalParameters().formalParameterList();
    return (list?.formalParameter_list() ?? []).map((param) => ({
        name: param.id().getText(),
        type: typeText(param.typeRef()) ?? 'object'
    }));
}

function newType(
    key: string,
    name: string,
    file: string,
    kind: ApexType['kind'],
    isTest: boolean,
    outer?: ApexType
): ApexType {
    return {
        key,
        name,
        file,
        kind,
        isTest,
        outer,
        supertypes: [],
        methods: [],
        fields: new Map()
    };
}

function addMethod(
    type: ApexType,
    method: Omit<ApexMethod, 'owner' | 'variables'> & {
        params: { name: string; type: string }[];
    }
): void {
    const { params, ...rest } = method;
    type.methods.push({ ...rest, owner: type, variables: collectVariables(params, rest.body) });
}

function readClass(
    declaration: ClassDeclarationContext,
    modifiers: string[],
    file: string,
    types: ApexType[],
    outer?: ApexType
): void {
    const name = declaration.id().getText();
    const key = outer ? `${outer.key}.${lower(name)}` : lower(name);
    const isTest = modifiers.includes('@istest') || (outer?.isTest ?? false);
    const type = newType(key, name, file, 'class', isTest, outer);
    const extended = typeText(declaration.typeRef());
    if (extended) type.supertypes.push(extended);
    for (const ref of declaration.typeList()?.typeRef_list() ?? []) {
        type.supertypes.push(typeText(ref)!);
    }
    types.push(type);
    const label = (member: string) => `${outer ? `${outer.name}.` : ''}${name}.${member}`;
    const bodies = declaration
        .classBody()
        .classBodyDeclaration_list() as ClassBodyDeclarationContext[];
    for (const body of bodies) {
        const mods = modifierTexts(body.modifier_list());
        const isStatic = mods.includes('static');
        const block = body.block();
        if (block) {
            addMethod(type, {
                name: body.STATIC() ? '<clinit>' : '<init-block>',
                label: label('<initializer>'),
                arity: 0,
                isStatic: Boolean(body.STATIC()),
                annotations: [],
                body: block,
                line: block.start.line,
                params: []
            });
            continue;
        }
        const member = body.memberDeclaration();
        if (!member) continue;
        const annotations = mods.filter((mod) => mod.startsWith('@'));
        const method = member.methodDeclaration();
        const constructor = member.constructorDeclaration?.();
        const field = member.fieldDeclaration();
        const property = member.propertyDeclaration();
        const inner = member.classDeclaration();
        const innerInterface = member.interfaceDeclaration();
        if (method) {
            const params = formalParams(method);
            addMethod(type, {
                name: lower(method.id().getText()),
                label: label(method.id().getText()),
                arity: params.length,
                isStatic,
                annotations: mods.includes('testmethod')
                    ? [...annotations, '@istest']
                    : annotations,
                returnType: typeText(method.typeRef()),
                body: method.block() ?? undefined,
                line: method.start.line,
                params
            });
        } else if (constructor) {
            const params = formalParams(constructor);
            addMethod(type, {
                name: '<init>',
                label: label(name),
                arity: params.length,
                isStatic: false,
                annotations,
                returnType: key,
                body: constructor.block(),
                line: constructor.start.line,
                params
            });
        } else if (field) {
            const fieldType = typeText(field.typeRef()) ?? 'object';
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                const literal = /^'([^'\\]*)'$/.exec(declarator.expression()?.getText() ?? '');
                type.fields.set(lower(declarator.id().getText()), {
                    type: fieldType,
                    isStatic,
                    literal: literal?.[1]
                });
            }
        } else if (property) {
            const propertyName = property.id().getText();
            const propertyType = typeText(property.typeRef()) ?? 'object';
            type.fields.set(lower(propertyName), { type: propertyType, isStatic });
            for (const accessor of property.propertyBlock_list()) {
                const getter = accessor.getter();
                const setter = accessor.setter();
                const block = getter?.block() ?? setter?.block();
                if (!block) continue;
                addMethod(type, {
                    name: `${getter ? '<get>' : '<set>'}${lower(propertyName)}`,
                    label: label(propertyName),
                    arity: 0,
                    isStatic,
                    annotations: [],
                    returnType: propertyType,
                    body: block,
                    line: block.start.line,
                    params: getter ? [] : [{ name: 'value', type: propertyType }]
                });
            }
        } else if (inner) {
            readClass(inner, mods, file, types, type);
        } else if (innerInterface) {
            readInterface(innerInterface, file, types, type);
        } else if (member.enumDeclaration()) {
            const enumName = member.enumDeclaration().id().getText();
            types.push(newType(`${key}.${lower(enumName)}`, enumName, file, 'enum', false, type));
        }
    }
}

function readInterface(
    declaration: InterfaceDeclarationContext,
    file: string,
    types: ApexType[],
    outer?: ApexType
): void {
    const name = declaration.id().getText();
    const type = newType(
        outer ? `${outer.key}.${lower(name)}` : lower(name),
        name,
        file,
        'interface',
        false,
        outer
    );
    for (const ref of declaration.typeList()?.typeRef_list() ?? []) {
        type.supertypes.push(typeText(ref)!);
    }
    types.push(type);
}

/** The types one class file declares (the top-level one and its inner types). */
const parseClassFile = memoBySource((source: string): Omit<ApexType, 'file'>[] => {
    const unit = ApexParserFactory.createParser(source).compilationUnit();
    const declaration = unit.typeDeclaration();
    const types: ApexType[] = [];
    if (!declaration) return types;
    const mods = modifierTexts(declaration.modifier_list());
    const cls = declaration.classDeclaration();
    const iface = declaration.interfaceDeclaration();
    if (cls) readClass(cls, mods, '', types);
    else if (iface) readInterface(iface, '', types);
    else if (declaration.enumDeclaration()) {
        const name = declaration.enumDeclaration().id().getText();
        types.push(newType(lower(name), name, '', 'enum', false));
    }
    return types;
});

const parseTriggerFile = memoBySource((source: string): Omit<ApexType, 'file'> => {
    const unit = ApexParserFactory.createParser(source).triggerUnit();
    const [nameId, objectId] = unit.id_list();
    const name = nameId.getText();
    const type = newType(`trigger:${lower(name)}`, name, '', 'trigger', false);
    type.sobject = lower(objectId.getText());
    addMethod(type, {
        name: '<trigger>',
        label: name,
        arity: 0,
        isStatic: true,
        annotations: [],
        body: unit.triggerBlock(),
        line: unit.start.line,
        params: []
    });
    return type;
});

/** The types of one Apex file; results are shared per source text, so the file is set per copy. */
export function typesOfFile(file: string, source: string): ApexType[] {
    const parsed = file.endsWith('.trigger') ? [parseTriggerFile(source)] : parseClassFile(source);
    // Shallow copies carry this file; methods keep pointing at their (shared) owner object, so
    // re-home them too.
    return parsed.map((type) => {
        const copy: ApexType = { ...(type as ApexType), file };
        copy.methods = type.methods.map((method) => ({ ...method, owner: copy }));
        return copy;
    });
}

/** The statements of a body that count as executable, in source order (blocks themselves do not). */
export function statementsOf(file: string, body: ParserRuleContext | undefined): ApexStatement[] {
    const found: ApexStatement[] = [];
    const visit = (node: ParserRuleContext): void => {
        if (node instanceof StatementContext && !(node.block() instanceof BlockContext)) {
            found.push({ id: statementId(file, node), line: node.start.line });
        }
        for (const child of node.children ?? []) {
            if ('children' in child) visit(child as ParserRuleContext);
        }
    };
    if (body) visit(body);
    return found;
}

/** Where a statement is: its file and first token, unique within a project. */
export function statementId(file: string, node: ParserRuleContext): string {
    return `${file}#${node.start.tokenIndex}`;
}
