import { messageType } from './envelope';
import type { HarnessGlobals, LoadProbe, Milestone } from './types';

/** Milestones seen in the DOM: UIKit's channel list, and the app's "cannot connect" screen. */
const DOM_MILESTONES: [Milestone, () => boolean][] = [
    ['uikit-mounted', () => document.querySelector('.sendbird-channel-list') !== null],
    [
        'cannot-connect',
        () =>
            [...document.querySelectorAll('[role=alert]')].some((alert) =>
                alert.textContent?.includes('Cannot connect to Sendbird')
            )
    ]
];

/** Starts recording the container frame's milestones (see LoadProbe). */
export function installLoadProbe(): LoadProbe {
    const probe: LoadProbe = { marks: {}, messages: [] };
    (window as HarnessGlobals).__loadProbe = probe;
    const check = (): void => {
        for (const [milestone, seen] of DOM_MILESTONES) {
            if (probe.marks[milestone] === undefined && seen()) {
                probe.marks[milestone] = performance.now();
            }
        }
    };
    window.addEventListener('load', () => {
        probe.marks['frame-load'] = performance.now();
    });
    new MutationObserver(check).observe(document, {
        subtree: true,
        childList: true,
        characterData: true
    });
    return probe;
}

/** Records a protocol message crossing the stand-in, and the handshake milestones. */
export function recordMessage(probe: LoadProbe, direction: 'in' | 'out', payload: unknown): void {
    const at = performance.now();
    const type = messageType(payload);
    probe.messages.push({ at, direction, type });
    const milestone: Milestone | undefined =
        direction === 'out' && type === 'sendbird:ready'
            ? 'first-ready'
            : direction === 'in' && type === 'sendbird:init'
              ? 'init-delivered'
              : undefined;
    if (milestone && probe.marks[milestone] === undefined) {
        probe.marks[milestone] = at;
    }
}
