import { readFileSync } from 'node:fs';
import type { Finding } from './shared/findings';
import { runGateCommand, type Gate, type GateResult } from './shared/gate';
import { listApexFiles, readProject } from '../project/project';
import { runApexLs, type ApexLsMessage, type ApexLsReport } from './apex-types/apex-ls';
import {
    createFullWorkspace,
    createStrictWorkspace,
    type StrictWorkspace
} from './apex-types/strict-workspace';
import { privateMemberReferences } from './apex-types/visibility';

/**
 * apex-ls's bundled SObject library describes an org without Omni-Channel, so it reports the
 * Omni-Channel objects as unknown types although they exist wherever Omni-Channel is enabled (the
 * deploy script only deploys code that uses them to such orgs). Messages naming one of these
 * objects are the only ones dropped; every other message fails the gate.
 */
const OMNI_CHANNEL_OBJECTS = [
    'AgentWork',
    'PendingServiceRouting',
    'ServiceChannel',
    'ServicePresenceStatus',
    'UserServicePresence'
];
const OMNI_CHANNEL_MESSAGE = new RegExp(
    `^No type declaration found for '(Schema\\.)?(${OMNI_CHANNEL_OBJECTS.join('|')})'$`
);
const UNKNOWN_FIELD = /^Unknown field '([^']+)' on SObject 'Schema\.([^']+)'$/;
const UNKNOWN_FIELD_TOKEN =
    /^Unknown field or type '([^']+)' on 'Schema\.(?:SObjectType\.)?([^'.]+)\.Fields'$/;
const UNKNOWN_TYPE = /^No type declaration found for /;

export function isOmniChannelGap(message: ApexLsMessage): boolean {
    return message.category === 'Missing' && OMNI_CHANNEL_MESSAGE.test(message.message);
}

function toFinding(file: string, message: ApexLsMessage): Finding {
    return {
        file,
        line: message.start.line,
        column: message.start.offset + 1,
        message: `${message.category}: ${message.message}`
    };
}

/** Findings from apex-ls's JSON report, without the Omni-Channel gaps described above. */
export function findingsFromApexLs(
    report: ApexLsReport,
    toOriginal: (file: string) => string = (file) => file
): Finding[] {
    return report.files.flatMap((file) =>
        file.messages
            .filter((message) => !isOmniChannelGap(message))
            .map((message) => toFinding(toOriginal(file.path), message))
    );
}

/** `object.field` (lower case) of an unknown-field message, with a custom relationship as its field. */
function unknownField(message: ApexLsMessage): string | undefined {
    const match = UNKNOWN_FIELD.exec(message.message) ?? UNKNOWN_FIELD_TOKEN.exec(message.message);
    return match ? `${match[2]}.${match[1].replace(/__r$/i, '__c')}`.toLowerCase() : undefined;
}

/**
 * Findings of the strict pass (see StrictWorkspace): unknown fields that the workspace does not
 * declare, in real files or in SOQL (located back in the Apex that holds the query), and unknown
 * objects named in SOQL. Everything else the strict pass reports is the normal pass's business.
 */
export function findingsFromStrictPass(report: ApexLsReport, strict: StrictWorkspace): Finding[] {
    return report.files.flatMap((file) =>
        file.messages.flatMap((message): Finding[] => {
            const field = unknownField(message);
            if (field && strict.declaredFields.has(field)) return [];
            if (file.path !== strict.syntheticFile) {
                return field ? [toFinding(strict.toOriginal(file.path), message)] : [];
            }
            const ref = strict.refsByLine.get(message.start.line);
            const relevant =
                field || (UNKNOWN_TYPE.test(message.message) && !isOmniChannelGap(message));
            if (!ref || !relevant) return [];
            return [
                {
                    ...toFinding(ref.file, message),
                    line: ref.line,
                    column: ref.column,
                    message: `${message.category}: ${message.message} (in SOQL)`
                }
            ];
        })
    );
}

function uniqueFindings(findings: Finding[]): Finding[] {
    const seen = new Set<string>();
    return findings.filter((finding) => {
        const key = `${finding.file}:${finding.line}:${finding.column}:${finding.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

export async function checkApexTypes(root: string): Promise<GateResult> {
    const project = readProject(root);
    const full = createFullWorkspace(project);
    const strict = createStrictWorkspace(project);
    try {
        const normalReport = await runApexLs(full.dir);
        const strictReport = await runApexLs(strict.dir);
        const sources = listApexFiles(project).map((file) => ({
            file,
            source: readFileSync(file, 'utf8')
        }));
        const findings = [
            ...findingsFromApexLs(normalReport, full.toOriginal),
            ...findingsFromStrictPass(strictReport, strict),
            ...privateMemberReferences(sources)
        ];
        return {
            findings: uniqueFindings(findings),
            summary: `${sources.length} Apex files and ${strict.refsByLine.size} SOQL field references type-checked by apex-ls.`
        };
    } finally {
        full.remove();
        strict.remove();
    }
}

export const apexTypesGate: Gate = { name: 'Apex types (apex-ls)', check: checkApexTypes };

if (require.main === module) {
    void runGateCommand(apexTypesGate);
}
