// @vitest-environment jsdom
/**
 * The first read runs while the page is still parsed: it reads what the parser has finished,
 * waits at the parser's open edge (the last open elements and their last text node), and
 * reads what arrives after, each part once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTO_LIMITS } from '../../../src/content/engine-choice';
import { installFakeHighlights, paintedText } from './fake-highlights';
import { launch, marks, parsingDocument, sleep } from './harness';

let parser: ReturnType<typeof parsingDocument> | undefined;
afterEach(() => {
  parser?.restore();
  parser = undefined;
  document.body.innerHTML = '';
});

const paragraph = (i: number) => {
  const p = document.createElement('p');
  p.id = `p${i}`;
  p.textContent = `Part ${i} on Nvidia and 月之暗面.`;
  return p;
};
const drawnIn = () => [...new Set([...document.querySelectorAll('mark')].map((m) => m.closest('p')!.id))];

describe('reading while the page is parsed', () => {
  it('reads what the parser finished, waits at its edge, and reads each later part once', async () => {
    document.body.replaceChildren(paragraph(0), paragraph(1), paragraph(2));
    parser = parsingDocument();
    const summaries: number[] = [];
    const { highlighter, view } = launch({ onSummary: () => summaries.push(1) });
    await sleep(30);
    // The last paragraph's text may still grow: it waits.
    expect(drawnIn()).toEqual(['p0', 'p1']);
    expect(view.scanner.calls).toBe(2);
    expect(summaries).toEqual([]);
    // The parser adds a paragraph: the one before it is finished.
    document.body.append(paragraph(3));
    await sleep(150); // Past the walk's wait and the page-change delay.
    expect(drawnIn()).toEqual(['p0', 'p1', 'p2']);
    parser.finish();
    await highlighter.idle();
    await sleep(150);
    await highlighter.idle();
    expect(drawnIn()).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(highlighter.summary()).toEqual({ nvidia: 4, 'moonshot-ai': 4 });
    // Each paragraph scanned once: the watcher left the parser's additions to the walk.
    expect(view.scanner.calls).toBe(4);
    expect(summaries).toEqual([1]);
    highlighter.stop();
  });

  it('reads a text node still growing at the edge only once the parser has closed it', async () => {
    document.body.innerHTML = '<p>Nvidia and 月之</p>';
    parser = parsingDocument();
    const { highlighter } = launch();
    await sleep(30);
    expect(marks()).toEqual([]);
    // The parser appends the rest of the text to the same node.
    (document.body.firstChild!.firstChild as Text).appendData('暗面 too.');
    parser.finish();
    await highlighter.idle();
    expect(marks()).toEqual([
      ['nvidia', 'Nvidia'],
      ['moonshot-ai', '月之暗面'],
    ]);
    highlighter.stop();
  });

  it('waits for the body when the script starts before the parser made it', async () => {
    const html = document.documentElement;
    const body = document.body;
    body.remove();
    parser = parsingDocument();
    try {
      const { highlighter } = launch();
      await sleep(30);
      const next = document.createElement('body');
      next.append(paragraph(0), paragraph(1));
      html.append(next);
      parser.finish();
      await highlighter.idle();
      expect(drawnIn()).toEqual(['p0', 'p1']);
      highlighter.stop();
      expect(document.querySelectorAll('mark')).toHaveLength(0);
    } finally {
      document.body?.remove();
      html.append(body);
    }
  });

  it('follows an element made editable while parsing, and every change once parsed', async () => {
    document.body.replaceChildren(paragraph(0), paragraph(1), paragraph(2));
    parser = parsingDocument();
    const { highlighter } = launch({ changeTiming: { delay: 10, cooldown: 0 } });
    await sleep(30);
    expect(drawnIn()).toEqual(['p0', 'p1']);
    // A page script makes a paragraph already read editable: its highlights go.
    document.getElementById('p0')!.setAttribute('contenteditable', 'true');
    await sleep(60);
    expect(drawnIn()).toEqual(['p1']);
    parser.finish();
    await highlighter.idle();
    expect(drawnIn()).toEqual(['p1', 'p2']);
    // Parsed: a page change behind the read is read again, as on any page.
    document.getElementById('p1')!.append(' Also LLM.');
    await sleep(60);
    await highlighter.idle();
    expect(document.querySelectorAll('#p1 mark')).toHaveLength(3);
    highlighter.stop();
  });

  it('hands over to painted highlights when the page grows past the size limit while parsed', async () => {
    const fake = installFakeHighlights(window);
    document.body.replaceChildren(paragraph(0), paragraph(1));
    parser = parsingDocument();
    const { highlighter } = launch({ engineChoice: 'auto' });
    try {
      await sleep(30);
      expect(highlighter.engineKind).toBe('dom');
      expect(drawnIn()).toEqual(['p0']);
      // The parser adds a huge table (two elements a row), then the last paragraph.
      const table = document.createElement('table');
      table.innerHTML = '<tr><td>x</td></tr>'.repeat(AUTO_LIMITS.elements / 2 + 10);
      document.body.append(table, paragraph(2));
      // Checked when the read next waits for the parser.
      await vi.waitFor(() => expect(highlighter.engineKind).toBe('highlight'), { timeout: 10_000, interval: 20 });
      parser.finish();
      await highlighter.idle();
      // The marks drawn meanwhile were taken back; everything is painted instead.
      expect(document.querySelectorAll('mark')).toHaveLength(0);
      expect(paintedText(fake.registry)['columnlens-company']).toHaveLength(6);
    } finally {
      highlighter.stop();
      fake.uninstall();
    }
  });

  it('switched off while waiting at the edge, it leaves the page as it was and reads no more', async () => {
    document.body.replaceChildren(paragraph(0), paragraph(1));
    const before = document.body.innerHTML;
    parser = parsingDocument();
    const { highlighter, view } = launch();
    await sleep(30);
    expect(drawnIn()).toEqual(['p0']);
    await highlighter.switchOff();
    expect(document.body.innerHTML).toBe(before);
    document.body.append(paragraph(2));
    parser.finish();
    await sleep(150);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(view.scanner.calls).toBe(1);
  });
});
