/**
 * Everyday words that are also names ("chips", "talent", 人才, which a pack marks `generic`)
 * are highlighted only on a page that names something of the glossary by a name that is not
 * one: on a news page about Nvidia "chips" is the column's subject, on a recipe it is food.
 *
 * The page is read in order, and an everyday word may come before the first other name (a
 * headline "Chips: …" above the article). Its container is remembered instead, and read again
 * once the gate opens. The gate stays open until the page is read anew (the glossary or the
 * reader's choices change): a page that was about the column does not stop being so because
 * a name scrolled out of a list.
 *
 * Only a name the reader is shown, in the page's own content, opens it. Sina puts 腾讯QQ in
 * the closed share menu of every article, other sites a "latest news" list they hide, or their
 * subjects in a menu (page-chrome.ts): those say nothing about the article, and opened the gate
 * on a story about sport ("中国政府" highlighted beside nothing of the column's).
 */
import type { ScanMatch } from './chunked-scan';

/** From this many held containers on, those the page has removed are let go (an endless feed's). */
const PRUNE_FROM = 1_024;
/** Hidden elements with names kept to look at again (topic-reveal.ts): a menu's worth. */
const HIDDEN_KEPT = 64;

export class TopicGate {
  private named = false;
  /** Containers whose everyday words were held back while the gate was shut. */
  private readonly held = new Set<Node>();
  private pruneAt = PRUNE_FROM;
  /** Elements whose names would have opened the gate but were hidden: the page may show them. */
  private readonly hidden = new Set<Element>();

  /** Whether the page has named something of the glossary by a name that is not an everyday word. */
  get open(): boolean {
    return this.named;
  }

  /**
   * A block's matches, before any is recorded: if they open the gate (a name that is not an
   * everyday word, in text that `tells` what the page is about), the containers that held
   * everyday words back until now, to be read again; otherwise undefined.
   */
  opensWith(matches: readonly ScanMatch[], tells: (match: ScanMatch) => boolean = () => true): Node[] | undefined {
    if (this.named || !matches.some((m) => m.generic !== true && tells(m))) return undefined;
    return this.openNow();
  }

  /** A name that is not an everyday word, in `element`, which the page hides for now. */
  noteHidden(element: Element): void {
    if (this.named || this.hidden.has(element)) return;
    if (this.hidden.size >= HIDDEN_KEPT) {
      // Those the page removed go first, else the oldest: the latest read is nearest the reader.
      for (const kept of this.hidden) if (!kept.isConnected) this.hidden.delete(kept);
      if (this.hidden.size >= HIDDEN_KEPT) this.hidden.delete(this.hidden.values().next().value!);
    }
    this.hidden.add(element);
  }

  /** The hidden elements whose names would open the gate, while it is shut. */
  get hiddenNames(): ReadonlySet<Element> {
    return this.hidden;
  }

  /** The page showed one of `hiddenNames`: the gate opens, and the containers held back are returned to be read again. */
  openNow(): Node[] | undefined {
    if (this.named) return undefined;
    this.named = true;
    const held = [...this.held];
    this.held.clear();
    this.hidden.clear();
    return held;
  }

  /** An everyday word found in `container` while the gate is shut: not shown, not counted. */
  hold(container: Node): void {
    this.held.add(container);
    if (this.held.size < this.pruneAt) return;
    // A feed that never names the column's subject would keep every container it ever showed.
    for (const node of this.held) if (!node.isConnected) this.held.delete(node);
    this.pruneAt = Math.max(PRUNE_FROM, this.held.size * 2);
  }

  clear(): void {
    this.named = false;
    this.held.clear();
    this.hidden.clear();
    this.pruneAt = PRUNE_FROM;
  }
}
