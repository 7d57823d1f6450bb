import { envelope, HOST_ORIGIN_PARAM, isEnvelope, messageType } from './envelope';
import { LocalHost, maskedJson, type SessionSettings } from './local-host';
import type { HarnessGlobals, HostApi, HostConfig, LogEntry } from './types';

const SESSION_FIELDS = [
    'appId',
    'userId',
    'accessToken',
    'nickname',
    'apiHost',
    'wsHost',
    'channelUrl'
] as const;
const REQUIRED: [keyof SessionSettings, string][] = [
    ['appId', 'the App ID (Sendbird Dashboard → Settings → Application → General)'],
    ['userId', 'a user id'],
    ['accessToken', "that user's session token (Platform API: POST /v3/users/{user_id}/token)"]
];

function element<T extends HTMLElement>(selector: string): T {
    const found = document.querySelector<T>(selector);
    if (!found) {
        throw new Error(`host.html has no ${selector}`);
    }
    return found;
}

const field = (form: HTMLFormElement, name: string): HTMLInputElement | HTMLTextAreaElement =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;

async function main(): Promise<void> {
    const config = (await (await fetch('host-config.json')).json()) as HostConfig;
    const params = new URLSearchParams(location.search);
    const sessionForm = element<HTMLFormElement>('#session');
    const frame = element<HTMLIFrameElement>('#container');
    const containerUrl = new URL(config.containerUrl);
    let loadStartedAt = performance.now();

    for (const name of SESSION_FIELDS) {
        field(sessionForm, name).value = params.get(name) ?? config.session[name] ?? '';
    }
    field(sessionForm, 'nextToken').value = params.get('nextToken') ?? '';

    const session = (): SessionSettings => {
        const values = Object.fromEntries(
            SESSION_FIELDS.map((name) => [name, field(sessionForm, name).value.trim()])
        );
        return values as unknown as SessionSettings;
    };

    let panelOpen = params.get('panel') !== 'minimised';
    const api: HostApi = {
        log: [],
        unread: null,
        openedRecords: [],
        errors: [],
        channelsOpened: [],
        panelOpen,
        post,
        start,
        setPanel
    };
    (window as HarnessGlobals).lccHost = api;

    function show(line: string): void {
        const item = document.createElement('li');
        item.textContent = line;
        element('#log').append(item);
        item.scrollIntoView({ block: 'nearest' });
    }

    function log(direction: LogEntry['direction'], payload: unknown): void {
        const entry: LogEntry = {
            at: Math.round(performance.now() - loadStartedAt),
            direction,
            type: messageType(payload),
            json: maskedJson(payload)
        };
        api.log.push(entry);
        const arrow = direction === 'to-container' ? '→' : '←';
        show(`${String(entry.at).padStart(6)} ms ${arrow} ${entry.json}`);
    }

    // With a token endpoint (the demo, the browser tests) each answer is a freshly issued token,
    // as the LWC's Apex call gives; without one, the form's next token.
    const nextToken = async (): Promise<string> => {
        if (config.tokenEndpoint) {
            const response = await fetch(config.tokenEndpoint, { method: 'POST' });
            if (!response.ok) {
                throw new Error(`The token endpoint answered ${response.status}.`);
            }
            return ((await response.json()) as { accessToken: string }).accessToken;
        }
        return field(sessionForm, 'nextToken').value || field(sessionForm, 'accessToken').value;
    };

    function post(payload: unknown): void {
        log('to-container', payload);
        frame.contentWindow?.postMessage(envelope('to-container', payload), containerUrl.origin);
    }

    const host = new LocalHost(
        post,
        {
            unread(count) {
                api.unread = count;
                const badge = element('#unread-badge');
                badge.textContent = String(count);
                badge.hidden = count === 0;
                element('#utility-item').classList.toggle('highlighted', count > 0);
                document.title = `${count > 0 ? `(${count}) ` : ''}Sendbird utility bar · local host`;
            },
            openRecord(recordId) {
                api.openedRecords.push(recordId);
                const item = document.createElement('li');
                item.textContent = `Case ${recordId} (a console tab would open)`;
                element('#records').append(item);
            },
            error(code, message, channelUrl) {
                api.errors.push({ code, message, ...(channelUrl ? { channelUrl } : {}) });
                const item = document.createElement('li');
                item.textContent = `${code}: ${message}`;
                element('#errors').append(item);
            },
            channelOpened(channelUrl) {
                api.channelsOpened.push(channelUrl);
            }
        },
        {
            answerReady: params.get('answer') !== 'manual',
            session,
            nextToken,
            visible: () => panelOpen
        }
    );

    /** The utility item toggles the panel; a minimised panel keeps the frame loaded but unseen. */
    function setPanel(open: boolean): void {
        panelOpen = open;
        api.panelOpen = open;
        element('#panel-frame').hidden = !open;
        const item = element('#utility-item');
        item.setAttribute('aria-expanded', String(open));
        element('#utility-state').textContent = open ? 'open' : 'minimised';
        host.setVisible(open);
    }
    element('#panel-frame').hidden = !panelOpen;
    element('#utility-item').setAttribute('aria-expanded', String(panelOpen));
    element('#utility-state').textContent = panelOpen ? 'open' : 'minimised';
    element('#utility-item').addEventListener('click', () => setPanel(!panelOpen));

    if (config.notice) {
        const notice = element('#notice');
        notice.hidden = false;
        const title = document.createElement('strong');
        title.textContent = config.notice.title;
        notice.append(title);
        for (const line of config.notice.lines) {
            const paragraph = document.createElement('p');
            paragraph.textContent = line;
            notice.append(paragraph);
        }
    }

    window.addEventListener('message', (event) => {
        if (
            event.source !== frame.contentWindow ||
            event.origin !== containerUrl.origin ||
            !isEnvelope(event.data, 'to-host')
        ) {
            return;
        }
        log('to-host', event.data.payload);
        host.receive(event.data.payload);
    });

    function start(): void {
        const current = session();
        const missing = REQUIRED.filter(([name]) => !current[name]).map(([, label]) => label);
        const needs = element('#needs');
        needs.hidden = missing.length === 0;
        if (missing.length > 0) {
            const list =
                missing.length > 1
                    ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`
                    : missing[0];
            needs.textContent =
                `To load the chat, enter ${list} in the form, or set them in ` +
                '.env.local (SENDBIRD_APP_ID, SENDBIRD_USER_ID, SENDBIRD_SESSION_TOKEN) and restart npm start.';
            frame.removeAttribute('src');
            return;
        }
        const src = new URL(containerUrl);
        src.searchParams.set(HOST_ORIGIN_PARAM, location.origin);
        api.unread = null;
        loadStartedAt = performance.now();
        show(`     0 ms · loading the container from ${src.origin}`);
        frame.src = src.href;
    }

    sessionForm.addEventListener('submit', (event) => {
        event.preventDefault();
        start();
    });
    element<HTMLFormElement>('#open-channel').addEventListener('submit', (event) => {
        event.preventDefault();
        const channelUrl = field(event.target as HTMLFormElement, 'channelUrl').value.trim();
        post({ type: 'sendbird:open-channel', channelUrl });
    });
    element('#send-token').addEventListener('click', () => {
        post({ type: 'sendbird:token', accessToken: nextToken() });
    });
    element<HTMLFormElement>('#raw').addEventListener('submit', (event) => {
        event.preventDefault();
        const text = field(event.target as HTMLFormElement, 'json').value;
        try {
            post(JSON.parse(text));
        } catch (error) {
            window.alert(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
        }
    });

    if (params.get('autostart') !== '0') {
        start();
    }
}

main().catch((error: unknown) => {
    document.body.prepend(`The host page failed to start: ${String(error)}`);
});
