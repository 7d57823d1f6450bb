import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeIdentityToken } from './identity';

const root = document.getElementById('app');
if (root) {
    createRoot(root).render(
        <App identityToken={takeIdentityToken(window.location, window.history)} />
    );
}
