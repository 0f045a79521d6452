import { describe, expect, it, vi } from 'vitest';
import { PRIORITY, Scheduler } from '../../../src/content/scheduler';
import { fakeSliceHost as fakeHost, work } from './fake-slice-host';

describe('scheduler', () => {
  it('splits work into slices that stay within the budget plus one step', () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 10);
    scheduler.add(work(clock, 1000, 0.3), PRIORITY.initial);
    const slices = clock.runAll();
    expect(slices.length).toBeGreaterThanOrEqual(29);
    expect(Math.max(...slices)).toBeLessThanOrEqual(10 + 0.3 + 1e-9);
    expect(slices.reduce((a, b) => a + b, 0)).toBeCloseTo(300);
    expect(scheduler.stats.slices).toBe(slices.length);
  });

  it('runs higher-priority work first, even when it arrives later', () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 1);
    const log: string[] = [];
    scheduler.add(work(clock, 5, 1, log, 'initial'), PRIORITY.initial);
    clock.runAll(); // nothing to interleave yet: the first job runs alone
    scheduler.add(work(clock, 5, 1, log, 'initial2'), PRIORITY.initial);
    scheduler.add(work(clock, 2, 1, log, 'visible'), PRIORITY.visible);
    clock.runAll();
    expect(log.slice(5, 7)).toEqual(['visible', 'visible']);
  });

  it('schedules nothing once the work is done (an idle page costs nothing)', async () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 10);
    const done = scheduler.idle();
    scheduler.add(work(clock, 3, 1), PRIORITY.changes);
    clock.runAll();
    await done;
    expect(scheduler.busy).toBe(false);
    expect(clock.runAll()).toEqual([]);
  });

  it('drops a job that throws and keeps the others', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 10);
    const log: string[] = [];
    scheduler.add(
      (function* () {
        yield;
        throw new Error('hostile DOM');
      })(),
      PRIORITY.visible,
    );
    scheduler.add(work(clock, 2, 1, log, 'ok'), PRIORITY.initial);
    clock.runAll();
    expect(log).toEqual(['ok', 'ok']);
    expect(debug).toHaveBeenCalledOnce();
    debug.mockRestore();
  });

  it('clear() drops queued work', () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 1);
    const log: string[] = [];
    scheduler.add(work(clock, 100, 1, log, 'x'), PRIORITY.initial);
    scheduler.clear();
    clock.runAll();
    expect(log).toEqual([]);
  });

  it('runNow() runs a slice in the calling task, within the budget, and never inside a slice', () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 10);
    const log: string[] = [];
    scheduler.add(work(clock, 30, 1, log, 'a'), PRIORITY.restore);
    scheduler.runNow();
    expect(log).toHaveLength(10);
    // Called from inside a job, it does nothing (a running generator cannot be re-entered).
    scheduler.add(
      (function* () {
        scheduler.runNow();
        log.push('inner');
        yield;
      })(),
      PRIORITY.visible,
    );
    const slices = clock.runAll();
    expect(log.filter((x) => x === 'a')).toHaveLength(30);
    expect(log.at(-1)).toBe('inner');
    // One chain of slices, not two: the slice queued before runNow() and the ones after it.
    expect(slices.filter((ms) => ms > 0)).toHaveLength(2);
    expect(slices.length).toBeLessThanOrEqual(3);
  });

  it('endSlice() ends the running slice after the current step, and does nothing outside a slice', () => {
    const clock = fakeHost();
    const scheduler = new Scheduler(clock.host, 10);
    scheduler.endSlice(); // no slice running: the next one is not cut short
    function* job() {
      for (let step = 1; step <= 25; step++) {
        clock.advance(1);
        if (step === 4) scheduler.endSlice();
        yield;
      }
    }
    scheduler.add(job(), PRIORITY.initial);
    expect(clock.runAll()).toEqual([4, 10, 10, 1]);
  });

  it('runs slices of highlights being taken back after a frame, other slices in the next task', () => {
    const clock = fakeHost();
    const frames: (() => void)[] = [];
    const scheduler = new Scheduler({ ...clock.host, afterFrame: (slice) => frames.push(slice) }, 1);
    const log: string[] = [];
    scheduler.add(work(clock, 3, 1, log, 'restore'), PRIORITY.restore);
    scheduler.add(work(clock, 2, 1, log, 'read'), PRIORITY.initial);
    expect([frames.length, clock.runAll()]).toEqual([1, []]);
    // Each removal slice waits for a frame, and no task is queued meanwhile.
    let slices = 0;
    while (log.filter((x) => x === 'restore').length < 3) {
      frames.shift()!();
      slices++;
      expect(clock.runAll()).toEqual([]);
    }
    expect(slices).toBe(3);
    // Once the removal is done, reading goes on in ordinary tasks.
    for (let i = 0; i < 5 && frames.length > 0; i++) frames.shift()!();
    clock.runAll();
    expect(log.slice(3)).toEqual(['read', 'read']);
  });
});
