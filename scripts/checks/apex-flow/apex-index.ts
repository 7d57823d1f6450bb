import { lower, type ApexField, type ApexMethod, type ApexType } from './apex-model';

/** `list<case>` → `case`, `case[]` → `case`; anything else as it is. */
export function elementType(text: string): string {
    const generic = /^(?:list|set)<(.+)>$/.exec(text);
    if (generic) return generic[1];
    return text.endsWith('[]') ? text.slice(0, -2) : text;
}

/**
 * The project's Apex types by name, with what a call graph needs: type lookup as Apex scopes it
 * (inner types first, then outer, then top level), methods up the superclass chain, and the
 * subtypes an interface or virtual call may dispatch to.
 */
export class ApexIndex {
    readonly types = new Map<string, ApexType>();
    private readonly subtypes = new Map<string, ApexType[]>();
    private readonly triggers = new Map<string, ApexMethod[]>();

    constructor(types: ApexType[]) {
        for (const type of types) {
            if (type.kind === 'trigger') {
                const list = this.triggers.get(type.sobject!) ?? [];
                list.push(type.methods[0]);
                this.triggers.set(type.sobject!, list);
            } else {
                this.types.set(type.key, type);
            }
        }
        for (const type of this.types.values()) {
            for (const parent of type.supertypes) {
                const resolved = this.resolve(parent, type);
                if (!resolved) continue;
                const list = this.subtypes.get(resolved.key) ?? [];
                list.push(type);
                this.subtypes.set(resolved.key, list);
            }
        }
    }

    /** The project type a declared type names, seen from inside `from`. */
    resolve(text: string | undefined, from?: ApexType): ApexType | undefined {
        if (!text) return undefined;
        const name = lower(text).replace(/^schema\./, '');
        let scope = from ? from.key : undefined;
        while (scope) {
            const found = this.types.get(`${scope}.${name}`);
            if (found) return found;
            const dot = scope.lastIndexOf('.');
            scope = dot > 0 ? scope.slice(0, dot) : undefined;
        }
        return this.types.get(name);
    }

    /** The outer type of an inner type (undefined for a top-level one). */
    outerOf(type: ApexType): ApexType | undefined {
        const dot = type.key.lastIndexOf('.');
        return dot > 0 ? this.types.get(type.key.slice(0, dot)) : undefined;
    }

    /** The superclass of a class, if it is one of ours. */
    superclassOf(type: ApexType): ApexType | undefined {
        for (const parent of type.supertypes) {
            const resolved = this.resolve(parent, type);
            if (resolved?.kind === 'class') return resolved;
        }
        return undefined;
    }

    /** Methods named so with that many arguments, declared on the type or inherited. */
    methods(type: ApexType, name: string, arity: number): ApexMethod[] {
        const seen = new Set<string>();
        for (let current: ApexType | undefined = type; current && !seen.has(current.key);) {
            seen.add(current.key);
            const found = current.methods.filter((m) => m.name === name && m.arity === arity);
            if (found.length > 0) return found;
            current = this.superclassOf(current);
        }
        return [];
    }

    /** What a call on a receiver of this static type may run: its method and every override. */
    dispatch(type: ApexType, name: string, arity: number): ApexMethod[] {
        const targets = new Set(this.methods(type, name, arity));
        const queue = [...(this.subtypes.get(type.key) ?? [])];
        const seen = new Set<string>();
        while (queue.length > 0) {
            const sub = queue.shift()!;
            if (seen.has(sub.key)) continue;
            seen.add(sub.key);
            for (const method of sub.methods) {
                if (method.name === name && method.arity === arity) targets.add(method);
            }
            queue.push(...(this.subtypes.get(sub.key) ?? []));
        }
        return [...targets].filter((method) => method.body);
    }

    /** A field or property of the type, its outer types or superclasses. */
    field(type: ApexType, name: string): (ApexField & { owner: ApexType }) | undefined {
        const seen = new Set<string>();
        for (let current: ApexType | undefined = type; current && !seen.has(current.key);) {
            seen.add(current.key);
            const found = current.fields.get(name);
            if (found) return { ...found, owner: current };
            current = this.superclassOf(current) ?? this.outerOf(current);
        }
        return undefined;
    }

    /** The trigger bodies that fire on DML of an SObject (lower-case API name). */
    triggersOn(sobject: string): ApexMethod[] {
        return this.triggers.get(sobject) ?? [];
    }
}
