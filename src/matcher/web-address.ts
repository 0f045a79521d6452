/**
 * Latin names inside web addresses, e-mail addresses and dotted identifiers are not mentions:
 * `pan.baidu.com` is a link, `www.hunyuan.gov.cn` a county's site (渾源縣, not Tencent's
 * model), `press@nvidia.com` an address, `openai.ChatCompletion` code, and
 * `https://github.com/baichuan-inc` and `github.com/openai/whisper` paths. A highlight there splits text a reader copies
 * whole, and its note speaks of something the text does not. Only hits reach this code.
 */

/** How far back a URL's scheme is looked for: a longer run without a space is not prose. */
const SCHEME_LOOKBACK = 512;
/** A domain label is at most 63 characters, an e-mail address's local part 64. */
const LABEL_LENGTH = 63;
const LOCAL_PART_LENGTH = 64;
/**
 * How far past a name, either way, any rule reads: the scheme looked for behind it, or
 * ahead the rest of its label, an e-mail address's local part, `@`, a domain label, a dot and
 * a letter (and a plural "s" or a character beside the name). Text scanned in windows
 * (src/content/chunked-scan.ts) carries this much context on each side.
 */
export const RULE_REACH = Math.max(SCHEME_LOOKBACK + 3, 2 * LABEL_LENGTH + LOCAL_PART_LENGTH + 8);

const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;
const HYPHEN = 0x2d;
const AT = 0x40;

/** ASCII letters only: a digit before a dot is a numbered list ("1.OpenAI"), not a domain. */
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLabelCharacter = (c: number) => c === HYPHEN || isAsciiLetter(c) || isAsciiDigit(c);
/** What an e-mail address's local part is written with, in practice: `chip.team+news_1%x-y`. */
const isLocalPartCharacter = (c: number) =>
  isLabelCharacter(c) || c === DOT || c === 0x5f /* _ */ || c === 0x2b /* + */ || c === 0x25; /* % */

/**
 * Whether `text[start, end)`, a Latin name on word boundaries, is part of an address: a dot
 * joins it (or the hyphenated rest of its domain label) to a letter on the side asked for, it
 * is in the local part of an e-mail address (`chip@example.com`), or it follows `://` (or
 * starts after `www.`) in the same run of printable ASCII. `NaN` from reading past either end
 * of `text` is no letter.
 */
export function isInsideAddress(text: string, start: number, end: number, left: boolean, right: boolean): boolean {
  if (right) {
    const after = restOfLabel(text, end);
    if (text.charCodeAt(after) === DOT && isAsciiLetter(text.charCodeAt(after + 1))) return true;
    if (isBeforeMailDomain(text, end)) return true;
  }
  if (!left) return false;
  if (text.charCodeAt(start - 1) === DOT && isAsciiLetter(text.charCodeAt(start - 2))) return true;
  return followsSchemeOrWww(text, start);
}

/**
 * Where the domain label a name starts ends: past a hyphen and the letters and digits after
 * it, so that `chip-pin.com` and `talent-net.com.cn` are addresses too. Prose puts a space
 * after a full stop ("chip-making. Then"), which stops there.
 */
function restOfLabel(text: string, end: number): number {
  return text.charCodeAt(end) === HYPHEN ? labelEnd(text, end) : end;
}

/** Where a run of a domain label's characters from `from` ends. */
const labelEnd = (text: string, from: number) => runEnd(text, from, LABEL_LENGTH, isLabelCharacter);

/** Where a run of characters `isPart` accepts, starting at `from` and at most `limit` long, ends. */
function runEnd(text: string, from: number, limit: number, isPart: (c: number) => boolean): number {
  let j = from;
  for (const stop = from + limit; j < stop && isPart(text.charCodeAt(j)); j++);
  return j;
}

/**
 * Whether the rest of an e-mail address's local part follows `end`, then an `@` and a domain
 * with a dot in it: `chip@example.com`, `ai-chips.team@example.cn`. A handle after a name
 * ("Nvidia@GTC") has no dot and stays prose, as does an `@` after a space.
 */
function isBeforeMailDomain(text: string, end: number): boolean {
  const at = runEnd(text, end, LOCAL_PART_LENGTH, isLocalPartCharacter);
  if (text.charCodeAt(at) !== AT) return false;
  const dot = labelEnd(text, at + 1);
  return dot > at + 1 && text.charCodeAt(dot) === DOT && isAsciiLetter(text.charCodeAt(dot + 1));
}

/**
 * A run that starts with a host name and a slash: a link written without its scheme
 * (`github.com/openai/whisper`, `x.com/OpenAI`). The last label is letters, two or more, so
 * "U.S./Nvidia" and "e.g./OpenAI" stay prose.
 */
const HOST_AND_PATH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?\//i;

/**
 * Walks back over printable ASCII (a URL has no spaces, and Han text ends it) looking for `://`;
 * else whether that run starts with `www.` or a host name and a path.
 */
function followsSchemeOrWww(text: string, start: number): boolean {
  const stop = Math.max(0, start - SCHEME_LOOKBACK);
  let i = start - 1;
  let slash = false;
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c > 0x7e) break;
    if (c !== SLASH) continue;
    if (text.charCodeAt(i - 1) === SLASH && text.charCodeAt(i - 2) === COLON) return true;
    slash = true;
  }
  if (i + 5 <= start && text.slice(i + 1, i + 5).toLowerCase() === 'www.') return true;
  return slash && HOST_AND_PATH.test(text.slice(i + 1, start));
}
