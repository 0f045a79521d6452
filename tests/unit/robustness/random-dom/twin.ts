/**
 * The page twice: the live copy in jsdom's document (highlighted) and a twin in a document of
 * its own that no highlighter touches. Every page change is made to both through paired
 * nodes, the way a page script holding references would make it, so at any moment the twin
 * is what the live page would be without ColumnLens.
 */
import fc from 'fast-check';
import { build, item, type Item } from './page-spec';
import { tokens } from './page-text';

export type Mutation =
  | { k: 'data'; at: number; tokens: string[] }
  | { k: 'remove'; at: number }
  | { k: 'append'; at: number; item: Item }
  | { k: 'insertAfter'; at: number; item: Item }
  | { k: 'replace'; at: number; item: Item }
  | { k: 'textContent'; at: number; tokens: string[] }
  | { k: 'wrap'; at: number; tag: string }
  | { k: 'unwrap'; at: number }
  | { k: 'move'; at: number; to: number };

const at = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('data' as const), at, tokens }),
  fc.record({ k: fc.constant('remove' as const), at }),
  fc.record({ k: fc.constant('append' as const), at, item }),
  fc.record({ k: fc.constant('insertAfter' as const), at, item }),
  fc.record({ k: fc.constant('replace' as const), at, item }),
  fc.record({ k: fc.constant('textContent' as const), at, tokens }),
  fc.record({ k: fc.constant('wrap' as const), at, tag: fc.constantFrom('b', 'span', 'div', 'p') }),
  fc.record({ k: fc.constant('unwrap' as const), at }),
  fc.record({ k: fc.constant('move' as const), at, to: at }),
);

/** All nodes under `root` (not `root` itself), in document order. */
export function descendants(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

export class Twin {
  /** Live node → twin node, and back. */
  readonly toTwin = new Map<Node, Node>();
  readonly toLive = new Map<Node, Node>();

  constructor(
    readonly live: Element,
    readonly twin: Element,
  ) {
    this.pair(live, twin);
  }

  /** Builds `spec` into both documents and pairs the new nodes. */
  make(spec: Item): { live: Node[]; twin: Node[] } {
    const live = build(this.live.ownerDocument, spec);
    const twin = build(this.twin.ownerDocument, spec);
    live.forEach((n, i) => this.pair(n, twin[i]!));
    return { live, twin };
  }

  private pair(live: Node, twin: Node): void {
    this.toTwin.set(live, twin);
    this.toLive.set(twin, live);
    const a = [...live.childNodes];
    const b = [...twin.childNodes];
    a.forEach((n, i) => this.pair(n, b[i]!));
  }

  private liveOf = (n: Node) => this.toLive.get(n)!;

  /** The twin nodes a move picks: the node moved and the element it is appended to. */
  moveTargets(m: Extract<Mutation, { k: 'move' }>): { node?: Node; into?: Element } {
    const nodes = descendants(this.twin);
    const elements = nodes.filter((n): n is Element => n.nodeType === 1);
    if (nodes.length === 0) return {};
    return { node: nodes[m.at % nodes.length], into: [this.twin, ...elements][m.to % (elements.length + 1)] };
  }

  /** Applies one page change to both copies. */
  apply(m: Mutation): void {
    const nodes = descendants(this.twin);
    const elements = nodes.filter((n): n is Element => n.nodeType === 1);
    const texts = nodes.filter((n): n is Text => n.nodeType === 3);
    const pick = <T>(list: T[], i: number) => (list.length === 0 ? undefined : list[i % list.length]);
    const both = (twinNode: Node | undefined, change: (n: Node, doc: Document) => void) => {
      if (!twinNode) return;
      change(twinNode, this.twin.ownerDocument);
      change(this.liveOf(twinNode), this.live.ownerDocument);
    };
    switch (m.k) {
      case 'data':
        return both(pick(texts, m.at), (n) => ((n as Text).data = m.tokens.join('')));
      case 'remove':
        return both(pick(nodes, m.at), (n) => n.parentNode!.removeChild(n));
      case 'append':
      case 'insertAfter':
      case 'replace': {
        const target = m.k === 'append' ? pick([this.twin, ...elements], m.at) : pick(nodes, m.at);
        if (!target) return;
        const made = this.make(m.item);
        const place = (n: Node, fresh: Node[]) => {
          if (m.k === 'append') n.appendChild(fragment(n, fresh));
          // A script inserting after its node uses nextSibling, which may now be a node of ours.
          else if (m.k === 'insertAfter') n.parentNode!.insertBefore(fragment(n, fresh), n.nextSibling);
          else n.parentNode!.replaceChild(fragment(n, fresh), n);
        };
        place(target, made.twin);
        place(this.liveOf(target), made.live);
        return;
      }
      case 'textContent': {
        const el = pick([this.twin, ...elements], m.at);
        if (!el) return;
        both(el, (n) => (n.textContent = m.tokens.join('')));
        const made = this.liveOf(el).firstChild;
        if (made) this.pair(made, el.firstChild!);
        return;
      }
      case 'wrap': {
        const target = pick(nodes, m.at);
        if (!target) return;
        const made = {
          t: this.twin.ownerDocument.createElement(m.tag),
          l: this.live.ownerDocument.createElement(m.tag),
        };
        this.pair(made.l, made.t);
        for (const [n, w] of [
          [target, made.t],
          [this.liveOf(target), made.l],
        ] as const) {
          n.parentNode!.insertBefore(w, n);
          w.appendChild(n);
        }
        return;
      }
      case 'unwrap':
        return both(pick(elements, m.at), (n) => {
          while (n.firstChild) n.parentNode!.insertBefore(n.firstChild, n);
          n.parentNode!.removeChild(n);
        });
      case 'move': {
        const { node, into } = this.moveTargets(m);
        if (!node || !into || node === into || node.contains(into)) return;
        into.appendChild(node);
        this.liveOf(into).appendChild(this.liveOf(node));
        return;
      }
    }
  }
}

function fragment(near: Node, nodes: Node[]): DocumentFragment {
  const f = near.ownerDocument!.createDocumentFragment();
  f.append(...nodes);
  return f;
}
