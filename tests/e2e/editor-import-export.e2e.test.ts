/**
 * Importing and exporting packs in the editor, in Chromium: a good file (previewed, then
 * confirmed, reaching an open page), files that must be refused with a message that names
 * the problem while nothing changes, and an export that imports back unchanged.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localValue, openEditor, waitForMark } from './fixtures/editor-helpers';
import { chromiumSuite } from './harness/suite';

const testPack = {
  schemaVersion: 1,
  id: 'editor-test-pack',
  title: 'Editor test pack',
  source: { title: 'Made-up column', author: 'Nobody' },
  entries: [
    {
      id: 'wombat-semi',
      term: 'Wombat Semiconductors',
      aliases: [],
      category: 'company',
      context: { en: 'A made-up chip maker.' },
    },
    {
      id: 'numbat-research',
      term: 'Numbat Research',
      aliases: [],
      category: 'organization',
      context: 'A made-up analyst firm.',
      related: ['wombat-semi'],
    },
  ],
};

const file = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'application/json',
  buffer: typeof text === 'string' ? Buffer.from(text) : text,
});

describe('importing and exporting packs', () => {
  const suite = chromiumSuite();
  let editor: Page;

  beforeAll(async () => {
    editor = await openEditor(suite.browser);
  });

  // The reader's layer as stored: the changes and, under a key of their own, the imported packs.
  const layer = async () => ({
    changes: await localValue(suite.browser.serviceWorker, 'userGlossary'),
    packs: await localValue(suite.browser.serviceWorker, 'importedPacks'),
  });
  const alertText = () => editor.textContent('[data-testid="import-error"]');

  it('previews a good file, imports it on confirmation, and an open page highlights its entries', async () => {
    const article = await suite.browser.context.newPage();
    await article.goto(`${suite.server.origin}/fixtures/editor-article.html`);
    await waitForMark(article, '輝達');
    await editor.setInputFiles('[data-testid="glossary-import"]', file('test-pack.json', JSON.stringify(testPack)));
    await editor.waitForSelector('[data-testid="import-preview"]:not([hidden])');
    expect(await editor.textContent('[data-testid="import-preview"]')).toContain('“Editor test pack” is a new pack.');
    expect(await editor.textContent('[data-testid="import-counts"]')).toBe(
      '2 to add, 0 to change, 0 left as they are, 0 to remove.',
    );
    // Nothing is stored before the confirmation.
    expect(await layer()).toEqual({ changes: undefined, packs: undefined });
    await editor.click('[data-testid="import-confirm"]');
    await waitForMark(article, 'Wombat Semiconductors');
    await waitForMark(article, 'Numbat Research');
    expect(await editor.textContent('[data-testid="pack-list"]')).toContain('Editor test pack');
    // The pack is stored under its own key, which the changes after it leave as it is.
    const imported = await layer();
    expect((imported.packs as { id: string }[]).map((p) => p.id)).toEqual(['editor-test-pack']);
    expect(imported.changes).toEqual({ overlays: [] });
    // Each pack can be switched off on its own; the bundled one keeps highlighting.
    await editor.uncheck('[data-testid="pack-enabled-editor-test-pack"]');
    await waitForMark(article, 'Wombat Semiconductors', false);
    expect((await layer()).packs).toEqual(imported.packs);
    await waitForMark(article, '輝達');
    await editor.check('[data-testid="pack-enabled-editor-test-pack"]');
    await waitForMark(article, 'Wombat Semiconductors');
    await article.close();
  });

  it('refuses a file that is not JSON, says so, and changes nothing', async () => {
    const before = await layer();
    await editor.setInputFiles(
      '[data-testid="glossary-import"]',
      file('broken.json', '{ "schemaVersion": 1, "entries": [ '),
    );
    await editor.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent !== '');
    expect(await editor.getAttribute('[data-testid="import-error"]', 'role')).toBe('alert');
    // Where and why, in the editor's words, not the browser's parser's.
    expect(await alertText()).toBe('“broken.json” is not JSON: line 1, column 36: “]” is expected here');
    expect(await editor.isHidden('[data-testid="import-preview"]')).toBe(true);
    expect(await layer()).toEqual(before);
  });

  it('names the entry and the field of an invalid pack, and changes nothing', async () => {
    const before = await layer();
    const bad = structuredClone(testPack);
    bad.entries[1]!.term = 'N';
    await editor.setInputFiles('[data-testid="glossary-import"]', file('invalid.json', JSON.stringify(bad)));
    await editor.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent !== '');
    const text = await alertText();
    expect(text).toContain('“invalid.json” is not a valid glossary pack');
    expect(text).toContain('entries[1]');
    expect(text).toContain('numbat-research');
    expect(text).toContain('term');
    expect(await layer()).toEqual(before);
  });

  it('refuses a file over 5 MB from its size, and changes nothing', async () => {
    const before = await layer();
    // On disk rather than as a buffer: Playwright ships buffers over the protocol, slowly.
    const dir = await mkdtemp(join(tmpdir(), 'columnlens-editor-'));
    const huge = join(dir, 'huge.json');
    await writeFile(huge, Buffer.alloc(6 * 1024 * 1024, 0x20));
    await editor.setInputFiles('[data-testid="glossary-import"]', huge);
    await rm(dir, { recursive: true });
    await editor.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent !== '');
    expect(await alertText()).toBe('“huge.json” is 6.0 MB; files over 5 MB are not accepted.');
    expect(await layer()).toEqual(before);
  });

  it('exports a pack that imports back with nothing to change', async () => {
    await editor.selectOption('[data-testid="export-pack"]', 'editor-test-pack');
    const [download] = await Promise.all([
      editor.waitForEvent('download'),
      editor.click('[data-testid="glossary-export"]'),
    ]);
    expect(download.suggestedFilename()).toBe('editor-test-pack.columnlens.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as typeof testPack;
    expect(exported.entries.map((e) => e.id)).toEqual(['wombat-semi', 'numbat-research']);
    expect(exported.entries[1]?.context).toBe('A made-up analyst firm.');

    const before = await layer();
    await editor.check('[data-testid="import-mode-replace"]');
    await editor.setInputFiles('[data-testid="glossary-import"]', await download.path());
    await editor.waitForSelector('[data-testid="import-preview"]:not([hidden])');
    expect(await editor.textContent('[data-testid="import-counts"]')).toBe(
      '0 to add, 0 to change, 2 left as they are, 0 to remove.',
    );
    await editor.click('[data-testid="import-confirm"]');
    await editor.waitForSelector('[data-testid="import-preview"]', { state: 'hidden' });
    expect(await layer()).toEqual(before);
  });

  it('exports the bundled pack with the reader’s edits, and it imports back unchanged', async () => {
    await editor.fill('[data-testid="entry-search"]', '輝達');
    await editor.click('[data-testid="entry-row"] >> nth=0');
    await editor.fill('#field-aliases', `${await editor.inputValue('#field-aliases')}\nGreen Team`);
    await editor.click('[data-testid="entry-save"]');
    await editor.waitForSelector('[data-testid="entry-reset"]');
    await editor.selectOption('[data-testid="export-pack"]', 'ai-rush-china');
    const [download] = await Promise.all([
      editor.waitForEvent('download'),
      editor.click('[data-testid="glossary-export"]'),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      entries: { id: string; aliases: unknown[] }[];
    };
    expect(exported.entries.find((e) => e.id === 'nvidia')?.aliases).toContain('Green Team');

    const before = await layer();
    await editor.check('[data-testid="import-mode-merge"]');
    await editor.setInputFiles('[data-testid="glossary-import"]', await download.path());
    await editor.waitForSelector('[data-testid="import-preview"]:not([hidden])');
    expect(await editor.textContent('[data-testid="import-counts"]')).toBe(
      `0 to add, 0 to change, ${exported.entries.length} left as they are, 0 to remove.`,
    );
    expect(await editor.textContent('[data-testid="import-preview"]')).toContain(
      'updates the pack bundled with ColumnLens',
    );
    await editor.click('[data-testid="import-cancel"]');
    expect(await layer()).toEqual(before);
  });
});
