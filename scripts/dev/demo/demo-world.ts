import { ensureTicketPage } from '../../build/ticket-page';
import { startAgentWorld } from '../container-harness/stand-in/agent-world';
import { playRouting } from '../container-harness/stand-in/routing';
import { startTicketServer } from '../container-harness/stand-in/ticket-stack';
import { startSendbirdDouble } from '../../test-support/sendbird-double/sendbirdDouble';

const REAL_SETUP =
    'A real setup needs a Sendbird application (App ID and API token) and a Salesforce org with this project deployed: see the README, "Deploy".';

/** What the customer page says above its form (the ticket server's PAGE_NOTICE). */
export const CUSTOMER_NOTICE = `Demo: this page runs against a local stand-in for Sendbird and a Salesforce test double on this machine, not the real services. ${REAL_SETUP}`;

export interface DemoWorld {
    /** The agent console host, signed in as the stand-in agent, panel minimised. */
    agentUrl: string;
    /** The ticket server's customer page. */
    customerUrl: string;
    stop(): Promise<void>;
}

/**
 * The whole product on loopback: the local stand-in for Sendbird
 * (scripts/test-support/sendbird-double), the ticket server with its Salesforce test double,
 * stand-in routing that invites the agent to each new Case's channel, and the agent console host
 * around the built static resource. Both pages say they run against the stand-in.
 */
export async function startDemoWorld(root: string): Promise<DemoWorld> {
    await ensureTicketPage(root);
    const double = await startSendbirdDouble();
    const stack = await startTicketServer(double, { PAGE_NOTICE: CUSTOMER_NOTICE });
    const world = await startAgentWorld(root, {
        double,
        notice: {
            title: 'Demo: a local stand-in for Sendbird, not Sendbird',
            lines: [
                'The chat below is the built static resource, talking to a loopback server in this repository that speaks enough of Sendbird’s protocol for UIKit. Nothing leaves this machine.',
                `Open the customer page (${stack.url}), create a ticket and write a message. Stand-in routing makes this agent the Case owner and invites them, as the Case trigger does in an org; the badge on the utility item rises. Open the panel to read and reply.`,
                REAL_SETUP
            ]
        }
    });
    const stopRouting = playRouting(stack.salesforce, double, world.agent.userId);
    const params = new URLSearchParams(world.hostParams({ panel: 'minimised' }));
    return {
        agentUrl: `${world.harness.hostUrl}?${params.toString()}`,
        customerUrl: stack.url,
        stop: async () => {
            stopRouting();
            await Promise.all([world.close(), stack.close()]);
            await double.close();
        }
    };
}
