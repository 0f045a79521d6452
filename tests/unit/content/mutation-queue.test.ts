// @vitest-environment jsdom
/**
 * The mutation watcher's queue: a delivery of many records is gone through in bounded slices
 * of our own, not inside the page's task, and nothing it reports is lost or reported early.
 * Time is a hand-driven clock, and going through a record costs 0.01 ms of it (each added
 * element is asked `isOurs`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMutationWatcher, type ChangeBatch, type MutationWatcher } from '../../../src/content/mutations';
import { handDrivenTimers } from './fake-timers';

const ROWS = 10_000;
const COST_PER_RECORD = 0.01;

/** Lets jsdom deliver the records of what the test just did. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Appends `count` rows, one record each, or all in one record (a fragment). */
function appendRows(count: number, asFragment = false): HTMLElement[] {
  const fragment = document.createDocumentFragment();
  const rows = Array.from({ length: count }, (_, i) => {
    const row = document.createElement('div');
    row.textContent = `row ${i}`;
    (asFragment ? fragment : document.body).append(row);
    return row;
  });
  if (asFragment) document.body.append(fragment);
  return rows;
}

let time: ReturnType<typeof handDrivenTimers>;
let batches: ChangeBatch[];
let recordsGoneThrough: number;
let watcher: MutationWatcher;

beforeEach(() => {
  document.body.innerHTML = '<p>A log.</p>';
  time = handDrivenTimers();
  batches = [];
  recordsGoneThrough = 0;
  watcher = createMutationWatcher(window, {
    timers: time.timers,
    delay: 0,
    cooldown: 0,
    onChanges: (batch) => batches.push(batch),
    isOurs: () => {
      recordsGoneThrough++;
      time.spend(COST_PER_RECORD);
      return false;
    },
    takenFromPage: () => false,
  });
  watcher.observe(document.body);
});

afterEach(() => watcher.disconnect());

describe('a delivery of many records', () => {
  it.each([
    ['one record per row', false],
    ['one record for them all (a fragment)', true],
  ])(
    'is gone through only for a moment inside the page’s task, the rest in slices of our own: %s',
    async (_, asFragment) => {
      const rows = appendRows(ROWS, asFragment);
      await delivered();
      // Inside the delivery: a few hundred records, not 10,000 (100 ms at this cost).
      expect(recordsGoneThrough).toBeGreaterThan(0);
      expect(recordsGoneThrough).toBeLessThan(1_000);
      expect(batches).toEqual([]);
      // Still waiting for their read, and counted as changes already.
      expect(watcher.pending()).toBe(true);
      expect(watcher.changeCount()).toBe(asFragment ? 1 : ROWS);

      const perSlice: number[] = [];
      while (time.waiting() > 0) {
        const before = recordsGoneThrough;
        time.runNext();
        perSlice.push(recordsGoneThrough - before);
      }
      // Every slice stays short: 8 ms here is 800 rows, plus at most one step between looks at
      // the clock (32 records, or 256 nodes of one record); gone through at once it was 10,000.
      expect(Math.max(...perSlice)).toBeLessThanOrEqual(800 + 256);
      // Every row asked about once: none gone through twice where a slice stopped, none skipped.
      expect(recordsGoneThrough).toBe(ROWS);
      // One report, after the last record, with every row the page added.
      expect(batches).toHaveLength(1);
      expect(batches[0]!.added).toEqual(rows);
      expect(batches[0]!.containers).toEqual([document.body]);
      expect(watcher.changeCount()).toBe(asFragment ? 1 : ROWS);
      expect(watcher.pending()).toBe(false);
    },
  );

  it('a flush due while records are queued waits for them: no partial report', async () => {
    appendRows(ROWS);
    await delivered();
    // The flush timer (delay 0) is due before the slices have gone through the queue.
    const reportsWhileQueued: number[] = [];
    while (time.waiting() > 0) {
      time.runNext();
      if (recordsGoneThrough < ROWS) reportsWhileQueued.push(batches.length);
    }
    expect(reportsWhileQueued.every((n) => n === 0)).toBe(true);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toHaveLength(ROWS);
  });

  it('is gone through before a write of ours, whose own records are still dropped', async () => {
    const rows = appendRows(ROWS);
    await delivered();
    expect(recordsGoneThrough).toBeLessThan(ROWS);
    const ours = document.createElement('mark');
    watcher.ownWrites(() => document.body.append(ours));
    expect(recordsGoneThrough).toBe(ROWS);
    while (time.waiting() > 0) time.runNext();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toEqual(rows);
  });

  it('counts text edits still queued as changes, and leaves them out once gone through', async () => {
    appendRows(ROWS);
    const text = document.querySelector('p')!.firstChild as Text;
    for (let i = 0; i < 2_000; i++) text.data = `A log, line ${i}.`;
    await delivered();
    // A walk paused now must see every change, the edits queued behind the rows included.
    expect(watcher.changeCount()).toBe(ROWS + 2_000);
    while (time.waiting() > 0) time.runNext();
    // Gone through, text edits are no change to elements.
    expect(watcher.changeCount()).toBe(ROWS);
    expect(batches[0]!.containers).toEqual(expect.arrayContaining([document.body, document.querySelector('p')]));
  });

  it('is dropped on disconnect: no slice and no report after it', async () => {
    appendRows(ROWS);
    await delivered();
    expect(time.waiting()).toBeGreaterThan(0);
    watcher.disconnect();
    expect(time.waiting()).toBe(0);
    expect(watcher.pending()).toBe(false);
    expect(batches).toEqual([]);
  });
});

describe('writes to text', () => {
  let written: Text[];
  let text: Text;
  beforeEach(() => {
    watcher.disconnect();
    written = [];
    watcher = createMutationWatcher(window, {
      timers: time.timers,
      delay: 0,
      cooldown: 0,
      onChanges: (batch) => batches.push(batch),
      isOurs: () => false,
      takenFromPage: () => false,
      textWritten: (node) => written.push(node),
    });
    watcher.observe(document.body);
    text = document.querySelector('p')!.firstChild as Text;
  });

  it('are told before a write of ours, even a write of the text the node holds, and ours are not', async () => {
    text.data = 'A log.';
    await delivered();
    watcher.ownWrites(() => (text.data = 'Ours.'));
    expect(written).toEqual([text]);
  });

  it('still queued are told when the watcher disconnects', () => {
    text.data = 'A log.'; // not delivered yet
    watcher.disconnect();
    expect(written).toEqual([text]);
  });

  it('are all that is watched after textWritesOnly: our removals make no records to drop', async () => {
    watcher.textWritesOnly();
    const row = document.createElement('p');
    document.body.append(row); // the page's, not reported any more
    text.data = 'Edited.';
    await delivered();
    watcher.ownWrites(() => row.remove());
    while (time.waiting() > 0) time.runNext();
    expect(written).toEqual([text]);
    expect(batches.flatMap((batch) => batch.added)).toEqual([]);
    expect(watcher.changeCount()).toBe(0);
  });
});
