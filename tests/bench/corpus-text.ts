/**
 * Reads the saved pages of the shared corpus as rough visible text, for benchmarks.
 * Pages keep their original encodings (many Chinese ones are GB18030); INDEX.tsv names them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusPage {
  file: string;
  language: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Drops scripts, styles, comments and tags; decodes the common entities. Rough, on purpose. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\r\n]{2,}/g, '\n');
}

function decoderFor(encoding: string): TextDecoder {
  const label = encoding.replace(/\(.*\)$/, '').replace(/-sig$/, '');
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Every page listed in `<dir>/INDEX.tsv`, as text. */
export function readCorpus(dir: string): CorpusPage[] {
  const rows = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n');
  const header = rows[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return rows.slice(1).map((row) => {
    const cells = row.split('\t');
    const file = cells[col('file')]!;
    const html = decoderFor(cells[col('encoding')] ?? 'utf-8').decode(readFileSync(join(dir, file)));
    return { file, language: cells[col('language')] ?? '', text: htmlToText(html) };
  });
}
