/**
 * Stand-in data for the screenshots: the components' own jest fixtures
 * (lwc/<component>/__tests__/data), with a few more rows where one fixture shows too little of a
 * real screen. Nothing here comes from an org.
 */
const MAIN = '../../main';

const CONVERSATION = require(
    `${MAIN}/case-conversation/lwc/sendbirdCaseConversation/__tests__/data/conversation.json`
);
const MEMBERS = require(
    `${MAIN}/case-conversation/lwc/sendbirdCaseConversation/__tests__/data/members.json`
);
const CASE_FAILURES = require(
    `${MAIN}/case-conversation/lwc/sendbirdCaseConversation/__tests__/data/failures.json`
);
const CHECKS = require(
    `${MAIN}/setup-assistant/lwc/sendbirdSetupAssistant/__tests__/data/checks.json`
);
const HANDOFF = require(
    `${MAIN}/setup-assistant/lwc/sendbirdSetupAssistant/__tests__/data/handoff.json`
);
const KNOWLEDGE = require(
    `${MAIN}/ai-agent-knowledge/lwc/sendbirdKnowledgeSync/__tests__/data/status.json`
);
const PAGE = require(`${MAIN}/failure-log/lwc/sendbirdFailureConsole/__tests__/data/page.json`);

/** The Case panel as an admin sees it: they are in the channel and may read the failure log. */
export const caseConversation = {
    recordId: CONVERSATION.caseId,
    conversation: { ...CONVERSATION, canSeeFailures: true },
    // The jest test's WITH_AGENT: the fixture's members plus the signed-in agent.
    members: {
        ...MEMBERS,
        currentUserIsMember: true,
        members: [
            ...MEMBERS.members,
            {
                userId: '005000000000002AAA',
                nickname: 'Bo Agent',
                isOnline: true,
                isInvited: false,
                isCurrentUser: true
            }
        ]
    },
    failures: CASE_FAILURES
};

/** The checklist: the fixture's passed, failed and unknown checks, after one more passed one. */
export const setupAssistant = {
    checks: [
        CHECKS[0],
        {
            key: 'principal',
            label: 'API token principal granted (External Credential Sendbird)',
            status: 'passed',
            detail: 'Granted through Sendbird_Agent, Sendbird_Admin (5 active user(s) by assignment), you included.',
            fix: null,
            fixUrl: null
        },
        ...CHECKS.slice(1)
    ],
    handoffs: [HANDOFF],
    knowledge: KNOWLEDGE
};

/** The console's open failures: the fixture's two among four more of other operations and errors. */
function failure(number, fields) {
    const id = `a01000000000${String(number).padStart(3, '0')}AAA`;
    return { Id: id, Name: `SSF-${String(number).padStart(6, '0')}`, Status__c: 'Open', ...fields };
}

const BO = {
    Salesforce_User__c: '005000000000002AAA',
    Salesforce_User__r: { Id: '005000000000002AAA', Name: 'Bo Agent' }
};

function onCase(number) {
    const id = `500000000000${String(number).padStart(3, '0')}AAA`;
    return { Case__c: id, Case__r: { Id: id, CaseNumber: String(1000 + number).padStart(8, '0') } };
}

export const failureConsole = {
    page: {
        ...PAGE,
        failures: [
            failure(8, {
                ...BO,
                ...onCase(8),
                Operation__c: 'INVITE',
                Channel_URL__c: 'case_channel_8',
                Error_Code__c: '400201',
                HTTP_Status__c: 400,
                Error_Message__c: '"User" not found.',
                Attempts__c: 1,
                CreatedDate: '2025-03-01T11:40:00.000Z'
            }),
            failure(7, {
                ...onCase(7),
                Operation__c: 'TRANSCRIPT',
                Channel_URL__c: 'ai_channel_7',
                Error_Code__c: 'CALLOUT_FAILED',
                Error_Message__c: 'Read timed out.',
                Attempts__c: 2,
                CreatedDate: '2025-03-01T11:05:00.000Z'
            }),
            failure(6, {
                ...BO,
                ...onCase(6),
                Operation__c: 'MESSAGE',
                Channel_URL__c: 'case_channel_6',
                Error_Code__c: '429',
                HTTP_Status__c: 429,
                Error_Message__c: 'Too many requests.',
                Attempts__c: 3,
                CreatedDate: '2025-03-01T10:30:00.000Z'
            }),
            ...PAGE.failures,
            failure(1, {
                ...BO,
                ...onCase(1),
                Operation__c: 'REMOVE',
                Channel_URL__c: 'case_channel_1',
                Error_Code__c: '400201',
                HTTP_Status__c: 400,
                Error_Message__c: '"Channel" not found.',
                Attempts__c: 1,
                CreatedDate: '2025-03-01T08:30:00.000Z'
            })
        ],
        counts: { ...PAGE.counts, All: 13, Open: 6 },
        errorCodes: ['400201', '429', '503', 'CALLOUT_FAILED'],
        operations: ['INVITE', 'MESSAGE', 'REMOVE', 'TRANSCRIPT', 'WEBHOOK']
    }
};
