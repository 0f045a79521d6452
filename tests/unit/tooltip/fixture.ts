/** A small page with highlights shaped like the highlighter's, and a glossary for it. */
import { TOOLTIP_HOST_TAG } from '../../../src/tooltip';
import type { TooltipEntry } from '../../../src/tooltip/tooltip-entry';

/** The open tooltip's panel inside its shadow root, or null when none shows. */
export const tooltipPanel = (doc: Document = document): HTMLElement | null =>
  doc.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot?.querySelector<HTMLElement>('.panel') ?? null;

/**
 * Presses Tab (or Shift+Tab) where focus is, in the tooltip or on the page; true when the
 * tooltip took the key from the browser. jsdom has no sequential focus navigation: where the
 * browser would move focus, the test does.
 */
export function pressTab(shiftKey = false, doc: Document = document): boolean {
  const target = doc.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot?.activeElement ?? doc.activeElement ?? doc.body;
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Enter on the tooltip's focused control: a click the browser sends with no pointer. */
export function pressEnter(doc: Document = document): void {
  const focused = doc.querySelector(TOOLTIP_HOST_TAG)!.shadowRoot!.activeElement as HTMLElement;
  focused.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 0 }));
}

/**
 * A finger's tap on `target` at (clientX, clientY), as a browser reports it: the pointer events
 * of type "touch" at once, the focus of what was tapped where it can take it (a mark or a
 * button; `focus: false` where the page does not let it), then the click. In the tooltip the
 * pointer events reach the page at its host. Returns whether the click's default action (a
 * link's, say) goes ahead.
 */
export function fingerTap(
  target: Element,
  { focus = true, clientX = 0, clientY = 0 } = {},
  doc: Document = document,
): boolean {
  const host = target.getRootNode() !== doc ? doc.querySelector(TOOLTIP_HOST_TAG)! : target;
  const pointer = (type: string, on: Element) =>
    on.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        cancelable: true,
        composed: true,
        pointerType: 'touch',
        clientX,
        clientY,
      }),
    );
  for (const type of ['pointerover', 'pointerdown', 'pointermove', 'pointerup', 'pointerout']) pointer(type, host);
  if (focus && target instanceof HTMLElement && target.matches('mark[tabindex], button')) target.focus();
  return pointer('click', target);
}

export const ENTRIES: Record<string, TooltipEntry> = {
  nvidia: {
    id: 'nvidia',
    term: '輝達',
    names: { 'zh-Hans': '英伟达', en: 'Nvidia' },
    aliases: ['英偉達', '英伟达', 'Nvidia', 'NVIDIA'],
    category: 'company',
    context: { 'zh-Hant': '繁體:晶片供應商。', 'zh-Hans': '简体:芯片供应商。', en: 'English: the chip supplier.' },
    section: '中國在訓練人工智慧模型方面面臨嚴峻的挑戰',
    sectionNames: { en: 'China faces serious challenges in training AI models' },
    related: ['huawei', 'no-such-entry'],
    links: [
      { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia' },
      { title: 'Site', url: 'https://www.nvidia.com/' },
    ],
  },
  huawei: {
    id: 'huawei',
    term: '華為',
    aliases: ['华为', 'Huawei'],
    category: 'company',
    context: { 'zh-Hant': '只有繁體說明。' },
    related: ['nvidia'],
  },
  hostile: {
    id: 'hostile',
    term: '<b>Bold</b>',
    aliases: ['<img src=x onerror=alert(1)>'],
    category: 'concept',
    context: '<img src=x onerror=alert(1)> is text',
    section: '<script>alert(2)</script>',
    names: { 'zh-Hans': '<svg onload=alert(3)>' },
    // As tampered storage could hold it: the schema would refuse this link.
    links: [{ title: '<b>Run</b>', url: 'javascript:alert(5)' }],
    sectionNames: { 'zh-Hans': '<iframe src=javascript:alert(4)>' },
  },
};

/** Fills the body with three paragraphs of marks; the second match spans two elements. */
export function buildPage(doc: Document): void {
  doc.body.replaceChildren();
  const p = (...children: (Node | string)[]) => {
    const para = doc.createElement('p');
    para.append(...children);
    doc.body.append(para);
    return para;
  };
  const mark = (id: string, category: string, text: string, start = true) => {
    const m = doc.createElement('mark');
    m.className = 'columnlens-mark';
    m.dataset.glossaryId = id;
    m.dataset.category = category;
    if (start) {
      m.setAttribute('data-columnlens-start', '');
      m.tabIndex = -1;
    }
    m.textContent = text;
    return m;
  };
  p('Chips from ', mark('nvidia', 'company', 'Nvidia'), ' sell well.');
  const b = doc.createElement('b');
  b.append(mark('huawei', 'company', '华', false));
  p('Meanwhile ', mark('huawei', 'company', 'Hua'), b, ' builds.', doc.createElement('input'));
  p('Danger: ', mark('hostile', 'concept', 'Bold'), ' and ', mark('nvidia', 'company', '英伟达'), '.');
}
