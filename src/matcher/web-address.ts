/**
 * Latin names inside web addresses, e-mail addresses and dotted identifiers are not mentions:
 * `pan.baidu.com` is a link, `www.hunyuan.gov.cn` a county's site (渾源縣, not Tencent's
 * model), `press@nvidia.com` an address, `openai.ChatCompletion` code and
 * `https://github.com/baichuan-inc` a path. A highlight there splits text a reader copies
 * whole, and its note speaks of something the text does not. Only hits reach this code.
 */

/** How far back a URL's scheme is looked for: a longer run without a space is not prose. */
const SCHEME_LOOKBACK = 512;

const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;

/** ASCII letters only: a digit before a dot is a numbered list ("1.OpenAI"), not a domain. */
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * Whether `text[start, end)`, a Latin name on word boundaries, is part of an address: a dot
 * joins it to a letter on the side asked for, or it follows `://` (or starts after `www.`) in
 * the same run of printable ASCII. `NaN` from reading past either end of `text` is no letter.
 */
export function isInsideAddress(text: string, start: number, end: number, left: boolean, right: boolean): boolean {
  if (right && text.charCodeAt(end) === DOT && isAsciiLetter(text.charCodeAt(end + 1))) return true;
  if (!left) return false;
  if (text.charCodeAt(start - 1) === DOT && isAsciiLetter(text.charCodeAt(start - 2))) return true;
  return followsSchemeOrWww(text, start);
}

/** Walks back over printable ASCII (a URL has no spaces, and Han text ends it) looking for `://`. */
function followsSchemeOrWww(text: string, start: number): boolean {
  const stop = Math.max(0, start - SCHEME_LOOKBACK);
  let i = start - 1;
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c > 0x7e) break;
    if (c === SLASH && text.charCodeAt(i - 1) === SLASH && text.charCodeAt(i - 2) === COLON) return true;
  }
  return i + 5 <= start && text.slice(i + 1, i + 5).toLowerCase() === 'www.';
}
