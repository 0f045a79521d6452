/**
 * What the tooltip reads from a glossary entry, and the pure text choices it makes.
 * A structural subset of the active glossary's RuntimeEntry, so the tooltip does not
 * depend on how the glossary is stored or compiled (and no zod reaches the content script).
 */
import { everyName, type DisplayNames } from '../glossary/entry-names';
import { readerLanguageOf, type ReaderLanguage } from '../i18n/language';
import { fold, foldChanges } from '../matcher/fold';
import { webUrl } from '../validate';

export interface TooltipEntry {
  id: string;
  term: string;
  names?: DisplayNames;
  aliases: readonly (string | { text: string })[];
  category: string;
  context: string | { readonly 'zh-Hant'?: string; readonly 'zh-Hans'?: string; readonly en?: string };
  section?: string;
  /** The section's title in the reader languages. */
  sectionNames?: DisplayNames;
  related?: readonly string[];
  /** Further reading; only http(s) links are ever drawn (`webLinks`). */
  links?: readonly { readonly title: string; readonly url: string; readonly lang?: string }[];
}

/** What the related list needs of another entry: the index has it, the details need not be read. */
export type RelatedNames = Pick<TooltipEntry, 'term' | 'names'>;

/** At most this many other names are listed; a pack may carry up to 64 per entry. */
export const MAX_NAMES = 12;
/** At most this many related entries are listed. */
export const MAX_RELATED = 8;
/** At most this many further-reading links are listed. */
export const MAX_LINKS = 4;

/**
 * Which note, or linked page, to show when none is in the reader's language. Chinese readers
 * read the other script far more easily than English; English readers get the column's own
 * script.
 */
const FALLBACKS: Record<ReaderLanguage, readonly ReaderLanguage[]> = {
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'en'],
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'en'],
  en: ['en', 'zh-Hant', 'zh-Hans'],
};

/** A link the tooltip may draw. */
export interface WebLink {
  title: string;
  url: string;
  /** The linked page's language as the pack tags it (`zh-TW`), for the anchor's `hreflang`. */
  hreflang?: string;
}

/**
 * The links to draw for a reader of `language`: absolute http(s) URLs with a title. The pack
 * schema refuses anything else, but details come from storage, which this checks only
 * loosely, and a `javascript:` link must never be clickable whatever storage holds.
 *
 * A link to a page in one of the reader languages is shown only to readers of that language,
 * or, when the entry has none in theirs, of the nearest one (as notes fall back): a Chinese
 * reader gets the Chinese Wikipedia article in their script, not the English one beside it.
 * Links in no language, or in another one, are shown to everyone, after the reader's own
 * where there are more than MAX_LINKS; all in the pack's order, each address once.
 */
export function webLinks(links: unknown, language: ReaderLanguage): WebLink[] {
  if (!Array.isArray(links)) return [];
  const safe: (WebLink & { readerLanguage?: ReaderLanguage })[] = [];
  for (const link of links as unknown[]) {
    const { title, url, lang } = (link ?? {}) as { title?: unknown; url?: unknown; lang?: unknown };
    if (typeof title !== 'string' || !title.trim() || typeof url !== 'string') continue;
    const parsed = webUrl(url);
    if (!parsed) continue;
    // As HTML writes a language tag: zh_Hant, as some tools write it, is no hreflang.
    const tag = typeof lang === 'string' && lang.trim() ? lang.trim().replace(/_/g, '-') : undefined;
    safe.push({
      title: title.trim(),
      url: parsed.href,
      hreflang: tag,
      readerLanguage: tag ? readerLanguageOf(tag) : undefined,
    });
  }
  const present = new Set(safe.map((link) => link.readerLanguage));
  const nearest = FALLBACKS[language].find((l) => present.has(l));
  const own = safe.filter((link) => link.readerLanguage && link.readerLanguage === nearest);
  const everyone = safe.filter((link) => !link.readerLanguage);
  // The reader's own first; an address shown already (two lines, or another language's) once.
  const shown = new Set<WebLink>();
  const addresses = new Set<string>();
  for (const link of [...own, ...everyone]) {
    if (shown.size === MAX_LINKS) break;
    if (addresses.has(link.url)) continue;
    addresses.add(link.url);
    shown.add(link);
  }
  return safe
    .filter((link) => shown.has(link))
    .map(({ title, url, hreflang }) => (hreflang ? { title, url, hreflang } : { title, url }));
}

export interface PickedNote {
  text: string;
  /** The note's language when the pack says it; undefined for a single untagged note. */
  language?: ReaderLanguage;
}

/** The note in the reader's language, or the nearest one available. Never converts text. */
export function pickNote(context: TooltipEntry['context'], language: ReaderLanguage): PickedNote | undefined {
  if (typeof context === 'string') return context.trim() ? { text: context } : undefined;
  for (const candidate of FALLBACKS[language]) {
    const text = context[candidate];
    if (text?.trim()) return { text, language: candidate };
  }
  return undefined;
}

/**
 * The entry's names other than `shown`, in pack order (term, aliases, display names) within
 * the reader's order below, minus repeats that differ only in letter case or spacing (NVIDIA
 * after Nvidia, 生成式 AI after 生成式AI, Moonshot  AI after Moonshot AI add nothing), each
 * with its spaces as one.
 * A Chinese reader also gets each name once in their own script: 英偉達 beside 英伟达 tells a
 * reader of either script nothing new (the highlights find both), while 輝達 beside 英伟达 is
 * another word, and stays. English readers, who may meet either script, get both.
 * Each reader gets the names in their own language first, the rest after in pack order: an
 * English reader the names without Chinese characters; a Chinese reader those with them, the
 * other script's last. Taiwan's words for a thing (中國晶片產業) fold to no mainland name
 * (中国芯片产业), so both are listed, and pack order put English spellings and the other
 * script's words first often enough to push the reader's own (中国芯, 中國芯) behind "+N".
 */
export function otherNames(
  entry: Pick<TooltipEntry, 'term' | 'names' | 'aliases'>,
  shown: string,
  language: ReaderLanguage = 'en',
): string[] {
  const byScript = language !== 'en';
  const keyOf = (text: string) => {
    const spaced = text.replace(/ ?(\p{Script=Han}) ?/gu, '$1');
    return byScript ? fold(spaced) : spaced.toLowerCase();
  };
  const shownKey = keyOf(oneSpaced(shown));
  const groups = new Map<string, string[]>();
  for (const name of everyName(entry)) {
    const text = oneSpaced(name);
    const key = keyOf(text);
    if (!text || key === shownKey) continue;
    const group = groups.get(key);
    if (!group) groups.set(key, [text]);
    else if (!group.some((other) => other.toLowerCase() === text.toLowerCase())) group.push(text);
  }
  const names = [...groups.values()].map((group) => (byScript ? inScriptOf(language, group) : group[0]!));
  const otherScript = language === 'zh-Hans' ? isTraditional : isSimplified;
  // 0: the reader's own; 1: another language; 2: a Chinese reader's other script.
  const rank = (name: string) => {
    const chinese = HAN.test(name);
    if (!byScript) return chinese ? 1 : 0;
    if (!chinese) return 1;
    return otherScript(name) ? 2 : 0;
  };
  // A stable sort: pack order within each rank.
  return names
    .map((name) => ({ name, rank: rank(name) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ name }) => name);
}

/** `text` trimmed, each run of spaces (two typed, a tab, a line break) one space. */
const oneSpaced = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Han characters that folding changes are Traditional (or a regional variant) only. */
const HAN = /\p{Script=Han}/u;
const isTraditional = (text: string) => [...text].some((ch) => HAN.test(ch) && fold(ch) !== ch);

/**
 * The characters Traditional ones fold to (国 for 國), found once from the fold table. Not
 * those that compatibility ideographs (U+F900–FAFF, 度 for 度) fold to: both scripts write them.
 */
let foldTargets: Set<number> | undefined;
function simplifiedForms(): Set<number> {
  if (!foldTargets) {
    foldTargets = new Set();
    // The table's few thousand changed units, not a fold of every ideograph (90 ms at a first hover).
    for (const change of foldChanges()) {
      const unit = change >>> 16;
      if ((unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0x4e00 && unit <= 0x9fff)) foldTargets.add(change & 0xffff);
    }
  }
  return foldTargets;
}

/**
 * Written in Simplified: no Traditional character, and one that Traditional writes otherwise
 * (中国芯片产业). A name of characters both scripts share (百度) is neither; one whose only such
 * character both also use (台北, 台 for 臺) is taken for Simplified, and only listed later.
 */
const isSimplified = (text: string) =>
  !isTraditional(text) && [...text].some((ch) => HAN.test(ch) && simplifiedForms().has(ch.charCodeAt(0)));

/** Of names written alike but for their script, the first in the reader's script (else the first). */
function inScriptOf(language: ReaderLanguage, group: readonly string[]): string {
  const wanted = language === 'zh-Hant';
  return group.find((name) => isTraditional(name) === wanted) ?? group[0]!;
}
