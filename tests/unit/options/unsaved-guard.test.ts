// @vitest-environment jsdom
/** The editor asks the browser to confirm leaving only while its form holds unsaved changes. */
import { describe, expect, it } from 'vitest';
import { guardUnsavedChanges } from '../../../src/options/unsaved-guard';

/** Fires `beforeunload` as the browser does before closing or reloading; true if leaving would ask. */
function wouldAsk(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('the guard against leaving unsaved changes', () => {
  it('asks while there are unsaved changes, not otherwise, and no more once stopped', () => {
    let unsaved = false;
    const stop = guardUnsavedChanges(window, () => unsaved);
    expect(wouldAsk()).toBe(false);
    unsaved = true;
    expect(wouldAsk()).toBe(true);
    unsaved = false;
    expect(wouldAsk()).toBe(false);
    unsaved = true;
    stop();
    expect(wouldAsk()).toBe(false);
  });
});
