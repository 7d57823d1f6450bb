'use strict';

/**
 * Test stand-in for Aura's `lightning:utilityBarAPI`, after the Console Developer Guide: every
 * method returns a promise. Inside a utility bar getEnclosingUtilityId resolves to the utility's
 * id, getUtilityInfo to `{id, utilityLabel, utilityVisible, …}`, and onUtilityClick keeps the
 * handler, which `click(panelVisible)` calls with `{utilityId, panelVisible}` as a click on the
 * utility would. Outside one, getEnclosingUtilityId resolves to false and the others reject.
 */
function utilityBarApi({ inUtilityBar = true, label = 'Chat', visible = false } = {}) {
    const handlers = [];
    const state = { label, visible, highlighted: false };

    const records = [];

    // A promise whose chain remembers whether a rejection handler was attached anywhere on it.
    function tracked(promise, record) {
        promise.catch(() => null);
        return {
            then(onFulfilled, onRejected) {
                record.handled ||= typeof onRejected === 'function';
                return tracked(promise.then(onFulfilled, onRejected), record);
            },
            catch(onRejected) {
                record.handled ||= typeof onRejected === 'function';
                return tracked(promise.catch(onRejected), record);
            },
            finally(onFinally) {
                return tracked(promise.finally(onFinally), record);
            }
        };
    }

    function answer(value) {
        const record = { rejected: !inUtilityBar, handled: false };
        records.push(record);
        return tracked(
            inUtilityBar
                ? Promise.resolve(typeof value === 'function' ? value() : value)
                : Promise.reject(new Error('Not within a utility bar')),
            record
        );
    }

    const api = {
        getEnclosingUtilityId: jest.fn(() =>
            tracked(Promise.resolve(inUtilityBar ? 'utility-1' : false), { handled: true })
        ),
        getUtilityInfo: jest.fn(() =>
            answer(() => ({
                id: 'utility-1',
                isLoaded: true,
                utilityLabel: state.label,
                utilityVisible: state.visible,
                utilityHighlighted: state.highlighted
            }))
        ),
        onUtilityClick: jest.fn(({ eventHandler }) => {
            handlers.push(eventHandler);
            return answer(true);
        }),
        setUtilityLabel: jest.fn(({ label: next }) => {
            if (inUtilityBar) {
                state.label = next;
            }
            return answer(true);
        }),
        setUtilityHighlighted: jest.fn(({ highlighted }) => {
            if (inUtilityBar) {
                state.highlighted = highlighted;
            }
            return answer(true);
        }),
        openUtility: jest.fn(() => {
            if (inUtilityBar) {
                state.visible = true;
            }
            return answer(true);
        })
    };

    return {
        api,
        state,
        /** The agent clicks the utility item: the panel opens or minimises. */
        click(panelVisible) {
            state.visible = panelVisible;
            handlers.forEach((handler) => handler({ utilityId: 'utility-1', panelVisible }));
        },
        /** @returns {number} rejected promises whose chain has no rejection handler */
        unhandledRejections() {
            return records.filter((record) => record.rejected && !record.handled).length;
        }
    };
}

module.exports = { utilityBarApi };
