/**
 * Stand-ins for the UIKit modules the app imports, for jsdom unit tests only (UIKit itself needs
 * a Sendbird server, and its ES modules do not load in jest). jest.config.js maps each
 * `@sendbird/uikit-react/<entry>` to `./uikit/<entry>`, which re-exports one of these. They
 * render just enough to show what the app passed them, and let a test play UIKit's part:
 * connect, fail, or change the unread count.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { UnreadSource } from '../session/unread';

export interface ProviderProps {
    appId: string;
    userId: string;
    accessToken?: string;
    nickname?: string;
    customApiHost?: string;
    customWebSocketHost?: string;
    theme?: string;
    configureSession?: (sdk: unknown) => unknown;
    eventHandlers?: {
        connection?: { onConnected?: (user: unknown) => void; onFailed?: (error: Error) => void };
    };
    sdkInitParams?: { localCacheEnabled?: boolean };
    uikitOptions?: { groupChannel?: { enableVoiceMessage?: boolean } };
    children?: ReactNode;
}

/** The SDK calls the app makes beyond unread counting (a test supplies what it needs). */
export type StubSdk = UnreadSource & {
    updateCurrentUserInfo(params: { nickname: string }): Promise<unknown>;
    groupChannel: UnreadSource['groupChannel'] & {
        getChannel(url: string): Promise<{ url: string }>;
    };
};

interface StubState {
    config: { userId: string; isOnline: boolean };
    stores: {
        sdkStore: { sdk: StubSdk | undefined; initialized: boolean };
        userStore: { user: { nickname?: string } | undefined };
    };
}

/** What the tests control and observe. */
export const uikit = {
    mounts: [] as ProviderProps[],
    sdk: undefined as StubSdk | undefined,
    initialized: false,
    /** UIKit's `config.isOnline` (it starts true, from navigator.onLine). */
    isOnline: true,
    /** The nickname Sendbird has for the user once connected. */
    userNickname: undefined as string | undefined,
    /** The props GroupChannelList got last. */
    listProps: undefined as { disableAutoSelect?: boolean } | undefined,
    reset(): void {
        uikit.mounts = [];
        uikit.sdk = undefined;
        uikit.initialized = false;
        uikit.isOnline = true;
        uikit.userNickname = undefined;
        uikit.listProps = undefined;
    },
    get latest(): ProviderProps {
        const props = uikit.mounts.at(-1);
        if (!props) {
            throw new Error('SendbirdProvider was never mounted.');
        }
        return props;
    }
};

const StateContext = createContext<StubState | null>(null);
const ChannelContext = createContext<{ url: string; data?: string } | null>(null);

function SendbirdProvider(props: ProviderProps) {
    if (!uikit.mounts.includes(props)) {
        uikit.mounts.push(props);
    }
    const state: StubState = {
        config: { userId: props.userId, isOnline: uikit.isOnline },
        stores: {
            sdkStore: { sdk: uikit.sdk, initialized: uikit.initialized },
            userStore: { user: uikit.initialized ? { nickname: uikit.userNickname } : undefined }
        }
    };
    return <StateContext.Provider value={state}>{props.children}</StateContext.Provider>;
}

function useSendbirdStateContext(): StubState {
    const state = useContext(StateContext);
    if (!state) {
        throw new Error('useSendbirdStateContext outside SendbirdProvider');
    }
    return state;
}

/** Channels the stub list shows: a Case channel and one the AI agent started. */
export const CHANNELS = [
    { url: '5005g00000AbCdEAAV' },
    { url: 'ai_agent_channel_1', data: '{"caseId":"5005g00000XyZaB"}' },
    { url: 'team_channel_1' },
    { url: 'ai_agent_channel_2', cachedMetaData: { salesforce_case_id: '5005g00000QrStU' } }
];

function GroupChannelList(props: {
    selectedChannelUrl?: string;
    disableAutoSelect?: boolean;
    onChannelSelect: (channel: { url: string } | null) => void;
}) {
    uikit.listProps = props;
    return (
        <ul data-testid="channel-list" data-selected={props.selectedChannelUrl ?? ''}>
            {CHANNELS.map((channel) => (
                <li key={channel.url}>
                    <button type="button" onClick={() => props.onChannelSelect(channel)}>
                        {channel.url}
                    </button>
                </li>
            ))}
        </ul>
    );
}

function GroupChannel(props: { channelUrl: string; renderChannelHeader?: () => ReactNode }) {
    const channel = CHANNELS.find((candidate) => candidate.url === props.channelUrl) ?? {
        url: props.channelUrl
    };
    return (
        <ChannelContext.Provider value={channel}>
            <section data-testid="conversation" data-channel-url={props.channelUrl}>
                {props.renderChannelHeader?.()}
            </section>
        </ChannelContext.Provider>
    );
}

function GroupChannelHeader(props: { renderRight?: () => ReactNode }) {
    return <header>{props.renderRight?.()}</header>;
}

function useGroupChannel() {
    return { state: { currentChannel: useContext(ChannelContext) } };
}

function Nothing() {
    return null;
}

export {
    GroupChannel,
    GroupChannelHeader,
    GroupChannelList,
    Nothing as GroupChannelListHeader,
    SendbirdProvider,
    useGroupChannel,
    useSendbirdStateContext
};
