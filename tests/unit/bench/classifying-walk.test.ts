// @vitest-environment jsdom
/**
 * The benchmark's classifying walk stands for the least a reader of blocks must do, so it
 * must read exactly the text ColumnLens reads, cut into the same runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyingWalk, readingRules } from '../../bench/lib/classifying-walk';
import { seededRandom } from '../../bench/lib/seeded-random';
import { walkBlocks, type Block } from '../../../src/content/blocks';

/** Runs and characters as the product's walk finds them (link edges aside: no links here). */
function productRuns(): { runs: number; chars: number } {
  const blocks = [...walkBlocks(document.body)].filter((b): b is Block => b !== undefined);
  return { runs: blocks.length, chars: blocks.reduce((sum, b) => sum + b.text.length, 0) };
}

function walked(): { runs: number; chars: number } {
  const { runs, chars } = classifyingWalk(readingRules());
  return { runs, chars };
}

/** Elements of every kind the rules know, attributes included; no links (their edges add a separator). */
const MAKERS: ((doc: Document) => Element)[] = [
  (d) => d.createElement('p'),
  (d) => d.createElement('div'),
  (d) => d.createElement('li'),
  (d) => d.createElement('span'),
  (d) => d.createElement('b'),
  (d) => d.createElement('em'),
  (d) => d.createElement('ruby'),
  (d) => d.createElement('rt'),
  (d) => d.createElement('br'),
  (d) => d.createElement('script'),
  (d) => d.createElement('button'),
  (d) => d.createElementNS('http://www.w3.org/2000/svg', 'svg'),
  (d) => d.createElement('x-card'),
  (d) => {
    const el = d.createElement('div');
    el.setAttribute('contenteditable', 'true');
    return el;
  },
  (d) => {
    const el = d.createElement('span');
    el.setAttribute('role', 'textbox');
    return el;
  },
  (d) => {
    const el = d.createElement('span');
    el.className = 'note';
    return el;
  },
];

function randomTree(seed: number): void {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const fill = (parent: Element, depth: number) => {
    const children = 1 + Math.floor(next() * 4);
    for (let i = 0; i < children; i++) {
      if (depth > 3 || next() < 0.4) {
        parent.append(document.createTextNode(pick(['Nvidia', '英伟达', '輝達 ', 'chips', '晶片'])));
      } else {
        const el = pick(MAKERS)(document);
        parent.append(el);
        fill(el, depth + 1);
      }
    }
  };
  fill(document.body, 0);
}

beforeEach(() => document.body.replaceChildren());

describe('the classifying walk', () => {
  it('cuts runs where the product does and leaves out what it leaves out', () => {
    document.body.innerHTML =
      '<p>Nvidia <b>and</b> 英伟达</p>text<br>more<div>漢<rt>han</rt>字<span contenteditable="">typed</span>after</div>' +
      '<script>code()</script><x-card>card</x-card><button>Buy</button><span role="textbox">field</span><em>end</em>';
    // "Nvidia and 英伟达" | "text" | "more" | "漢字" | "after" | "card" | "end"
    expect(walked()).toEqual({ runs: 7, chars: 14 + 4 + 4 + 2 + 5 + 4 + 3 });
    expect(walked()).toEqual(productRuns());
  });

  it('reads what the product reads on random pages', () => {
    for (let seed = 1; seed <= 200; seed++) {
      document.body.replaceChildren();
      randomTree(seed);
      expect(walked(), `seed ${seed}`).toEqual(productRuns());
    }
  });
});
