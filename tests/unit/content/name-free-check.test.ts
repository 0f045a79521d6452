// @vitest-environment jsdom
/**
 * Proving a region names nothing without a walk (src/content/name-free-check.ts), and the
 * page read built on it (src/content/page-read.ts): a page found name-free is not walked,
 * its open shadow trees still are, and a page with any name reads exactly as the walk reads it.
 */
import { describe, expect, it } from 'vitest';
import { glossaryView } from '../../../src/content/glossary-view';
import { namesNothing, openShadowRootsIn, textPieces } from '../../../src/content/name-free-check';
import { PageState, type PendingBlock } from '../../../src/content/page-state';
import { readPage } from '../../../src/content/page-read';
import { readRegion, type GlossaryView, type ReadHooks } from '../../../src/content/reader';
import { matcher } from '../matcher/glossary-fixture';

const FILTERS = { density: 'all' as const, hiddenCategories: new Set<string>() };
const VIEW: GlossaryView = {
  ...glossaryView({ matcher, byId: new Map(), nameLengths: { longest: 12, shortest: 2 } } as never),
};

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

  it('gives up where the whole text has a match and the gaps are not to be read', () => {
    document.body.innerHTML = '<p>Nothing to see.</p><style>.Nvidia{}</style><p>Still nothing.</p>';
    const scanners = { strict: matcher, loose: () => matcher.loose() };
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength))).toBe(true);
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength, undefined, { readGaps: false }))).toBe(false);
    document.body.innerHTML = '<p>Nothing to see.</p><p>Still nothing.</p>';
    expect(run(namesNothing(document.body, scanners, VIEW.maxMatchLength, undefined, { readGaps: false }))).toBe(true);
  });

  it('asks about ruby only of text it found nothing in, and pauses before what follows a match', () => {
    const log: string[] = [];
    const body = document.body;
    const query = body.querySelector.bind(body);
    body.querySelector = ((selector: string) => (log.push('query'), query(selector))) as typeof body.querySelector;
    const scanners = {
      strict: matcher,
      loose: () => {
        const loose = matcher.loose();
        return { scan: (text: string) => (log.push('scan'), loose.scan(text)) };
      },
    };
    const steps = (html: string) => {
      body.innerHTML = html;
      log.length = 0;
      const answer = namesNothing(body, scanners, VIEW.maxMatchLength, undefined, { readGaps: false });
      for (let next = answer.next(); ; next = answer.next()) {
        if (next.done) return [...log, `done:${next.value}`];
        log.push('pause');
      }
    };
    try {
      // Only the loose scan sees "HomeNvidia"; the caller's walk must start in a new step.
      const found = steps('<p>Nothing to see.</p><ul><li>Home</li><li>Nvidia</li></ul>');
      expect(found).not.toContain('query');
      expect(found.slice(-3)).toEqual(['scan', 'pause', 'done:false']);
      expect(steps('<p>Nothing to see.</p>').slice(-3)).toEqual(['pause', 'query', 'done:true']);
    } finally {
      delete (body as { querySelector?: unknown }).querySelector;
    }
  });

  it('is false for ruby, where the walk joins text the page text interrupts', () => {
    expect(nameFree('<p>Nothing here.</p><ruby>漢<rt>han</rt>字</ruby>')).toBe(false);
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

/** The check on every region, its gaps read whatever their size. */
const CHECK_WHEN_ALL = { fromElements: 0, maxCharsPerElement: Infinity, gapsUpToElements: Infinity };

/** Reads the page as its first read does, with the check from `checkFrom` elements (gaps read up to `gapsUpTo`). */
function readWithCheck(checkFrom: number, gapsUpTo = Infinity) {
  const pending: PendingBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const unattached: Element[] = [];
  const opened: Node[] = [];
  const page = new PageState();
  const hooks: ReadHooks = {
    forget() {},
    shadowRoot: (root) => void shadowRoots.push(root),
    unattachedHost: (host) => void unattached.push(host),
    lost() {},
    pending: (block) => void pending.push(block),
  };
  const open = page.opened.bind(page);
  page.opened = (walk, container) => {
    opened.push(container);
    open(walk, container);
  };
  run(
    readPage(document.body, VIEW, FILTERS, page, hooks, {
      ...CHECK_WHEN_ALL,
      fromElements: checkFrom,
      gapsUpToElements: gapsUpTo,
    }),
  );
  const names = pending.flatMap((b) => b.matches.map((m) => m.pieces.map((p) => p.text).join('')));
  return { names, shadowRoots, unattached, opened, page };
}

describe('readPage', () => {
  const bigPage = (extra: string) =>
    Array.from({ length: 300 }, (_, i) => `<div><p>Paragraph ${i} <span>says</span> nothing.</p></div>`).join('') +
    extra;

  it('hands over custom elements without a shadow tree, which may attach one later, walked or not', () => {
    document.body.innerHTML = bigPage('<late-card-x></late-card-x><div id="host"></div><p>no-dash</p>');
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<inner-card-x>x</inner-card-x>';
    const card = document.querySelector('late-card-x');
    const inner = document.getElementById('host')!.shadowRoot!.querySelector('inner-card-x');
    // Not walked (proved name-free), and walked.
    expect(readWithCheck(0).unattached).toEqual([card, inner]);
    expect(readWithCheck(Infinity).unattached).toEqual([card, inner]);
  });

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

  it('reads the gaps of a region up to its bound, and walks a larger one with a match in its text', () => {
    document.body.innerHTML = bigPage('<style>.Nvidia{}</style>');
    const elements = document.body.getElementsByTagName('*').length;
    expect(readWithCheck(0, elements).opened).toEqual([]);
    expect(readWithCheck(0, elements - 1).opened).toContain(document.body);
  });

  it('counts the elements and reads the text in steps of their own', () => {
    document.body.innerHTML = bigPage('');
    const log: string[] = [];
    const body = document.body;
    const count = body.getElementsByTagName.bind(body);
    body.getElementsByTagName = ((name: string) => (
      log.push('count'),
      count(name)
    )) as typeof body.getElementsByTagName;
    const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
    Object.defineProperty(body, 'textContent', {
      configurable: true,
      get: () => (log.push('text'), text.get!.call(body)),
    });
    try {
      const steps = readPage(
        body,
        VIEW,
        FILTERS,
        new PageState(),
        { forget() {}, shadowRoot() {}, lost() {}, pending() {} },
        CHECK_WHEN_ALL,
      );
      while (!steps.next().done) log.push('pause');
    } finally {
      delete (body as { getElementsByTagName?: unknown }).getElementsByTagName;
      delete (body as { textContent?: unknown }).textContent;
    }
    expect(log.slice(0, 4)).toEqual(['count', 'pause', 'text', 'pause']);
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
    run(readPage(document.body, VIEW, FILTERS, page, hooks, { ...CHECK_WHEN_ALL, maxCharsPerElement: 20 }));
    expect(opened).toContain(document.body);
    opened.length = 0;
    run(readPage(document.body, VIEW, FILTERS, page, hooks, { ...CHECK_WHEN_ALL, maxCharsPerElement: 2_000 }));
    expect(opened).toEqual([]);
  });

  it("tells a text-heavy region by a sample, without reading the region's text", () => {
    document.body.innerHTML = `<p>${'Nothing at all. '.repeat(100)}</p>`.repeat(50);
    let textReads = 0;
    const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
    Object.defineProperty(document.body, 'textContent', {
      configurable: true,
      get: () => (textReads++, text.get!.call(document.body)),
    });
    const hooks: ReadHooks = { forget() {}, shadowRoot() {}, lost() {}, pending() {} };
    try {
      run(
        readPage(document.body, VIEW, FILTERS, new PageState(), hooks, { ...CHECK_WHEN_ALL, maxCharsPerElement: 20 }),
      );
      expect(textReads).toBe(0);
      run(
        readPage(document.body, VIEW, FILTERS, new PageState(), hooks, {
          ...CHECK_WHEN_ALL,
          maxCharsPerElement: 2_000,
        }),
      );
      expect(textReads).toBe(1);
    } finally {
      delete (document.body as { textContent?: unknown }).textContent;
    }
  });
});
