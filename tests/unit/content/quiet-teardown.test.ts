import { describe, expect, it, vi } from 'vitest';
import { quietly } from '../../../src/content/quiet-teardown';

describe('quietly', () => {
  it('runs the teardown', () => {
    const teardown = vi.fn();
    quietly(teardown)();
    expect(teardown).toHaveBeenCalledTimes(1);
  });

  it('swallows what a teardown throws once the extension is gone, so the other teardowns still run', () => {
    const signal = new AbortController();
    const after = vi.fn();
    const gone = quietly(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(gone).not.toThrow();
    // As the content script's context runs them: one listener per teardown on its abort signal
    // (an error thrown there would reach vitest as an uncaught error and fail the run).
    signal.signal.addEventListener('abort', gone);
    signal.signal.addEventListener('abort', after);
    signal.abort();
    expect(after).toHaveBeenCalledTimes(1);
  });
});
