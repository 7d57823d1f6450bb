import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContainerErrorCode, HostBridge } from '../protocol/types';
import { describeError, isTokenError } from '../session/connect-errors';
import type { TokenBroker } from '../session/token-broker';

export type ChatSessionState =
    | { status: 'connecting'; attempt: number; accessToken: string }
    | { status: 'refreshing'; attempt: number; accessToken: string }
    | { status: 'failed'; attempt: number; accessToken: string; code: ContainerErrorCode };

export interface ChatSession {
    state: ChatSessionState;
    /** UIKit connected in this attempt: the next token failure may be recovered again. */
    connected(attempt: number): void;
    /** This attempt failed: recover with a fresh token once when the token is at fault, else show it. */
    fail(attempt: number, code: ContainerErrorCode, error: unknown): void;
    /** The agent's Retry: always with a fresh token from the host. */
    retry(): void;
}

/**
 * The life of the agent's Sendbird session across UIKit mounts. Each attempt is one mount of
 * UIKit's provider with one token. A failure caused by the token (expired, revoked, refresh
 * failed) asks the host for a fresh one (`sendbird:token-expired`) and mounts again, once per
 * successful connection so a host that keeps sending bad tokens cannot loop. Any other failure
 * shows "Cannot connect", and Retry also fetches a fresh token: never the one that just failed.
 * Events from an attempt that is over (a provider being torn down) are ignored.
 */
export function useChatSession(bridge: HostBridge, broker: TokenBroker): ChatSession {
    const [state, setState] = useState<ChatSessionState>(() => ({
        status: 'connecting',
        attempt: 0,
        accessToken: broker.current
    }));
    // The ref is the truth (events arrive between renders); state only re-renders.
    const current = useRef(state);
    const set = useCallback((next: ChatSessionState) => {
        current.current = next;
        setState(next);
    }, []);
    const recoveredSinceConnect = useRef(false);

    const showFailure = useCallback(
        (attempt: number, code: ContainerErrorCode, error: unknown) => {
            set({ status: 'failed', attempt, accessToken: current.current.accessToken, code });
            bridge.send({ type: 'sendbird:error', code, message: describeError(error) });
        },
        [bridge, set]
    );

    const refresh = useCallback(() => {
        const attempt = current.current.attempt + 1;
        set({ status: 'refreshing', attempt, accessToken: current.current.accessToken });
        broker.request().then(
            (accessToken) => {
                if (current.current.attempt === attempt) {
                    set({ status: 'connecting', attempt, accessToken });
                }
            },
            (error: unknown) => {
                if (current.current.attempt === attempt) {
                    showFailure(attempt, 'token-refresh-failed', error);
                }
            }
        );
    }, [broker, set, showFailure]);

    const fail = useCallback(
        (attempt: number, code: ContainerErrorCode, error: unknown) => {
            const now = current.current;
            if (attempt !== now.attempt || now.status !== 'connecting') {
                return;
            }
            const tokenAtFault = code === 'token-refresh-failed' || isTokenError(error);
            if (tokenAtFault && !recoveredSinceConnect.current) {
                recoveredSinceConnect.current = true;
                refresh();
                return;
            }
            showFailure(attempt, code, error);
        },
        [refresh, showFailure]
    );

    const connected = useCallback((attempt: number) => {
        if (attempt === current.current.attempt) {
            recoveredSinceConnect.current = false;
        }
    }, []);

    const retry = useCallback(() => {
        recoveredSinceConnect.current = true;
        refresh();
    }, [refresh]);

    return useMemo(() => ({ state, connected, fail, retry }), [state, connected, fail, retry]);
}
