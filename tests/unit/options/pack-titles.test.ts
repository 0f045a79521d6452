// @vitest-environment jsdom
/**
 * A pack's title follows the editor's language (the pack's `titles`), wherever the editor
 * names the pack: the pack list, the export choice and the entry form; so does its
 * description in the pack list (`descriptions`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { openEditor as open } from './open-editor';

const bundled = bundledPacks()[0]!;

const packLabel = () => document.querySelector(`label[for="pack-enabled-${bundled.id}"]`)?.textContent ?? '';
const exportChoice = () => document.querySelector(`option[value="${bundled.id}"]`)?.textContent;
const description = () => document.querySelector('.pack-description')?.textContent;

describe('pack titles in the editor', () => {
  beforeEach(() => {
    expect(bundled.titles?.['zh-Hant']).toBeTruthy();
    expect(bundled.titles?.en).toBeUndefined();
    expect(bundled.descriptions?.['zh-Hant']).toBeTruthy();
    expect(bundled.descriptions?.en).toBeUndefined();
  });

  it.each<[ReaderLanguage, string, string, string | undefined]>([
    ['zh-Hant', bundled.titles?.['zh-Hant'] ?? '', '詞庫：', bundled.descriptions?.['zh-Hant']],
    ['zh-Hans', bundled.titles?.['zh-Hans'] ?? '', '词库：', bundled.descriptions?.['zh-Hans']],
    ['en', bundled.title, 'Pack: ', bundled.description],
  ])('names and describes the bundled pack in %s as readers there read it', async (language, title, label, about) => {
    await open(language);
    expect(packLabel()).toContain(title);
    expect(exportChoice()).toBe(title);
    expect(description()).toBe(about);
    document.querySelector<HTMLElement>('[data-testid="entry-row"]')!.click();
    // Labelled with the language's own colon.
    expect(document.querySelector('.pack-name')?.textContent).toBe(label + title);
  });

  it.each<ReaderLanguage>(['zh-Hant', 'zh-Hans', 'en'])(
    'offers the column’s sections by their titles in %s, and keeps the column’s own',
    async (language) => {
      await open(language);
      document.querySelector<HTMLElement>('[data-testid="entry-row"]')!.click();
      const options = [...document.querySelectorAll<HTMLOptionElement>('#field-section option')].filter((o) => o.value);
      const { sections, sectionNames } = bundled.source;
      expect(options.map((o) => o.value)).toEqual(sections);
      expect(options.map((o) => o.textContent)).toEqual(sections.map((s) => sectionNames?.[s]?.[language] ?? s));
      if (language !== 'zh-Hant') expect(options.map((o) => o.textContent)).not.toContain(sections[1]);
    },
  );
});
