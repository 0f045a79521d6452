/**
 * The glossary editor (options page) in Firefox ESR: a new entry and a new alias reach an
 * open tab without a reload, a file that is not JSON is refused with an alert and changes
 * nothing, and an export (saved by Firefox into a known folder) imports back with nothing
 * to change. Firefox is launched once for the file.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillField,
  launchFirefoxWithExtension,
  storageValue,
  waitInPage,
  type FirefoxWithExtension,
} from './harness/firefox';
import { startServer, type TestServer } from './harness/server';

/** Waits until some highlight on `page` reads `text`, and returns the entry ids of those that do. */
async function waitForMark(page: Page, text: string): Promise<string[]> {
  await waitInPage(
    page,
    (t) => [...document.querySelectorAll('mark[data-glossary-id]')].some((m) => m.textContent === t),
    text,
  );
  return page.$$eval(
    'mark[data-glossary-id]',
    (marks, t) => marks.filter((m) => m.textContent === t).map((m) => m.getAttribute('data-glossary-id') ?? ''),
    text,
  );
}

/** Waits for a file named `name` in `dir` that Firefox has finished writing. */
async function downloaded(dir: string, name: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let lastSize = -1;
  for (;;) {
    const files = await readdir(dir);
    // Firefox first creates `name` empty as a placeholder, writes into `<name>.part`, then
    // renames it: done is when no .part is left and the size holds between two looks.
    if (files.includes(name) && !files.includes(`${name}.part`)) {
      const { size } = await stat(join(dir, name));
      if (size > 0 && size === lastSize) return join(dir, name);
      lastSize = size;
    }
    if (Date.now() > deadline)
      throw new Error(`no complete ${name} in ${dir} (seen: ${files.join(', ') || 'nothing'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the glossary editor in Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  let folder: string;
  let article: Page;
  let editor: Page;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'columnlens-firefox-editor-'));
    [firefox, server] = await Promise.all([launchFirefoxWithExtension({ downloadDir: folder }), startServer()]);
    article = await firefox.open(`${server.origin}/fixtures/editor-article.html`);
    await waitForMark(article, '輝達');
    // Set once: if the page were reloaded, this would be gone.
    await article.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    editor = await firefox.openExtensionPage('options.html');
    await editor.waitForSelector('[data-testid="entry-row"]', { timeout: 10_000 });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  // The reader's layer as stored: the changes and, under a key of their own, the imported packs.
  const layer = async () => ({
    changes: await storageValue(editor, 'local', 'userGlossary'),
    packs: await storageValue(editor, 'local', 'importedPacks'),
  });
  const notReloaded = () => article.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce);
  const importInput = async () =>
    (await editor.$('[data-testid="glossary-import"]')) as ElementHandle<HTMLInputElement>;

  it('adds an entry, and the open tab highlights it without reloading', async () => {
    expect(await article.$$('mark[data-glossary-id="quokka-robotics"]')).toHaveLength(0);
    await editor.click('[data-testid="entry-new"]');
    await fillField(editor, '#field-term', 'Quokka Robotics');
    await editor.select('#field-category', 'company');
    await fillField(editor, '#field-notes-en', 'A made-up robot maker, used by the editor tests.');
    await editor.click('[data-testid="entry-save"]');
    expect(await waitForMark(article, 'Quokka Robotics')).toEqual(['quokka-robotics']);
    expect(await notReloaded()).toBe(true);
  });

  it('edits an entry’s aliases, and the new alias is highlighted at once', async () => {
    await fillField(editor, '[data-testid="entry-search"]', 'Quokka');
    await editor.click('[data-testid="entry-row"]');
    await editor.waitForSelector('[data-testid="entry-form"]');
    expect(await editor.$eval('#field-term', (el) => (el as HTMLInputElement).value)).toBe('Quokka Robotics');
    await fillField(editor, '#field-aliases', 'QR Labs');
    // A link's language in brackets, read as one where Firefox's Intl names it ("[PDF]" not).
    await fillField(
      editor,
      '#field-links',
      '官網 [zh-TW] https://quokka.example/zh-tw/\nReport [PDF] https://quokka.example/report.pdf',
    );
    await editor.click('[data-testid="entry-save"]');
    expect(await waitForMark(article, 'QR Labs')).toEqual(['quokka-robotics']);
    expect(await notReloaded()).toBe(true);
    const stored = JSON.stringify((await layer()).changes);
    expect(stored).toContain('{"title":"官網","url":"https://quokka.example/zh-tw/","lang":"zh-TW"}');
    expect(stored).toContain('{"title":"Report [PDF]","url":"https://quokka.example/report.pdf"}');
  });

  it('draws the file field’s button in the editor’s language, with the browser’s input lying under it', async () => {
    const drawn = await editor.$eval('.file-choice .file-button', (button) => {
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return { text: button.textContent, under: under?.getAttribute('data-testid') };
    });
    expect(drawn).toEqual({ text: 'Choose a file…', under: 'glossary-import' });
  });

  it('refuses a file that is not JSON with an alert, and changes nothing', async () => {
    const before = await layer();
    expect(before).toBeDefined();
    const broken = join(folder, 'broken.json');
    await writeFile(broken, '{ "schemaVersion": 1, "entries": [ ');
    await (await importInput()).uploadFile(broken);
    await waitInPage(editor, () => document.querySelector('[data-testid="import-error"]')?.textContent, undefined);
    const alert = await editor.$eval('[data-testid="import-error"]', (el) => ({
      role: el.getAttribute('role'),
      text: el.textContent,
    }));
    expect(alert.role).toBe('alert');
    // Where and why in the editor's words, as in Chromium, not Firefox's parser's.
    expect(alert.text).toBe('“broken.json” is not JSON: line 1, column 36: “]” is expected here');
    expect(await editor.$eval('[data-testid="import-preview"]', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await layer()).toEqual(before);
    // The open tab still shows the reader's entry.
    expect(await waitForMark(article, 'QR Labs')).toEqual(['quokka-robotics']);
  });

  it('exports the bundled pack with the reader’s entry, and it imports back with nothing to change', async () => {
    await editor.select('[data-testid="export-pack"]', 'ai-rush-china');
    await editor.click('[data-testid="glossary-export"]');
    const file = await downloaded(folder, 'ai-rush-china.columnlens.json');
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      entries: { id: string; term: string; aliases: unknown[] }[];
    };
    expect(exported.entries.find((e) => e.id === 'quokka-robotics')).toMatchObject({
      term: 'Quokka Robotics',
      aliases: ['QR Labs'],
    });

    const before = await layer();
    await editor.click('[data-testid="import-mode-merge"]');
    await (await importInput()).uploadFile(file);
    await editor.waitForSelector('[data-testid="import-preview"]:not([hidden])', { timeout: 10_000 });
    expect(await editor.$eval('[data-testid="import-counts"]', (el) => el.textContent)).toBe(
      `0 to add, 0 to change, ${exported.entries.length} left as they are, 0 to remove.`,
    );
    await editor.click('[data-testid="import-cancel"]');
    expect(await layer()).toEqual(before);
  });
});
