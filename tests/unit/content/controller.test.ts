// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkOnActivity, createContentController, topHostname } from '../../../src/content/controller';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { fakeGlossary as glossary } from './fake-glossary';
import { installFakeHighlights } from './fake-highlights';
import { ENTRIES } from './fake-scanner';
import { sleep } from './harness';

const PAGE = '<p>輝達 and Nvidia</p><p>大语言模型</p>';
let controller: AbortController;
beforeEach(() => {
  document.body.innerHTML = PAGE;
  controller = new AbortController();
});
afterEach(() => controller.abort());

async function settle() {
  await sleep(50);
}

function start(hostname = 'example.com') {
  const summaries: Record<string, number>[] = [];
  const content = createContentController({
    document,
    window: window as Window & typeof globalThis,
    signal: controller.signal,
    hostname,
    onSummary: (read) => summaries.push(read()),
  });
  return { content, summaries };
}

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('content controller', () => {
  it('waits for both settings and glossary, then highlights and reports counts', async () => {
    const { content, summaries } = start();
    content.update({ settings: settings() });
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    content.update({ glossary: glossary('1') });
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(3);
    expect(summaries.at(-1)).toEqual({ nvidia: 2, llm: 1 });
    expect(content.summary()).toEqual({ nvidia: 2, llm: 1 });
  });

  it('switching off restores the page and reports nothing found; switching on highlights again', async () => {
    const { content, summaries } = start();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    content.update({ settings: settings({ enabled: false }) });
    expect(document.body.innerHTML).toBe(PAGE);
    expect(summaries.at(-1)).toEqual({});
    expect(content.reveal('nvidia')).toBe(false);
    content.update({ settings: settings() });
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(3);
  });

  it('takes back the copies of its marks a page puts back while highlights are off, and leaves that to the highlighter once on', async () => {
    // A Turbo-style site: a deep clone of the page, made while highlighted, restored on Back.
    const { content } = start();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    const snapshot = document.body.cloneNode(true) as HTMLElement;
    expect(snapshot.querySelectorAll('mark')).toHaveLength(3);
    content.update({ settings: settings({ enabled: false }) });
    await settle();
    document.body.replaceWith(snapshot);
    await settle();
    expect(document.body.innerHTML).toBe(PAGE);
    // The page's own <mark> elements are not ours to take.
    document.body.insertAdjacentHTML('beforeend', '<p><mark class="note">Nvidia</mark></p>');
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(1);
    // On again: a copy added now is the highlighter's to take back, and it reads the text.
    content.update({ settings: settings() });
    await settle();
    const copy = document.body.cloneNode(true) as HTMLElement;
    document.body.replaceWith(copy);
    await settle();
    expect([...document.querySelectorAll('mark.columnlens-mark')].map((m) => m.textContent)).toEqual([
      '輝達',
      'Nvidia',
      '大语言模型',
      'Nvidia', // in the page's own mark
    ]);
    expect(document.querySelectorAll('mark.columnlens-mark mark.columnlens-mark')).toHaveLength(0);
  });

  it('honours the per-site switch for its hostname only', async () => {
    const { content } = start('example.com');
    content.update({ settings: settings({ disabledSites: ['other.org'] }), glossary: glossary('1') });
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(3);
    content.update({ settings: settings({ disabledSites: ['example.com'] }) });
    expect(document.body.innerHTML).toBe(PAGE);
  });

  it('reads the page again for a new glossary version or new display choices, not for a language change', async () => {
    const { content } = start();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    const first = document.querySelector('mark');
    content.update({ settings: settings({ language: 'en' }) });
    await settle();
    expect(document.querySelector('mark')).toBe(first);
    content.update({
      glossary: glossary(
        '2',
        ENTRIES.filter((e) => e.id !== 'llm'),
      ),
    });
    // Taken back and read again in slices: on a loaded machine that takes more than one settle.
    const marked = () => [...document.querySelectorAll('mark')].map((m) => m.textContent);
    await vi.waitFor(() => expect(marked()).toEqual(['輝達', 'Nvidia']));
    content.update({ settings: settings({ density: 'first' }) });
    await vi.waitFor(() => expect(marked()).toEqual(['輝達']));
  });

  it('starts afresh with the engine asked for (the hidden debug choice), and answers navigation', async () => {
    const fake = installFakeHighlights(window);
    try {
      const { content } = start();
      content.update({ settings: settings(), glossary: glossary('1'), engine: 'highlight' });
      await settle();
      expect(content.engineKind).toBe('highlight');
      expect(document.body.innerHTML).toBe(PAGE);
      expect(fake.registry.get('columnlens-company')?.size).toBe(2);
      const first = content.nextOccurrence(undefined, 'next')!;
      expect([first.id, first.range.toString(), first.element]).toEqual(['nvidia', '輝達', undefined]);
      const { startContainer, startOffset } = first.range;
      expect(content.hitTest(startContainer, startOffset)?.id).toBe('nvidia');
      content.update({ engine: 'dom' });
      await settle();
      expect(content.engineKind).toBe('dom');
      expect(fake.registry.size).toBe(0);
      expect(document.querySelectorAll('mark')).toHaveLength(3);
      expect(content.hitTest(startContainer, startOffset)).toBeUndefined();
    } finally {
      fake.uninstall();
    }
  });

  it('removes everything when its context is invalidated', async () => {
    const { content } = start();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    controller.abort();
    expect(document.body.innerHTML).toBe(PAGE);
    content.update({ settings: settings() });
    await settle();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });
});

describe('topHostname', () => {
  it('is the page’s own hostname in a top-level document', () => {
    expect(topHostname(window)).toBe(window.location.hostname);
  });
});

describe('checkOnActivity', () => {
  it('checks on the reader’s next move, until aborted', () => {
    const abort = new AbortController();
    let checks = 0;
    checkOnActivity(document, abort.signal, () => checks++);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(checks).toBe(2);
    abort.abort();
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    expect(checks).toBe(2);
  });
});
