import { describe, expect, it } from 'vitest';
import { nameLengths } from '../../../src/glossary-store/name-lengths';
import { compileMatcher } from '../../../src/matcher';
import { entry } from './fixtures';

describe('nameLengths', () => {
  it('counts the shortest name as the matcher reads it, so no text holding a name is too short', () => {
    // Names pasted with a soft hyphen or a zero-width space in them, and a run of spaces.
    const entries = [
      entry('h20', { term: 'H2\u00ad0', aliases: [] }),
      entry('qwen', { term: 'Qwen\u200b', aliases: [] }),
      entry('cloud', { term: 'Alibaba   Cloud', aliases: [] }),
    ];
    const lengths = nameLengths(entries);
    expect(lengths.shortest).toBe(3);
    const matcher = compileMatcher(entries.map((e) => ({ ...e, packId: 'p' })));
    for (const page of ['H20', 'Qwen', 'Alibaba Cloud']) {
      expect(matcher.scan(page)).toHaveLength(1);
      expect(page.length).toBeGreaterThanOrEqual(lengths.shortest);
    }
  });
});
