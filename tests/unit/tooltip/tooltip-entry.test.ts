import { describe, expect, it } from 'vitest';
import { otherNames, pickNote } from '../../../src/tooltip/tooltip-entry';

describe('pickNote', () => {
  const all = { 'zh-Hant': '繁體說明', 'zh-Hans': '简体说明', en: 'English note' };

  it('gives the note in the reader’s language', () => {
    expect(pickNote(all, 'zh-Hant')).toEqual({ text: '繁體說明', language: 'zh-Hant' });
    expect(pickNote(all, 'zh-Hans')).toEqual({ text: '简体说明', language: 'zh-Hans' });
    expect(pickNote(all, 'en')).toEqual({ text: 'English note', language: 'en' });
  });

  it('falls back to the other Chinese script before English, and never converts', () => {
    expect(pickNote({ 'zh-Hant': '繁體說明', en: 'English note' }, 'zh-Hans')).toEqual({
      text: '繁體說明',
      language: 'zh-Hant',
    });
    expect(pickNote({ 'zh-Hans': '简体说明', en: 'English note' }, 'zh-Hant')).toEqual({
      text: '简体说明',
      language: 'zh-Hans',
    });
    expect(pickNote({ en: 'English note' }, 'zh-Hant')).toEqual({ text: 'English note', language: 'en' });
  });

  it('gives English readers the column’s Traditional Chinese before Simplified', () => {
    expect(pickNote({ 'zh-Hant': '繁體說明', 'zh-Hans': '简体说明' }, 'en')?.language).toBe('zh-Hant');
    expect(pickNote({ 'zh-Hans': '简体说明' }, 'en')?.language).toBe('zh-Hans');
  });

  it('shows a single untagged note to everyone and skips blank ones', () => {
    expect(pickNote('One note', 'zh-Hans')).toEqual({ text: 'One note' });
    expect(pickNote({ en: '   ', 'zh-Hant': '有內容' }, 'en')).toEqual({ text: '有內容', language: 'zh-Hant' });
    expect(pickNote({}, 'en')).toBeUndefined();
  });
});

describe('otherNames', () => {
  it('lists the aliases without the term and without case-only repeats, in pack order', () => {
    const names = otherNames(
      {
        term: '輝達',
        aliases: [
          '英偉達',
          '英伟达',
          'Nvidia',
          { text: 'NVIDIA', caseSensitive: true } as { text: string },
          ' 輝達 ',
          '英偉達',
        ],
      },
      '輝達',
    );
    expect(names).toEqual(['英偉達', '英伟达', 'Nvidia']);
  });

  it('lists the term when a display name is shown instead, and display names that are no alias', () => {
    const entry = { term: '輝達', names: { 'zh-Hans': '英伟达', en: 'NVIDIA Corp.' }, aliases: ['英偉達', '英伟达'] };
    expect(otherNames(entry, '英伟达')).toEqual(['輝達', '英偉達', 'NVIDIA Corp.']);
    expect(otherNames(entry, 'NVIDIA Corp.')).toEqual(['輝達', '英偉達', '英伟达']);
  });

  it('is empty when the entry has no other names', () => {
    expect(otherNames({ term: 'TSMC', aliases: ['tsmc'] }, 'TSMC')).toEqual([]);
  });
});
