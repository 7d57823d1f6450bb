import type { ApexParserRuleContext as ParserRuleContext } from '@apexdevtools/apex-parser';
import { elementType, type ApexIndex } from './apex-index';
import { lower, statementId, typeText, type ApexMethod, type ApexType } from './apex-model';

/**
 * A small abstract interpreter over the Apex parse tree, shared by two gates:
 * - the DML-before-callout gate asks, per test method, whether a callout can run after
 *   uncommitted DML (or async work) with no `Test.startTest()` between;
 * - the coverage-by-deploy-subset gate asks which statements the tests of a plan can reach.
 *
 * It walks statements in order and follows calls into the project's own classes (static calls,
 * calls on typed variables, fields and `new` expressions, with interface and override dispatch).
 * Values are tracked only as far as these questions need: Boolean and null literals in local
 * variables and in static Boolean fields that tests set (`SendbirdKnowledge.unavailable = true`),
 * so a branch that cannot run under what a test set is not walked. Everything else is unknown,
 * and both branches of an unknown condition are walked.
 */

type Value = 'true' | 'false' | 'null' | 'unknown';

/** Where something happened, as a chain of calls from the walked method. */
export interface Witness {
    steps: string[];
}

/** The uncommitted work a caller brought in, when a method is summarised for any caller. */
const INCOMING: Witness = { steps: ['(the caller’s pending work)'] };

/** A callout that can run after uncommitted work in the same transaction. */
export interface Violation {
    pending: Witness;
    callout: Witness;
}

interface State {
    pending: Witness | null;
    /** A mock that answers callouts has been set (see ARMING_METHODS). */
    armed: boolean;
    /** Between Test.startTest() and Test.stopTest(). */
    inBlock: boolean;
    flags: Map<string, Value>;
    locals: Map<string, Value>;
    /** An unreleased savepoint: the work pending before it, and whether it was rolled back to. */
    savepoint: { before: Witness | null; rolledBack: boolean } | null;
    done: false | 'return' | 'throw' | 'break';
}

/** What a walked method leaves behind for its caller. */
interface Outcome {
    violations: Violation[];
    pending: Witness | null;
    armed: boolean;
    inBlock: boolean;
    flags: Map<string, Value>;
    /** False when every path throws. */
    completes: boolean;
}

/**
 * The project's queue-based mock fails any request it has no answer for, so a test that queued
 * none declares that it expects no callout. A callout path is reported only once a mock that can
 * answer is set: any other HttpCalloutMock by Test.setMock, this one by one of these methods.
 */
const ARMING_METHODS: Record<string, string[]> = {
    sendbirdhttpcalloutmock: [
        'reply',
        'replyerror',
        'replyratelimited',
        'timeout',
        'otherwisereply'
    ]
};

const DATABASE_DML = new Set([
    'insert',
    'update',
    'upsert',
    'delete',
    'undelete',
    'merge',
    'convertlead',
    'emptyrecyclebin',
    'insertimmediate',
    'updateimmediate',
    'deleteimmediate'
]);

const cloneState = (state: State): State => ({
    ...state,
    flags: new Map(state.flags),
    locals: new Map(state.locals)
});

function mergeValues(a: Map<string, Value>, b: Map<string, Value>): Map<string, Value> {
    const merged = new Map<string, Value>();
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        const left = a.get(key) ?? 'unknown';
        merged.set(key, left === (b.get(key) ?? 'unknown') ? left : 'unknown');
    }
    return merged;
}

/** Two paths joining: what may have happened on either. A finished path does not flow on. */
function merge(a: State, b: State): State {
    if (a.done && !b.done) return b;
    if (b.done && !a.done) return a;
    return {
        pending: a.pending ?? b.pending,
        armed: a.armed || b.armed,
        inBlock: a.inBlock || b.inBlock,
        flags: mergeValues(a.flags, b.flags),
        locals: mergeValues(a.locals, b.locals),
        savepoint: a.savepoint ?? b.savepoint,
        done: a.done === b.done ? a.done : a.done && b.done ? 'return' : false
    };
}

const not = (value: Value): Value =>
    value === 'true' ? 'false' : value === 'false' ? 'true' : 'unknown';

/** A type an expression has: one of ours, or a system type by its lower-case name. */
interface TypeRef {
    text: string;
    type?: ApexType;
    /** The expression names the type itself (`SendbirdPlatformClient.get()`), not a value of it. */
    isStatic: boolean;
}

/** One walk of a method: its locals, and where its paths returned or threw. */
interface Frame {
    method: ApexMethod;
    violations: Violation[];
    exits: State[];
    throws: State[];
}

type Node = ParserRuleContext;

const kind = (node: Node): string => node.constructor.name;
const childNodes = (node: Node): Node[] =>
    (node.children ?? []).filter((child): child is Node => 'children' in child);
const call = <T>(node: Node, name: string): T =>
    (node as unknown as Record<string, () => T>)[name]();

function shortText(node: Node): string {
    const text = node.getText();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface FlowOptions {
    /** Called with every statement a walk reaches (for coverage). */
    onStatement?: (id: string) => void;
    /**
     * SObjects (lower-case) the org of a deploy plan does not have: `Type.forName` of one is
     * null there and `Schema.getGlobalDescribe().containsKey` of one is false.
     */
    absentObjects?: string[];
}

export class ApexFlow {
    private readonly memo = new Map<string, Outcome>();
    private readonly active = new Set<string>();
    /** Async jobs and triggers already walked for coverage (each once is enough). */
    private readonly spawned = new Set<string>();

    constructor(
        private readonly index: ApexIndex,
        private readonly options: FlowOptions = {}
    ) {}

    /** Walks a test method as the platform runs it, from a clean transaction. */
    walkTest(method: ApexMethod): Violation[] {
        return this.walk(method, { pending: null, armed: false, inBlock: false, flags: new Map() })
            .violations;
    }

    private walk(
        method: ApexMethod,
        input: {
            pending: Witness | null;
            armed: boolean;
            inBlock: boolean;
            flags: Map<string, Value>;
        }
    ): Outcome {
        const flagKey = [...input.flags]
            .filter(([, value]) => value !== 'unknown')
            .map(([name, value]) => `${name}=${value}`)
            .sort()
            .join(',');
        const key = `${method.owner.file}#${method.line}#${method.name}|${input.pending ? 1 : 0}${input.armed ? 1 : 0}${input.inBlock ? 1 : 0}|${flagKey}`;
        const known = this.memo.get(key);
        if (known) return known;
        if (this.active.has(key)) {
            // Recursion: assume the inner call changes nothing (its effects are walked once).
            return { violations: [], ...input, pending: input.pending, completes: true };
        }
        this.active.add(key);
        const frame: Frame = { method, violations: [], exits: [], throws: [] };
        const start: State = {
            pending: input.pending ? INCOMING : null,
            armed: input.armed,
            inBlock: input.inBlock,
            flags: new Map(input.flags),
            locals: new Map(),
            savepoint: null,
            done: false
        };
        const end = method.body ? this.statementList(childNodes(method.body), start, frame) : start;
        const normal = [...frame.exits, ...(end.done ? [] : [end])].map((s) => ({
            ...s,
            done: false as const
        }));
        const finalStates = normal.length > 0 ? normal : frame.throws;
        const out = finalStates.reduce(merge, { ...start, pending: null, done: 'return' as const });
        const outcome: Outcome = {
            violations: frame.violations,
            pending: out.pending,
            armed: out.armed,
            inBlock: out.inBlock,
            flags: out.flags,
            completes: normal.length > 0
        };
        this.active.delete(key);
        this.memo.set(key, outcome);
        return outcome;
    }

    private statementList(nodes: Node[], state: State, frame: Frame): State {
        let current = state;
        for (const node of nodes) {
            if (current.done) break;
            current = this.node(node, current, frame);
        }
        return current;
    }

    /** Any node: statements and expressions get their meaning, other nodes are walked through. */
    private node(node: Node, state: State, frame: Frame): State {
        const name = kind(node);
        if (name === 'StatementContext') return this.statement(node, state, frame);
        if (name.endsWith('ExpressionContext')) {
            return this.expression(node, state, frame).state;
        }
        return this.statementList(childNodes(node), state, frame);
    }

    private statement(node: Node, input: State, frame: Frame): State {
        const inner = childNodes(node)[0];
        if (!inner) return input;
        const name = kind(inner);
        if (name !== 'BlockContext') {
            this.options.onStatement?.(statementId(frame.method.owner.file, node));
        }
        let state = input;
        switch (name) {
            case 'IfStatementContext': {
                const condition = this.expression(call<Node>(inner, 'parExpression'), state, frame);
                const [then, otherwise] = call<Node[]>(inner, 'statement_list');
                state = condition.state;
                if (condition.value === 'true') return this.node(then, state, frame);
                if (condition.value === 'false') {
                    return otherwise ? this.node(otherwise, state, frame) : state;
                }
                const a = this.node(then, cloneState(state), frame);
                const b = otherwise ? this.node(otherwise, cloneState(state), frame) : state;
                return merge(a, b);
            }
            case 'ForStatementContext':
            case 'WhileStatementContext':
            case 'DoWhileStatementContext':
                return this.loop(inner, state, frame, name === 'DoWhileStatementContext');
            case 'TryStatementContext': {
                const before = cloneState(state);
                const tried = this.node(call<Node>(inner, 'block'), state, frame);
                let result = tried;
                for (const clause of call<Node[]>(inner, 'catchClause_list')) {
                    const from = merge(before, { ...cloneState(tried), done: false });
                    result = merge(result, this.node(call<Node>(clause, 'block'), from, frame));
                }
                const finallyBlock = call<Node | null>(inner, 'finallyBlock');
                if (finallyBlock) {
                    const ran = this.node(
                        finallyBlock,
                        { ...cloneState(result), done: false },
                        frame
                    );
                    result = { ...ran, done: ran.done || result.done };
                }
                return result;
            }
            case 'SwitchStatementContext': {
                state = this.expression(call<Node>(inner, 'expression'), state, frame).state;
                const whens = call<Node[]>(inner, 'whenControl_list');
                const hasElse = whens.some((when) => /^whenelse/i.test(when.getText()));
                let result: State | undefined = hasElse ? undefined : state;
                for (const when of whens) {
                    const ran = this.node(call<Node>(when, 'block'), cloneState(state), frame);
                    result = result ? merge(result, ran) : ran;
                }
                return result ?? state;
            }
            case 'ReturnStatementContext': {
                state = this.statementList(childNodes(inner), state, frame);
                frame.exits.push(cloneState(state));
                return { ...state, done: 'return' };
            }
            case 'ThrowStatementContext': {
                state = this.statementList(childNodes(inner), state, frame);
                frame.throws.push(cloneState(state));
                return { ...state, done: 'throw' };
            }
            case 'BreakStatementContext':
            case 'ContinueStatementContext':
                return { ...state, done: 'break' };
            case 'InsertStatementContext':
            case 'UpdateStatementContext':
            case 'DeleteStatementContext':
            case 'UndeleteStatementContext':
            case 'UpsertStatementContext':
            case 'MergeStatementContext': {
                state = this.statementList(childNodes(inner), state, frame);
                const target = call<Node[]>(
                    inner,
                    name === 'MergeStatementContext' ? 'expression_list' : 'expression'
                );
                const first = Array.isArray(target) ? target[0] : target;
                this.fireTriggers(first, state, frame);
                return this.dml(inner, state, frame);
            }
            case 'LocalVariableDeclarationStatementContext': {
                const declaration = call<Node>(inner, 'localVariableDeclaration');
                const declarators = call<Node>(declaration, 'variableDeclarators');
                for (const declarator of call<Node[]>(declarators, 'variableDeclarator_list')) {
                    const id = lower(call<Node>(declarator, 'id').getText());
                    const init = call<Node | null>(declarator, 'expression');
                    let value: Value = 'null';
                    if (init) {
                        const result = this.expression(init, state, frame);
                        state = result.state;
                        value = result.value;
                    }
                    state.locals.set(id, value);
                }
                return state;
            }
            default:
                return this.statementList(childNodes(inner), state, frame);
        }
    }

    /** A loop body may run zero, one or more times: twice walked catches work one pass leaves. */
    private loop(node: Node, state: State, frame: Frame, atLeastOnce: boolean): State {
        const body = childNodes(node).filter(
            (child) => kind(child) === 'StatementContext' || kind(child) === 'BlockContext'
        );
        const control = childNodes(node).filter((child) => !body.includes(child));
        let before = this.statementList(control, state, frame);
        const once = this.passBody(body, cloneState(before), frame);
        const twice = this.passBody(body, merge(cloneState(before), once), frame);
        before = atLeastOnce ? once : before;
        return merge(merge(before, once), twice);
    }

    private passBody(body: Node[], state: State, frame: Frame): State {
        const after = this.statementList(body, state, frame);
        return after.done === 'break' ? { ...after, done: false } : after;
    }

    private dml(site: Node, state: State, frame: Frame): State {
        return { ...state, pending: { steps: [this.step(site, frame, 'DML')] } };
    }

    private step(site: Node, frame: Frame, what: string): string {
        return `${frame.method.label} line ${site.start.line}: ${what === 'DML' ? shortText(site) : what}`;
    }

    // ---- expressions ---------------------------------------------------------------------------

    private expression(node: Node, input: State, frame: Frame): { state: State; value: Value } {
        const name = kind(node);
        let state = input;
        switch (name) {
            case 'PrimaryExpressionContext':
                return this.primary(childNodes(node)[0], state, frame);
            case 'SubExpressionContext':
            case 'ParExpressionContext':
            case 'CastExpressionContext':
                return this.expression(call<Node>(node, 'expression'), state, frame);
            case 'NegExpressionContext': {
                const result = this.expression(call<Node>(node, 'expression'), state, frame);
                return {
                    state: result.state,
                    value: node.getText().startsWith('!') ? not(result.value) : 'unknown'
                };
            }
            case 'LogAndExpressionContext':
            case 'LogOrExpressionContext': {
                const [left, right] = call<Node[]>(node, 'expression_list');
                const isAnd = name === 'LogAndExpressionContext';
                const a = this.expression(left, state, frame);
                const decided = isAnd ? 'false' : 'true';
                if (a.value === decided) return a;
                const b = this.expression(
                    right,
                    a.value === 'unknown' ? cloneState(a.state) : a.state,
                    frame
                );
                const joined = a.value === 'unknown' ? merge(a.state, b.state) : b.state;
                const value: Value =
                    b.value === decided
                        ? decided
                        : a.value === 'unknown' || b.value === 'unknown'
                          ? 'unknown'
                          : b.value;
                return { state: joined, value };
            }
            case 'CondExpressionContext': {
                const [test, then, otherwise] = call<Node[]>(node, 'expression_list');
                const condition = this.expression(test, state, frame);
                if (condition.value === 'true')
                    return this.expression(then, condition.state, frame);
                if (condition.value === 'false')
                    return this.expression(otherwise, condition.state, frame);
                const a = this.expression(then, cloneState(condition.state), frame);
                const b = this.expression(otherwise, cloneState(condition.state), frame);
                return {
                    state: merge(a.state, b.state),
                    value: a.value === b.value ? a.value : 'unknown'
                };
            }
            case 'EqualityExpressionContext': {
                const [left, right] = call<Node[]>(node, 'expression_list');
                const a = this.expression(left, state, frame);
                const b = this.expression(right, a.state, frame);
                const operator = (node.children ?? [])[1]?.getText() ?? '';
                const negated = operator === '!=' || operator === '!==' || operator === '<>';
                const known = a.value !== 'unknown' && b.value !== 'unknown';
                const value: Value = known ? (a.value === b.value ? 'true' : 'false') : 'unknown';
                return { state: b.state, value: negated ? not(value) : value };
            }
            case 'AssignExpressionContext':
                return this.assign(node, state, frame);
            case 'DotExpressionContext':
                return this.dot(node, state, frame);
            case 'MethodCallExpressionContext':
                return this.localCall(call<Node>(node, 'methodCall'), state, frame);
            case 'NewExpressionContext':
                return this.creation(call<Node>(node, 'creator'), state, frame);
            default:
                state = this.statementList(childNodes(node), state, frame);
                return { state, value: 'unknown' };
        }
    }

    private primary(node: Node, state: State, frame: Frame): { state: State; value: Value } {
        const name = kind(node);
        if (name === 'LiteralPrimaryContext') {
            const text = lower(node.getText());
            const value: Value =
                text === 'true'
                    ? 'true'
                    : text === 'false'
                      ? 'false'
                      : text === 'null'
                        ? 'null'
                        : 'unknown';
            return { state, value };
        }
        if (name === 'IdPrimaryContext') {
            const id = lower(node.getText());
            if (frame.method.variables.has(id))
                return { state, value: state.locals.get(id) ?? 'unknown' };
            const field = this.index.field(frame.method.owner, id);
            if (!field) return { state, value: 'unknown' };
            const getter = field.owner.methods.find((m) => m.name === `<get>${id}`);
            if (getter)
                return { state: this.invoke([getter], node, state, frame), value: 'unknown' };
            return {
                state,
                value: field.isStatic
                    ? (state.flags.get(`${field.owner.key}.${id}`) ?? 'unknown')
                    : 'unknown'
            };
        }
        return { state: this.statementList(childNodes(node), state, frame), value: 'unknown' };
    }

    private assign(node: Node, input: State, frame: Frame): { state: State; value: Value } {
        const [target, source] = call<Node[]>(node, 'expression_list');
        const plain = (node.children ?? [])[1]?.getText() === '=';
        const result = this.expression(source, input, frame);
        let state = result.state;
        const value = plain ? result.value : 'unknown';
        const targetKind = kind(target);
        if (
            targetKind === 'PrimaryExpressionContext' &&
            kind(childNodes(target)[0]) === 'IdPrimaryContext'
        ) {
            const id = lower(target.getText());
            if (frame.method.variables.has(id)) {
                state.locals.set(id, value);
                return { state, value };
            }
            const field = this.index.field(frame.method.owner, id);
            if (field) {
                const setter = field.owner.methods.find((m) => m.name === `<set>${id}`);
                if (setter) state = this.invoke([setter], node, state, frame);
                if (field.isStatic) state.flags.set(`${field.owner.key}.${id}`, value);
            }
            return { state, value };
        }
        if (targetKind === 'DotExpressionContext' && !call<Node | null>(target, 'dotMethodCall')) {
            const receiver = this.typeOf(call<Node>(target, 'expression'), frame);
            const id = lower(call<Node>(target, 'anyId').getText());
            if (!receiver?.isStatic)
                state = this.expression(call<Node>(target, 'expression'), state, frame).state;
            const field = receiver?.type ? this.index.field(receiver.type, id) : undefined;
            if (field) {
                const setter = field.owner.methods.find((m) => m.name === `<set>${id}`);
                if (setter) state = this.invoke([setter], node, state, frame);
                if (field.isStatic) state.flags.set(`${field.owner.key}.${id}`, value);
            }
            return { state, value };
        }
        return { state: this.expression(target, state, frame).state, value };
    }

    private argumentsOf(node: Node | null): Node[] {
        return node ? call<Node[]>(node, 'expression_list') : [];
    }

    private evaluateAll(nodes: Node[], input: State, frame: Frame): State {
        let state = input;
        for (const node of nodes) {
            if (state.done) break;
            state = this.expression(node, state, frame).state;
        }
        return state;
    }

    /** `receiver.member` and `receiver.method(...)`. */
    private dot(node: Node, input: State, frame: Frame): { state: State; value: Value } {
        const receiverNode = call<Node>(node, 'expression');
        const receiver = this.typeOf(receiverNode, frame);
        const methodCall = call<Node | null>(node, 'dotMethodCall');
        let state = receiver?.isStatic ? input : this.expression(receiverNode, input, frame).state;
        if (!methodCall) {
            const id = lower(call<Node>(node, 'anyId').getText());
            const field = receiver?.type ? this.index.field(receiver.type, id) : undefined;
            if (!field) return { state, value: 'unknown' };
            const getter = field.owner.methods.find((m) => m.name === `<get>${id}`);
            if (getter) state = this.invoke([getter], node, state, frame);
            const value = field.isStatic
                ? (state.flags.get(`${field.owner.key}.${id}`) ?? 'unknown')
                : 'unknown';
            return { state, value };
        }
        const args = this.argumentsOf(call<Node | null>(methodCall, 'expressionList'));
        state = this.evaluateAll(args, state, frame);
        if (state.done) return { state, value: 'unknown' };
        const method = lower(call<Node>(methodCall, 'anyId').getText());
        const value = this.featureProbe(receiverNode, method, args, frame);
        return { state: this.member(receiver, method, args, node, state, frame), value };
    }

    /** What `Type.forName(...)` and `Schema.getGlobalDescribe().containsKey(...)` say in the plan's org. */
    private featureProbe(receiver: Node, method: string, args: Node[], frame: Frame): Value {
        const name = args[0] ? this.stringOf(args[0], frame) : undefined;
        if (!name || !this.options.absentObjects?.includes(lower(name))) return 'unknown';
        const text = lower(receiver.getText());
        if (text === 'type' && method === 'forname' && args.length === 1) return 'null';
        if (
            /^(schema\.)?getglobaldescribe\(\)$/.test(
                text.replace(/^schema\.schema\./, 'schema.')
            ) &&
            method === 'containskey'
        ) {
            return 'false';
        }
        return 'unknown';
    }

    /** A string literal, or a field that starts as one (a constant). */
    private stringOf(node: Node, frame: Frame): string | undefined {
        const text = node.getText();
        const literal = /^'([^'\\]*)'$/.exec(text);
        if (literal) return literal[1];
        const parts = lower(text).split('.');
        if (parts.length === 1) return this.index.field(frame.method.owner, parts[0])?.literal;
        if (parts.length === 2) {
            const owner = this.index.resolve(parts[0], frame.method.owner);
            return owner ? this.index.field(owner, parts[1])?.literal : undefined;
        }
        return undefined;
    }

    /** What a call on a receiver means: a platform event the gates know, or our own code. */
    private member(
        receiver: TypeRef | undefined,
        method: string,
        args: Node[],
        site: Node,
        state: State,
        frame: Frame
    ): State {
        const text = receiver?.text;
        if (receiver && !receiver.type) {
            if (text === 'http' && method === 'send' && !receiver.isStatic)
                return this.callout(site, state, frame, 'Http.send');
            if (text === 'webservicecallout' && method === 'invoke')
                return this.callout(site, state, frame, 'WebServiceCallout.invoke');
            if (text === 'database' && DATABASE_DML.has(method)) {
                if (args[0]) this.fireTriggers(args[0], state, frame);
                return this.dml(site, state, frame);
            }
            // A platform event's triggers run in a transaction of their own when the bus delivers
            // it (Test.getEventBus().deliver(), Test.stopTest()): coverage only, no pending work.
            if (text === 'eventbus' && method === 'publish') {
                if (args[0]) this.fireTriggers(args[0], state, frame);
                return state;
            }
            if (text === 'database' && method === 'setsavepoint') {
                const savepoint = { before: state.pending, rolledBack: false };
                return {
                    ...state,
                    savepoint,
                    pending: { steps: [this.step(site, frame, 'savepoint')] }
                };
            }
            if (text === 'database' && method === 'rollback' && state.savepoint) {
                return { ...state, savepoint: { ...state.savepoint, rolledBack: true } };
            }
            // Since API 60 a rolled-back and released savepoint lets Apex call out again.
            if (text === 'database' && method === 'releasesavepoint' && state.savepoint) {
                const { before, rolledBack } = state.savepoint;
                return { ...state, savepoint: null, pending: rolledBack ? before : state.pending };
            }
            if (text === 'test' && method === 'starttest')
                return { ...state, pending: null, inBlock: true };
            if (text === 'test' && method === 'stoptest') return { ...state, inBlock: false };
            if (text === 'test' && method === 'setmock' && args[1]) {
                const mock = this.typeOf(args[1], frame);
                const queued = mock?.type && ARMING_METHODS[mock.type.key];
                return queued ? state : { ...state, armed: true };
            }
            if (
                (text === 'system' &&
                    (method === 'enqueuejob' ||
                        method === 'schedule' ||
                        method === 'schedulebatch')) ||
                (text === 'database' && method === 'executebatch')
            ) {
                const job = args[method === 'schedule' ? 2 : 0];
                this.spawnJob(job, state, frame);
                return this.async(site, state, frame);
            }
            if (text === 'system' && method === 'attachfinalizer' && args[0]) {
                this.spawnJob(args[0], state, frame);
            }
            return state;
        }
        if (!receiver?.type) return state;
        const arming = ARMING_METHODS[receiver.type.key];
        if (arming?.includes(method)) state = { ...state, armed: true };
        const targets = this.index
            .dispatch(receiver.type, method, args.length)
            .filter((m) => !receiver.isStatic || m.isStatic);
        return this.invoke(targets, site, state, frame);
    }

    /** `method(...)`, `this(...)`, `super(...)` inside a class. */
    private localCall(node: Node, input: State, frame: Frame): { state: State; value: Value } {
        const args = this.argumentsOf(call<Node | null>(node, 'expressionList'));
        const state = this.evaluateAll(args, input, frame);
        if (state.done) return { state, value: 'unknown' };
        const owner = frame.method.owner;
        const text = lower(node.getText());
        let targets: ApexMethod[];
        if (text.startsWith('this(')) targets = this.index.methods(owner, '<init>', args.length);
        else if (text.startsWith('super(')) {
            const parent = this.index.superclassOf(owner);
            targets = parent ? this.index.methods(parent, '<init>', args.length) : [];
        } else {
            const name = lower(call<Node>(node, 'id').getText());
            targets = [];
            for (
                let scope: ApexType | undefined = owner;
                scope && targets.length === 0;
                scope = this.index.outerOf(scope)
            ) {
                targets = this.index.dispatch(scope, name, args.length);
            }
        }
        return { state: this.invoke(targets, node, state, frame), value: 'unknown' };
    }

    private creation(creator: Node, input: State, frame: Frame): { state: State; value: Value } {
        const rest = call<Node | null>(creator, 'classCreatorRest');
        if (!rest)
            return {
                state: this.statementList(childNodes(creator), input, frame),
                value: 'unknown'
            };
        const args = this.argumentsOf(
            call<Node | null>(call<Node>(rest, 'arguments'), 'expressionList')
        );
        const state = this.evaluateAll(args, input, frame);
        const type = this.index.resolve(this.createdName(creator), frame.method.owner);
        if (!type || state.done) return { state, value: 'unknown' };
        return {
            state: this.invoke(
                this.index.methods(type, '<init>', args.length),
                creator,
                state,
                frame
            ),
            value: 'unknown'
        };
    }

    private createdName(creator: Node): string {
        const name = call<Node>(creator, 'createdName');
        return call<Node[]>(name, 'idCreatedNamePair_list')
            .map((pair) => lower(call<Node>(pair, 'anyId').getText()))
            .join('.');
    }

    // ---- effects -------------------------------------------------------------------------------

    private callout(site: Node, state: State, frame: Frame, what: string): State {
        if (state.pending && state.armed) {
            frame.violations.push({
                pending: state.pending,
                callout: { steps: [this.step(site, frame, what)] }
            });
        }
        return state;
    }

    /** Async work outside Test.startTest/stopTest is pending work too (Apex Developer Guide). */
    private async(site: Node, state: State, frame: Frame): State {
        if (state.inBlock) return state;
        return {
            ...state,
            pending: { steps: [this.step(site, frame, `async work: ${shortText(site)}`)] }
        };
    }

    /** Calls into our code: each possible target walked from the caller's state, then joined. */
    private invoke(targets: ApexMethod[], site: Node, state: State, frame: Frame): State {
        if (targets.length === 0) return state;
        const future = targets.filter((target) => target.annotations.includes('@future'));
        const direct = targets.filter((target) => !future.includes(target));
        let result: State | undefined;
        if (future.length > 0) {
            for (const target of future) this.spawn(target, state);
            result = this.async(site, state, frame);
        }
        const here = this.step(site, frame, shortText(site));
        for (const target of direct) {
            const outcome = this.walk(target, state);
            for (const violation of outcome.violations) {
                frame.violations.push({
                    pending:
                        violation.pending === INCOMING
                            ? state.pending!
                            : { steps: [here, ...violation.pending.steps] },
                    callout: { steps: [here, ...violation.callout.steps] }
                });
            }
            const after: State = {
                ...state,
                pending:
                    outcome.pending === INCOMING
                        ? state.pending
                        : outcome.pending
                          ? { steps: [here, ...outcome.pending.steps] }
                          : null,
                armed: outcome.armed,
                inBlock: outcome.inBlock,
                flags: new Map(outcome.flags),
                locals: new Map(state.locals),
                done: outcome.completes ? false : 'throw'
            };
            if (after.done) frame.throws.push(cloneState(after));
            result = result ? merge(result, after) : after;
        }
        return result ?? state;
    }

    /** Work that runs in a transaction of its own (a job at Test.stopTest, a trigger): coverage only. */
    private spawn(method: ApexMethod, state: State): void {
        const key = `${method.owner.file}#${method.line}#${method.name}`;
        if (this.spawned.has(key)) return;
        this.spawned.add(key);
        this.walk(method, { pending: null, armed: true, inBlock: false, flags: state.flags });
    }

    private spawnJob(job: Node | undefined, state: State, frame: Frame): void {
        const type = job ? this.typeOf(job, frame)?.type : undefined;
        if (!type) return;
        for (const name of ['execute', 'start', 'finish']) {
            for (const arity of [1, 2]) {
                for (const method of this.index.dispatch(type, name, arity))
                    this.spawn(method, state);
            }
        }
    }

    private fireTriggers(target: Node | undefined, state: State, frame: Frame): void {
        const type = target ? this.typeOf(target, frame) : undefined;
        if (!type) return;
        for (const trigger of this.index.triggersOn(elementType(type.text)))
            this.spawn(trigger, state);
    }

    // ---- types ---------------------------------------------------------------------------------

    private ref(text: string | undefined, frame: Frame, isStatic = false): TypeRef | undefined {
        if (!text) return undefined;
        return { text, type: this.index.resolve(text, frame.method.owner), isStatic };
    }

    /** The static type of an expression, as far as declarations tell it. */
    typeOf(node: Node, frame: Frame): TypeRef | undefined {
        switch (kind(node)) {
            case 'PrimaryExpressionContext': {
                const primary = childNodes(node)[0];
                const primaryKind = kind(primary);
                if (primaryKind === 'ThisPrimaryContext')
                    return {
                        text: frame.method.owner.key,
                        type: frame.method.owner,
                        isStatic: false
                    };
                if (primaryKind !== 'IdPrimaryContext') return undefined;
                const id = lower(primary.getText());
                const variable = frame.method.variables.get(id);
                if (variable) return this.ref(variable, frame);
                const field = this.index.field(frame.method.owner, id);
                if (field)
                    return {
                        text: field.type,
                        type: this.index.resolve(field.type, field.owner),
                        isStatic: false
                    };
                return this.ref(id, frame, true);
            }
            case 'SubExpressionContext':
                return this.typeOf(call<Node>(node, 'expression'), frame);
            case 'CastExpressionContext':
                return this.ref(typeText(call(node, 'typeRef')), frame);
            case 'NewExpressionContext': {
                const creator = call<Node>(node, 'creator');
                return this.ref(this.createdName(creator), frame);
            }
            case 'CondExpressionContext':
                return this.typeOf(call<Node[]>(node, 'expression_list')[1], frame);
            case 'ArrayExpressionContext': {
                const list = this.typeOf(call<Node[]>(node, 'expression_list')[0], frame);
                return list ? this.ref(elementType(list.text), frame) : undefined;
            }
            case 'MethodCallExpressionContext': {
                const methodCall = call<Node>(node, 'methodCall');
                const idNode = call<Node | null>(methodCall, 'id');
                if (!idNode) return undefined;
                const arity = this.argumentsOf(
                    call<Node | null>(methodCall, 'expressionList')
                ).length;
                for (
                    let scope: ApexType | undefined = frame.method.owner;
                    scope;
                    scope = this.index.outerOf(scope)
                ) {
                    const found = this.index.methods(scope, lower(idNode.getText()), arity)[0];
                    if (found)
                        return {
                            text: found.returnType ?? 'void',
                            type: this.index.resolve(found.returnType, found.owner),
                            isStatic: false
                        };
                }
                return undefined;
            }
            case 'DotExpressionContext': {
                const receiver = this.typeOf(call<Node>(node, 'expression'), frame);
                const methodCall = call<Node | null>(node, 'dotMethodCall');
                if (!receiver) return undefined;
                if (methodCall) {
                    if (!receiver.type) return undefined;
                    const arity = this.argumentsOf(
                        call<Node | null>(methodCall, 'expressionList')
                    ).length;
                    const found = this.index.methods(
                        receiver.type,
                        lower(call<Node>(methodCall, 'anyId').getText()),
                        arity
                    )[0];
                    return found
                        ? {
                              text: found.returnType ?? 'void',
                              type: this.index.resolve(found.returnType, found.owner),
                              isStatic: false
                          }
                        : undefined;
                }
                const id = lower(call<Node>(node, 'anyId').getText());
                if (!receiver.type)
                    return receiver.isStatic
                        ? { text: `${receiver.text}.${id}`, isStatic: true }
                        : undefined;
                const field = this.index.field(receiver.type, id);
                if (field)
                    return {
                        text: field.type,
                        type: this.index.resolve(field.type, field.owner),
                        isStatic: false
                    };
                const inner = this.index.types.get(`${receiver.type.key}.${id}`);
                return inner ? { text: inner.key, type: inner, isStatic: true } : undefined;
            }
            default:
                return undefined;
        }
    }
}
