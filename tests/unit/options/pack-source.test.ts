// @vitest-environment jsdom
/**
 * The pack list says what each pack is drawn from (the column's title, author, publication
 * and date, linked where the pack gives its address) and shows its description: as text,
 * since pack text is data.
 */
import { describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { entry, pack } from '../glossary-store/fixtures';
import { importThroughEditor, openEditor as open } from './open-editor';

const bundled = bundledPacks()[0]!;

const sourceOf = (id: string) => document.querySelector<HTMLElement>(`[data-testid="pack-source-${id}"]`);

describe('where a pack comes from', () => {
  it.each<[ReaderLanguage, string]>([
    ['en', `From “${bundled.source.title}” by ${bundled.source.author}`],
    ['zh-Hant', `出自${bundled.source.author}〈${bundled.source.title}〉`],
    ['zh-Hans', `出自${bundled.source.author}《${bundled.source.title}》`],
  ])('names the bundled column and its author in %s, and shows the description', async (language, line) => {
    await open(language);
    const source = sourceOf(bundled.id)!;
    expect(source.textContent).toBe(line);
    // No address in the bundled pack: the title is not a link, and is tagged with its language.
    expect(source.querySelector('a')).toBeNull();
    expect(source.querySelector(`[lang="${bundled.source.language}"]`)?.textContent).toBe(bundled.source.title);
    expect(source.closest('li')!.querySelector('.pack-description')?.textContent).toBe(
      bundled.descriptions?.[language] ?? bundled.description,
    );
  });

  it('links the column where the pack gives its address, and sets every pack text as text', async () => {
    const hostile = pack('hostile-source', [entry('e-1')]);
    const file = JSON.stringify({
      ...hostile,
      description: '<img src=x onerror="alert(1)"> describes <b>nothing</b>',
      source: {
        ...hostile.source,
        title: 'A <i>column</i>',
        author: 'Writer $& $1 <b>x</b>',
        publication: 'The Daily',
        date: '2026-11-29',
        url: 'https://example.com/column?id=1',
      },
    });
    await open('en');
    await importThroughEditor(file);
    await vi.waitFor(() => expect(sourceOf('hostile-source')).not.toBeNull());
    const source = sourceOf('hostile-source')!;
    expect(source.textContent).toBe('From “A <i>column</i>” by Writer $& $1 <b>x</b> · The Daily · 2026-11-29');
    const link = source.querySelector('a')!;
    expect([link.textContent, link.href, link.target, link.rel]).toEqual([
      'A <i>column</i>',
      'https://example.com/column?id=1',
      '_blank',
      'noopener noreferrer',
    ]);
    const row = source.closest('li')!;
    expect(row.querySelector('.pack-description')?.textContent).toBe(
      '<img src=x onerror="alert(1)"> describes <b>nothing</b>',
    );
    expect(row.querySelectorAll('img, b, i')).toHaveLength(0);
  });
});
