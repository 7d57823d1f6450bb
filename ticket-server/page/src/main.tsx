import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeIdentityToken } from './identity';
import { pageStorage } from './storage';
import { TicketStore } from './ticket-store';

const root = document.getElementById('app');
if (root) {
    const store = new TicketStore(pageStorage(window));
    createRoot(root).render(
        <App identityToken={takeIdentityToken(window.location, window.history)} store={store} />
    );
}
