/** The parts of an Ajv error (as Fastify passes them on) that we word for people. */
export interface ValidationIssue {
    keyword: string;
    instancePath: string;
    params: Record<string, unknown>;
    message?: string;
}

/** One sentence a customer can act on, e.g. `"email" must be a valid email address`. */
export function describeValidation(issues: ValidationIssue[]): string {
    const [issue] = issues;
    if (!issue) return 'the request is not valid';
    const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const name = `"${field}"`;
    switch (issue.keyword) {
        case 'required':
            return `"${String(issue.params.missingProperty)}" is required`;
        case 'additionalProperties':
            return `"${String(issue.params.additionalProperty)}" is not a field of a ticket`;
        case 'type':
            return field
                ? `${name} must be a ${String(issue.params.type)}`
                : 'the body must be a JSON object';
        case 'minLength':
        case 'pattern':
            return `${name} must not be empty`;
        case 'maxLength':
            return `${name} must be at most ${String(issue.params.limit)} characters`;
        case 'format':
            return `${name} must be a valid ${String(issue.params.format)} address`;
        default:
            return `${field ? `${name} ` : ''}${issue.message ?? 'is not valid'}`;
    }
}
