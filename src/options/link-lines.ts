/**
 * A further-reading link as one line of the entry form: its title, its page's language in
 * brackets where it has one, its address ("維基百科 [zh-TW] https://zh.wikipedia.org/zh-tw/輝達").
 * The language decides which readers see the link (see `webLinks`), so the reader sees it and
 * can set it. Pure.
 */
import { LANGUAGE_TAG, type Entry } from '../glossary/schema';
import { webUrl } from '../validate';

export type Link = NonNullable<Entry['links']>[number];

/** A link as the form shows it. A pack's `EN-gb` shows as `en-gb`, the way `readLinkLine` reads tags. */
export function linkLine(link: Link): string {
  if (!link.lang) return `${link.title} ${link.url}`;
  return `${link.title} [${link.lang.replace(/^[A-Za-z]+/, (code) => code.toLowerCase())}] ${link.url}`;
}

/** The link a line of the form writes (an address alone is titled by its host), or undefined where none. */
export function readLinkLine(line: string): Link | undefined {
  const at = line.search(/\S+$/);
  const url = webUrl(line.slice(at));
  if (!url) return undefined;
  const before = line.slice(0, at).trim();
  const tagged = /^(.*?)\s*\[([^\]\s]+)\]$/.exec(before);
  const lang = tagged && isLanguageTag(tagged[2]!) ? tagged[2]! : undefined;
  const title = (lang ? tagged![1]! : before).trim() || url.host;
  return lang ? { title, url: line.slice(at), lang } : { title, url: line.slice(at) };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Whether `text` in brackets is a language, not part of a title: a tag a pack may give, its
 * language code in lower case as tags are written ("[PDF]" and "[New]" stay in the title), and
 * one the browser can name ("[faq]" is no language; "[zh-TW]", "[yue]" and "[ja]" are).
 */
function isLanguageTag(text: string): boolean {
  if (!LANGUAGE_TAG.test(text) || !/^[a-z]{2,3}(?:[-_]|$)/.test(text)) return false;
  try {
    return languageNames.of(text.replace(/_/g, '-')) !== undefined;
  } catch {
    return false;
  }
}
