/**
 * The Aura markup and the LWC it hosts must agree on names: every `on<event>` attribute on
 * <c:sendbirdAgentChat> must be an event the LWC dispatches, handled by an action the
 * controller has, and every event the LWC dispatches must have a handler. Renaming either side
 * alone fails here (no other test would notice).
 */
const fs = require('fs');
const path = require('path');

const BUNDLE = path.join(__dirname, '..');
const LWC = path.join(__dirname, '..', '..', '..', 'lwc', 'sendbirdAgentChat');

const markup = fs.readFileSync(path.join(BUNDLE, 'sendbird_utilities_bar.cmp'), 'utf8');
const controller = new Function(
    `return ${fs.readFileSync(path.join(BUNDLE, 'sendbird_utilities_barController.js'), 'utf8')}`
)();

/** The attributes of the first <c:sendbirdAgentChat …/> tag, parsed. */
function consoleTagAttributes() {
    const tag = /<c:sendbirdAgentChat\b([\s\S]*?)\/?>/.exec(markup);
    expect(tag).not.toBeNull();
    return [...tag[1].matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)].map(([, name, value]) => ({
        name,
        value
    }));
}

/** Event names the LWC dispatches: askFor('name', …) and new CustomEvent('name', …). */
function dispatchedEvents() {
    const names = new Set();
    for (const file of fs.readdirSync(LWC).filter((name) => name.endsWith('.js'))) {
        const source = fs.readFileSync(path.join(LWC, file), 'utf8');
        for (const [, name] of source.matchAll(/(?:askFor|new CustomEvent)\(\s*'([a-z]+)'/g)) {
            names.add(name);
        }
    }
    return names;
}

describe('sendbird_utilities_bar markup', () => {
    const handlers = consoleTagAttributes().filter(({ name }) => name.startsWith('on'));
    const events = dispatchedEvents();

    it('finds the handlers and the events it compares', () => {
        expect(handlers.length).toBeGreaterThan(0);
        expect(events.size).toBeGreaterThan(0);
    });

    it('handles only events the LWC dispatches', () => {
        const unknown = handlers
            .map(({ name }) => name.slice(2))
            .filter((name) => !events.has(name));
        expect(unknown).toEqual([]);
    });

    it('handles every event the LWC dispatches', () => {
        const handled = new Set(handlers.map(({ name }) => name.slice(2)));
        expect([...events].filter((name) => !handled.has(name))).toEqual([]);
    });

    it('points every handler at a controller action', () => {
        const missing = handlers
            .map(({ value }) => /^\{!c\.(\w+)\}$/.exec(value)?.[1])
            .filter((action) => typeof controller[action] !== 'function');
        expect(missing).toEqual([]);
    });

    it('points every action of the markup at the controller', () => {
        const actions = [...markup.matchAll(/"\{!c\.(\w+)\}"/g)].map(([, action]) => action);
        expect(actions.filter((action) => typeof controller[action] !== 'function')).toEqual([]);
    });

    it('uses only Custom Labels that exist for its text', () => {
        const source =
            fs.readFileSync(path.join(BUNDLE, 'sendbird_utilities_barController.js'), 'utf8') +
            fs.readFileSync(path.join(BUNDLE, 'sendbird_utilities_barHelper.js'), 'utf8');
        const used = [...source.matchAll(/\$Label\.c\.(\w+)/g)].map(([, name]) => name);
        const { readLabels } = require('../../../../../test/labels');
        const labels = readLabels();
        expect(used.length).toBeGreaterThan(0);
        expect(used.filter((name) => !labels.has(name))).toEqual([]);
    });
});
