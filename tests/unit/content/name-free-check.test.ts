// @vitest-environment jsdom
/**
 * Proving a region names nothing without a walk (src/content/name-free-check.ts), and the
 * page read built on it (src/content/page-read.ts): a page found name-free is not walked,
 * its open shadow trees still are, and a page with any name reads exactly as the walk reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossaryView } from '../../../src/content/glossary-view';
import { WINDOW_LENGTH } from '../../../src/content/chunked-scan';
import { namesNothing, openShadowRootsIn, textPieces } from '../../../src/content/name-free-check';
import { PageState, type PendingBlock } from '../../../src/content/page-state';
import { readPage } from '../../../src/content/page-read';
import { readRegion, type GlossaryView, type ReadHooks } from '../../../src/content/reader';
import { matcher } from '../matcher/glossary-fixture';
import { queriesInDocumentOrder } from './document-order-queries';

const FILTERS = { density: 'all' as const, hiddenCategories: new Set<string>() };
const VIEW: GlossaryView = {
  ...glossaryView({ matcher, byId: new Map(), nameLengths: { longest: 12, shortest: 2 } } as never),
};

let undoOrder: () => void;
beforeAll(() => (undoOrder = queriesInDocumentOrder(window)));
afterAll(() => undoOrder());

function run<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The answer for `html`; the same when a match in the whole text sends it to the gaps. */
const nameFree = (html: string) => {
  document.body.innerHTML = html;
  const scanners = { strict: matcher, loose: () => matcher.loose() };
  const answer = run(namesNothing(document.body, scanners, VIEW.maxMatchLength));
  const fromGaps = run(namesNothing(document.body, scanners, VIEW.maxMatchLength, 'Nvidia'));
  expect(fromGaps).toBe(answer);
  return answer;
};

describe('textPieces', () => {
  it('gives the text between excluded elements, with a break for each, their own text left out', () => {
    document.body.innerHTML =
      '<p>One <b>two</b></p><style>.gpu{}</style><div><span>three</span><textarea>typed</textarea>four</div>' +
      '<svg><text>drawn</text></svg><p contenteditable="">edited</p><p>five</p>';
    const pieces = [...textPieces(document.body)].filter((piece) => piece !== undefined);
    expect(pieces).toEqual(['One two', null, 'three', null, 'four', null, null, 'five']);
  });

  it('gives one break for an excluded element with more inside it, and goes on after it', () => {
    document.body.innerHTML =
      '<div><p>one</p><div contenteditable="true"><input><span>typed<button>b</button></span><svg></svg></div>' +
      '<p>two<select><option>o</option></select></p></div><p>three</p>';
    const pieces = [...textPieces(document.body)].filter((piece) => piece !== undefined);
    expect(pieces).toEqual(['one', null, 'two', null, 'three']);
  });

  it('works out nothing ahead for excluded elements it has not reached', () => {
    // A check whose first gap already matches stops there: the gaps further on cost nothing.
    document.body.innerHTML = '<p>first gap</p><button>b</button>' + '<div><p>later</p><input></div>'.repeat(1_000);
    // DOM calls of the code under test, not of jsdom's selector engine while it queries.
    const query = Element.prototype.querySelectorAll;
    const contains = Node.prototype.contains;
    const parentNode = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!;
    let inQuery = false;
    let calls = 0;
    Element.prototype.querySelectorAll = function (this: Element, selectors: string) {
      inQuery = true;
      try {
        return query.call(this, selectors);
      } finally {
        inQuery = false;
      }
    } as typeof query;
    Node.prototype.contains = function (this: Node, other: Node | null) {
      if (!inQuery) calls++;
      return contains.call(this, other);
    };
    Object.defineProperty(Node.prototype, 'parentNode', {
      ...parentNode,
      get(this: Node) {
        if (!inQuery) calls++;
        return parentNode.get!.call(this);
      },
    });
    try {
      const pieces = textPieces(document.body);
      const read: (string | null)[] = [];
      for (let next = pieces.next(); !next.done && read.length < 2; next = pieces.next())
        if (next.value !== undefined) read.push(next.value);
      expect(read).toEqual(['first gap', null]);
      expect(calls).toBeLessThan(10);
    } finally {
      Element.prototype.querySelectorAll = query;
      Node.prototype.contains = contains;
      Object.defineProperty(Node.prototype, 'parentNode', parentNode);
    }
  });

  it('only reads more, never less, when a selector engine breaks document order', () => {
    // Browsers keep to document order; were one not to, no readable text may go missing.
    const sorted = Element.prototype.querySelectorAll;
    Element.prototype.querySelectorAll = function (this: Element, selectors: string) {
      return [...sorted.call(this, selectors)].reverse() as unknown as NodeListOf<Element>;
    } as typeof sorted;
    try {
      document.body.innerHTML =
        '<div><button>a</button><p>one</p><input></div><p>two <b>three</b></p><svg></svg><p>four</p>';
      const text = [...textPieces(document.body)].filter((piece) => typeof piece === 'string').join('|');
      for (const readable of ['one', 'two three', 'four']) expect(text).toContain(readable);
      expect(nameFree('<p>x</p><button>b</button><p>Nvidia</p><input><p>y</p><select></select>')).toBe(false);
    } finally {
      Element.prototype.querySelectorAll = sorted;
    }
  });

  it('gives the whole text in one piece when nothing is excluded', () => {
    document.body.innerHTML = '<p>One</p><div><p>two <i>three</i></p></div>';
    expect([...textPieces(document.body)].filter((piece) => piece !== undefined)).toEqual(['Onetwo three']);
  });
});

describe('namesNothing', () => {
  it('is false when a name is in the readable text, even split over inline elements', () => {
    expect(nameFree('<p>Plain words.</p><p>Then <b>Nvi</b>dia.</p>')).toBe(false);
    expect(nameFree('<div><button>Go</button><p>英偉<em>達</em></p></div>')).toBe(false);
  });

  it('is false for a name at a block boundary the text loses ("Home" + "Nvidia" reads "HomeNvidia")', () => {
    expect(nameFree('<ul><li>Home</li><li>Nvidia</li></ul>')).toBe(false);
  });

  it('is true when names appear only where the walk never reads', () => {
    expect(
      nameFree(
        '<p>Nothing to see.</p><style>.Nvidia{}</style><textarea>Nvidia</textarea><script>"GPU"</script>' +
          '<div contenteditable="true">Alibaba</div><svg><title>OpenAI</title></svg><p>Still nothing.</p>',
      ),
    ).toBe(true);
  });

  it('is false for ruby, where the walk joins text the page text interrupts', () => {
    expect(nameFree('<p>Nothing here.</p><ruby>漢<rt>han</rt>字</ruby>')).toBe(false);
  });

  it('scans a long gap as it grows, and stops at its first match', () => {
    // One gap of 5,000 paragraphs (the only excluded element is at the end), a name in the first.
    document.body.innerHTML =
      '<p>Nvidia</p>' + `<p>${'Filler words without names. '.repeat(4)}</p>`.repeat(5_000) + '<button>b</button>';
    const scanners = { strict: matcher, loose: () => matcher.loose() };
    const whole = document.body.textContent ?? '';
    const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
    let reads = 0;
    Object.defineProperty(Node.prototype, 'textContent', {
      ...textContent,
      get(this: Node) {
        reads++;
        return textContent.get!.call(this);
      },
    });
    try {
      expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength, whole))).toBe(false);
    } finally {
      Object.defineProperty(Node.prototype, 'textContent', textContent);
    }
    // 32k characters are about 300 of these paragraphs.
    expect(reads).toBeLessThan(1_000);
  });

  it('still finds a match across the place where a growing gap was scanned', () => {
    // The first paragraph alone fills the first scan, ending in "Nvi"; "dia" comes next.
    const first = 'x '.repeat((WINDOW_LENGTH + VIEW.maxMatchLength) / 2 + 10) + 'Nvi';
    document.body.innerHTML = `<p>${first}</p><p>dia and more</p><button>b</button>`;
    const scanners = { strict: matcher, loose: () => matcher.loose() };
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength, 'Nvidia'))).toBe(false);
    document.body.innerHTML = `<p>${first}</p><p>and more</p><button>b</button>`;
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength, 'Nvidia'))).toBe(true);
  });

  it('asks the strict scanner first, so a page naming the glossary early never builds the loose one', () => {
    let built = 0;
    const scanners = { strict: matcher, loose: () => (built++, matcher.loose()) };
    document.body.innerHTML = '<p>Nvidia said so. </p>' + '<p>More text without names.</p>'.repeat(2_000);
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength))).toBe(false);
    expect(built).toBe(0);
    document.body.innerHTML = '<ul><li>Home</li><li>Nvidia</li></ul>'; // only the loose scan sees it
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength))).toBe(false);
    expect(built).toBe(1);
  });

  it('is true for a page without any name', () => {
    expect(nameFree('<main><h1>Weather</h1><p>Sunny, then rain. 今天天氣很好。</p></main>')).toBe(true);
  });
});

describe('openShadowRootsIn', () => {
  it('finds open shadow roots on built-in and custom elements, not inside excluded ones or nested trees', () => {
    document.body.innerHTML =
      '<div id="a"></div><p><x-card id="b"></x-card></p><button><span id="c"></span></button><div id="d"></div>';
    const roots = ['a', 'b', 'c'].map((id) => document.getElementById(id)!.attachShadow({ mode: 'open' }));
    roots[0]!.innerHTML = '<span id="nested"></span>';
    roots[0]!.getElementById('nested')!.attachShadow({ mode: 'open' });
    document.getElementById('d')!.attachShadow({ mode: 'closed' });
    const found = [...openShadowRootsIn(document.body)].filter(Boolean);
    expect(found).toEqual([roots[0], roots[1]]);
  });
});

describe('openShadowRootsIn, when the page changes while it is paused', () => {
  it('gives up (false) once the element it had reached is gone, and finishes otherwise', () => {
    const many = '<span></span>'.repeat(2_100);
    document.body.innerHTML = many;
    const search = openShadowRootsIn(document.body);
    expect(search.next()).toEqual({ done: false, value: undefined }); // the first pause point
    document.body.replaceChildren();
    expect(search.next()).toEqual({ done: true, value: false });
    document.body.innerHTML = many;
    expect([...openShadowRootsIn(document.body)].every((x) => x === undefined)).toBe(true);
  });
});

/** Reads the page as its first read does, with the check from `checkFrom` elements. */
function readWithCheck(checkFrom: number) {
  const pending: PendingBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const opened: Node[] = [];
  const page = new PageState();
  const hooks: ReadHooks = {
    forget() {},
    shadowRoot: (root) => void shadowRoots.push(root),
    lost() {},
    pending: (block) => void pending.push(block),
  };
  const open = page.opened.bind(page);
  page.opened = (walk, container) => {
    opened.push(container);
    open(walk, container);
  };
  run(readPage(document.body, VIEW, FILTERS, page, hooks, { fromElements: checkFrom, maxCharsPerElement: Infinity }));
  const names = pending.flatMap((b) => b.matches.map((m) => m.pieces.map((p) => p.text).join('')));
  return { names, shadowRoots, opened, page };
}

describe('readPage', () => {
  const bigPage = (extra: string) =>
    Array.from({ length: 300 }, (_, i) => `<div><p>Paragraph ${i} <span>says</span> nothing.</p></div>`).join('') +
    extra;

  it('walks nothing of a name-free page but reads its shadow trees', () => {
    document.body.innerHTML = bigPage('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: Nvidia and 阿里巴巴</p>';
    const { names, shadowRoots, opened } = readWithCheck(0);
    expect(names).toEqual(['Nvidia', '阿里巴巴']);
    expect(shadowRoots).toEqual([shadow]);
    // No container of the light DOM was read: only the shadow tree and its blocks.
    expect(opened[0]).toBe(shadow);
    expect(opened.every((node) => node === shadow || shadow.contains(node))).toBe(true);
  });

  it('reads a page with one name exactly as the walk does', () => {
    document.body.innerHTML = bigPage('<ul><li>Home</li><li>Nvidia</li></ul><p>Alibaba Cloud</p>');
    const checked = readWithCheck(0);
    const pending: PendingBlock[] = [];
    const hooks: ReadHooks = { forget() {}, shadowRoot() {}, lost() {}, pending: (b) => void pending.push(b) };
    run(readRegion(document.body, false, VIEW, FILTERS, new PageState(), hooks));
    const walked = pending.flatMap((b) => b.matches.map((m) => m.pieces.map((p) => p.text).join('')));
    expect(checked.names).toEqual(['Nvidia', 'Alibaba Cloud']);
    expect(checked.names).toEqual(walked);
  });

  it('walks a region below the element count without checking it', () => {
    document.body.innerHTML = '<p>Nothing.</p>';
    const { opened } = readWithCheck(10_000);
    expect(opened).toContain(document.body);
  });

  it('walks a region whose text is long for its elements without checking it', () => {
    document.body.innerHTML = `<p>${'Nothing at all. '.repeat(100)}</p>`;
    const pending: PendingBlock[] = [];
    const opened: Node[] = [];
    const page = new PageState();
    const open = page.opened.bind(page);
    page.opened = (walk, container) => {
      opened.push(container);
      open(walk, container);
    };
    const hooks: ReadHooks = { forget() {}, shadowRoot() {}, lost() {}, pending: (b) => void pending.push(b) };
    run(readPage(document.body, VIEW, FILTERS, page, hooks, { fromElements: 0, maxCharsPerElement: 20 }));
    expect(opened).toContain(document.body);
    opened.length = 0;
    run(readPage(document.body, VIEW, FILTERS, page, hooks, { fromElements: 0, maxCharsPerElement: 2_000 }));
    expect(opened).toEqual([]);
  });
});
