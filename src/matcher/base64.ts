/**
 * Base64 for typed arrays. Browsers have it natively (Uint8Array.fromBase64 / toBase64: Chrome
 * 140, Firefox 133), which matters when a content script loads a cached matcher on a cold page;
 * elsewhere (Node 20, older browsers) the fallback below runs, because `atob`/`btoa` are slow in
 * Node and `Buffer` does not exist in the browser.
 */
interface NativeBase64 {
  fromBase64?: (text: string, options?: { lastChunkHandling?: 'strict' }) => Uint8Array;
}
interface NativeBase64Instance {
  toBase64?: () => string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i));
const VALUES = new Uint8Array(128).fill(255);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64Instance).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >>> 18]!;
    out[o++] = CODES[(n >>> 12) & 63]!;
    out[o++] = CODES[(n >>> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = CODES[n >>> 18]!;
    out[o++] = CODES[(n >>> 12) & 63]!;
    out[o++] = i + 1 < bytes.length ? CODES[(n >>> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Decodes padded base64; returns undefined if `text` is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  const native = (Uint8Array as NativeBase64).fromBase64;
  if (typeof native === 'function') {
    // The native decoder skips whitespace, so exactly `size` bytes means there was none (and
    // 'strict' refuses bad padding): one definition of valid, without a regex pass over
    // megabytes of text on every page start.
    try {
      const bytes = native.call(Uint8Array, text, { lastChunkHandling: 'strict' });
      return bytes.length === size ? bytes : undefined;
    } catch {
      return undefined;
    }
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const v = c === PAD && i + 4 === text.length && j >= 4 - padding ? 0 : c < 128 ? VALUES[c]! : 255;
      if (v === 255) return undefined;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
