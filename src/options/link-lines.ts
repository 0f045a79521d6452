/**
 * A further-reading link as one line of the entry form: its title, its page's language in
 * brackets where it has one, its address ("維基百科 [zh-TW] https://zh.wikipedia.org/zh-tw/輝達").
 * The language decides which readers see the link (see `webLinks`), so the reader sees it and
 * can set it. Pure.
 */
import { LANGUAGE_TAG, type Entry } from '../glossary/schema';
import { webUrl } from '../validate';

export type Link = NonNullable<Entry['links']>[number];

/** A link's language as the form shows it: `EN-gb` as `en-gb`, its language code in lower case as tags are written. */
const shownTag = (lang: string) => lang.replace(/^[A-Za-z]+/, (code) => code.toLowerCase());

/** A link as the form shows it. */
export function linkLine(link: Link): string {
  return link.lang ? `${link.title} [${shownTag(link.lang)}] ${link.url}` : `${link.title} ${link.url}`;
}

/** The languages of `links` as the form shows them, which `readLinkLine` reads back as languages whatever the browser knows. */
export function shownTags(links: readonly Link[]): Set<string> {
  return new Set(links.flatMap((link) => (link.lang ? [shownTag(link.lang)] : [])));
}

/**
 * Brackets around a language at the end of the title: ASCII, or the full-width ［］ and 【】 a
 * Chinese input method types for them.
 */
const TAGGED = /^(.*?)\s*[[［【]([^\]］】\s]+)[\]］】]$/;

/** An address written straight after a closing bracket, as Chinese is typed without spaces. */
const GLUED = /[\]］】](?=https?:\/\/)/i;

/**
 * Chinese words for a script or language, which a reader typing Chinese puts in brackets
 * without leaving the input method for a code ("維基百科【繁體】https://…"). Only words that
 * name one reader language: 中文 alone says neither script, and stays in the title.
 */
const LANGUAGE_WORDS: Readonly<Record<string, string>> = {
  繁體: 'zh-Hant',
  繁体: 'zh-Hant',
  繁中: 'zh-Hant',
  正體: 'zh-Hant',
  正体: 'zh-Hant',
  繁體中文: 'zh-Hant',
  繁体中文: 'zh-Hant',
  簡體: 'zh-Hans',
  简体: 'zh-Hans',
  簡中: 'zh-Hans',
  简中: 'zh-Hans',
  簡體中文: 'zh-Hans',
  简体中文: 'zh-Hans',
  英文: 'en',
  英語: 'en',
  英语: 'en',
};

/** A line of the form as read: its link, or none; `mistyped`, a bracket that reads as a language tag gone wrong. */
export interface LinkLineRead {
  link?: Link;
  mistyped?: string;
}

/**
 * The link a line of the form writes (an address alone is titled by its host), or none. A
 * bracket may hold a language's tag or one of its `LANGUAGE_WORDS`, saved as its tag.
 * `known`: languages read as such even where the browser cannot name them (the entry's own,
 * `shownTags`: Chromium names neither `zh-yue` nor `nan`). A bracket in full-width letters
 * (［ｚｈ－ＴＷ］, an input method in full-width mode) is read as typed in ASCII.
 */
export function readLinkLine(line: string, known: ReadonlySet<string> = new Set()): LinkLineRead {
  let at = line.search(/\S+$/);
  const glued = GLUED.exec(line.slice(at));
  if (glued) at += glued.index + 1;
  const url = webUrl(line.slice(at));
  if (!url) return {};
  const before = line.slice(0, at).trim();
  const tagged = TAGGED.exec(before);
  const text = tagged?.[2]!.normalize('NFKC');
  const word = text === undefined ? undefined : LANGUAGE_WORDS[text];
  const reading = text === undefined ? 'title' : word || known.has(text) ? 'language' : readTag(text);
  const title = (reading === 'language' ? tagged![1]! : before).trim() || url.host;
  if (reading === 'language') return { link: { title, url: line.slice(at), lang: word ?? text! } };
  const link = { title, url: line.slice(at) };
  return reading === 'mistyped' ? { link, mistyped: text! } : { link };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether the browser can name `tag` as a language (it throws on what it cannot parse). */
function named(tag: string): boolean {
  try {
    return languageNames.of(tag) !== undefined;
  } catch {
    return false;
  }
}

/**
 * How `text` in brackets reads:
 * - `language`: a tag a pack may give, which the browser can name ("[zh-TW]", "[yue]", "[ja]").
 *   A code alone is one only in lower case, as tags are written, where "[ZH-TW]" is a language.
 *   Chinese with its language after it (`zh-yue`), which Chromium cannot name, is named as that
 *   language (`yue`).
 * - `mistyped`: a language code the browser names, then a part that spoils it ("zh-TWW",
 *   "en-PDF").
 * - `title`: part of the title ("[PDF]", "[New]", "[faq]", "[2024]").
 */
function readTag(text: string): 'language' | 'mistyped' | 'title' {
  if (!LANGUAGE_TAG.test(text)) return 'title';
  const [code = '', ...rest] = text.replace(/_/g, '-').split('-');
  const lowerCode = code === code.toLowerCase();
  if (rest.length === 0) return lowerCode && named(code) ? 'language' : 'title';
  if (named([code, ...rest].join('-'))) return 'language';
  if (/^[a-z]{3}$/i.test(rest[0]!) && named(rest.join('-'))) return 'language';
  return lowerCode && named(code) ? 'mistyped' : 'title';
}
