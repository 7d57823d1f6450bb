import path from 'node:path';
import { existsSync } from 'node:fs';
import { CONTAINER_RESOURCE } from '../../../build/container';
import {
    startSendbirdDouble,
    type SendbirdDouble
} from '../../../test-support/sendbird-double/sendbirdDouble';
import { buildHarness } from '../build';
import { zipSource } from '../file-source';
import { startHarness, type Harness, type HarnessOptions } from '../server';

/** The agent the console host signs in (a Salesforce user, as Apex would name them). */
export interface StandInAgent {
    userId: string;
    nickname: string;
}

export interface AgentWorld {
    /** The local stand-in for Sendbird (test code: scripts/test-support/sendbird-double). */
    double: SendbirdDouble;
    /** The host page (playing the Service Console) around the built static resource. */
    harness: Harness;
    agent: StandInAgent;
    /** Session tokens the host was given for the agent, oldest first (the first went into init). */
    tokens: string[];
    /** Host page query parameters that sign the agent in against the stand-in. */
    hostParams(extra?: Record<string, string>): Record<string, string>;
    close(): Promise<void>;
}

export interface AgentWorldOptions {
    agent?: StandInAgent;
    /** The agent's Sendbird user starts with another nickname (the container must fix it). */
    staleNickname?: string;
    notice?: HarnessOptions['notice'];
    hostPort?: number;
    containerPort?: number;
    /** Reuse a running stand-in (the demo shares one with the ticket server). */
    double?: SendbirdDouble;
}

export const DEFAULT_AGENT: StandInAgent = { userId: '005000000000001AAA', nickname: 'Alex Agent' };

/**
 * The agent's side against the Sendbird stand-in: the agent's Sendbird user, the built static
 * resource in the harness, and a host whose token endpoint plays the LWC's Apex call, issuing a
 * fresh stand-in token for each `sendbird:token-expired`.
 */
export async function startAgentWorld(
    root: string,
    options: AgentWorldOptions = {}
): Promise<AgentWorld> {
    const resource = path.join(root, CONTAINER_RESOURCE);
    if (!existsSync(resource)) {
        throw new Error(
            `${CONTAINER_RESOURCE} is missing: run "npm run build" first; the agent console loads the built resource.`
        );
    }
    const double = options.double ?? (await startSendbirdDouble());
    const agent = options.agent ?? DEFAULT_AGENT;
    double.createUser({ userId: agent.userId, nickname: options.staleNickname ?? agent.nickname });
    const tokens: string[] = [double.issueToken(agent.userId)];
    const [harnessFiles, container] = await Promise.all([buildHarness(root), zipSource(resource)]);
    const harness = await startHarness({
        harness: harnessFiles,
        container,
        issueToken: () => {
            const token = double.issueToken(agent.userId);
            tokens.push(token);
            return token;
        },
        notice: options.notice,
        hostPort: options.hostPort,
        containerPort: options.containerPort
    });
    return {
        double,
        harness,
        agent,
        tokens,
        hostParams: (extra = {}) => ({
            appId: double.appId,
            userId: agent.userId,
            accessToken: tokens[0],
            nickname: agent.nickname,
            apiHost: double.apiUrl,
            wsHost: double.wsUrl,
            ...extra
        }),
        close: async () => {
            await harness.close();
            if (!options.double) {
                await double.close();
            }
        }
    };
}
