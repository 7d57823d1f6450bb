import { createRoot } from 'react-dom/client';
import '@sendbird/uikit-react/dist/index.css';
import './styles/app.css';
import { App } from './app/App';
import { installMemoryStorage } from './platform/memory-storage';
import { reportContainerErrors } from './protocol/container-errors';
import { Handshake } from './protocol/handshake';
import { HostSignals } from './protocol/host-signals';
import { createLccBridge } from './protocol/lcc-bridge';

installMemoryStorage(window);
// The handshake hears ignored messages too: an init of another protocol is worth reporting.
const started: { handshake?: Handshake } = {};
const bridge = createLccBridge((raw) => {
    started.handshake?.ignored(raw);
    // The content may hold a token: name only its type.
    const type =
        typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : typeof raw;
    console.warn(
        `Ignored a host message that does not match the protocol (type: ${String(type)}).`
    );
});
reportContainerErrors(bridge);
// Heard from the start: the host sends visibility and open-channel right after init.
const signals = new HostSignals(bridge);
// Ask the host at once, before React renders: its answer needs an Apex round trip.
const handshake = new Handshake(bridge);
started.handshake = handshake;
handshake.start();
const root = document.getElementById('root');
if (!root) {
    throw new Error('index.html has no #root element.');
}
createRoot(root).render(<App bridge={bridge} handshake={handshake} signals={signals} />);
