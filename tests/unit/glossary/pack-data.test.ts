/**
 * A test over the data: every pack in glossary/ must load, and the bundled pack must cover
 * the column the way the brief asks (three scripts, own-words notes, counted mentions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';

import { describeIssues } from '../../../src/glossary/describe-issues';
import { everyName } from '../../../src/glossary/entry-names';
import { aliasText, packSchema, type Pack } from '../../../src/glossary/schema';
import { countMentions } from './count-mentions';

const ROOT = resolve(import.meta.dirname, '../../..');
const GLOSSARY_DIR = join(ROOT, 'glossary');
const COLUMN_PATH = process.env.COLUMNLENS_COLUMN ?? resolve(ROOT, '../shared/column/column-zh-Hant.txt');
const BUNDLED = 'ai-rush-china.json';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** Phrase-level conversion, the way the zh-Hans notes were produced. */
const toMainland = OpenCC.Converter({ from: 'twp', to: 'cn' });
/** Two names are the same alias when they differ only by case, width or script. */
const fold = (s: string) => toSimplified(s.normalize('NFKC').toLowerCase());

const packFiles = readdirSync(GLOSSARY_DIR).filter((f) => f.endsWith('.json') && f !== 'schema.json');

function loadPack(file: string): Pack {
  const raw: unknown = JSON.parse(readFileSync(join(GLOSSARY_DIR, file), 'utf8'));
  const result = packSchema.safeParse(raw);
  if (!result.success) throw new Error(`${file} is invalid:\n${describeIssues(result.error, raw).join('\n')}`);
  return result.data;
}

it('finds the bundled pack among the glossary files', () => {
  expect(packFiles).toContain(BUNDLED);
});

describe.each(packFiles)('glossary/%s', (file) => {
  it('parses with the pack schema', () => {
    expect(() => loadPack(file)).not.toThrow();
  });

  it('points at the generated JSON Schema', () => {
    const raw = JSON.parse(readFileSync(join(GLOSSARY_DIR, file), 'utf8')) as Record<string, unknown>;
    expect(raw.$schema).toBe('./schema.json');
  });

  it('has unique entry ids', () => {
    const ids = loadPack(file).entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives no name (term, display name or alias) to two entries, across case, width and script', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of loadPack(file).entries) {
      const names = new Set(everyName(entry).map(fold));
      for (const name of names) {
        const other = owner.get(name);
        if (other !== undefined) clashes.push(`"${name}" is claimed by ${other} and ${entry.id}`);
        else owner.set(name, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('relates entries only to entries that exist', () => {
    const pack = loadPack(file);
    const ids = new Set(pack.entries.map((e) => e.id));
    const dangling = pack.entries.flatMap((e) =>
      (e.related ?? []).filter((r) => !ids.has(r)).map((r) => `${e.id} → ${r}`),
    );
    expect(dangling).toEqual([]);
  });

  it('gives every entry a context note in Traditional Chinese and English', () => {
    const missing = loadPack(file).entries.filter(
      (e) => typeof e.context === 'string' || !e.context['zh-Hant'] || !e.context.en,
    );
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it('names a section of the source for every entry', () => {
    const pack = loadPack(file);
    const outside = pack.entries.filter((e) => e.section === undefined || !pack.source.sections.includes(e.section));
    expect(outside.map((e) => e.id)).toEqual([]);
  });
});

describe('the bundled pack', () => {
  const pack = loadPack(BUNDLED);
  const column = existsSync(COLUMN_PATH) ? readFileSync(COLUMN_PATH, 'utf8') : undefined;
  const needColumn = (): string => {
    if (column === undefined) throw new Error(`The column is missing at ${COLUMN_PATH} (set COLUMNLENS_COLUMN).`);
    return column;
  };

  it('covers the column with at least 60 entries', () => {
    expect(pack.entries.length).toBeGreaterThanOrEqual(60);
  });

  it('names every entry in Simplified Chinese and English where the term is not written so', () => {
    const hasLatinAlias = (e: Pack['entries'][number]) => e.aliases.map(aliasText).some((a) => /^[A-Za-z]/.test(a));
    const missing = pack.entries.flatMap((e) => [
      ...(toSimplified(e.term) !== e.term && !e.names?.['zh-Hans'] ? [`${e.id}: zh-Hans`] : []),
      ...(!/^[A-Za-z]/.test(e.term) && hasLatinAlias(e) && !e.names?.en ? [`${e.id}: en`] : []),
    ]);
    expect(missing).toEqual([]);
    const notSimplified = pack.entries.filter(
      (e) => e.names?.['zh-Hans'] && toSimplified(e.names['zh-Hans']) !== e.names['zh-Hans'],
    );
    expect(notSimplified.map((e) => e.id)).toEqual([]);
  });

  it('shows only names it already searches for: every display name is the term or an alias, case aside', () => {
    const extra = pack.entries.flatMap((e) => {
      const known = new Set([e.term, ...e.aliases.map(aliasText)].map((n) => n.toLowerCase()));
      return Object.values(e.names ?? {}).filter((n) => typeof n === 'string' && !known.has(n.toLowerCase()));
    });
    expect(extra).toEqual([]);
  });

  it('titles itself in both Chinese scripts as well as English', () => {
    expect(pack.title).toMatch(/^[A-Za-z]/);
    expect(pack.titles?.['zh-Hans']).toBe(toMainland(pack.titles?.['zh-Hant'] ?? ''));
    expect(pack.titles?.['zh-Hant']).toMatch(/\p{Script=Han}/u);
  });

  it('describes itself in both Chinese scripts as well as English', () => {
    expect(pack.description).toMatch(/^[A-Za-z]/);
    expect(pack.descriptions?.['zh-Hant']).toMatch(/\p{Script=Han}/u);
    expect(pack.descriptions?.['zh-Hans']).toBe(toMainland(pack.descriptions?.['zh-Hant'] ?? ''));
  });

  it('titles every section in Simplified Chinese and English too', () => {
    const titles = pack.source.sections.map((s) => [s, pack.source.sectionNames?.[s]] as const);
    expect(titles.filter(([, names]) => !names?.['zh-Hans'] || !names.en).map(([s]) => s)).toEqual([]);
    // The Simplified title is the same heading converted, not a paraphrase.
    expect(titles.filter(([s, names]) => names?.['zh-Hans'] !== toMainland(s)).map(([s]) => s)).toEqual([]);
  });

  it('names an entry for Traditional Chinese readers too when its term is Latin and it has a Chinese name', () => {
    const han = /\p{Script=Han}/u;
    const unnamed = pack.entries
      .filter((e) => !han.test(e.term) && han.test(e.names?.['zh-Hans'] ?? '') && !e.names?.['zh-Hant'])
      .map((e) => e.id);
    // Taiwan writes Google Cloud in Latin letters, as the term does.
    expect(unnamed).toEqual(['google-cloud']);
  });

  it('names an entry for Simplified Chinese readers too when its Traditional Chinese name differs from its term', () => {
    const unnamed = pack.entries
      .filter((e) => e.names?.['zh-Hant'] && e.names['zh-Hant'] !== e.term && !e.names['zh-Hans'])
      .map((e) => e.id);
    // Arm Holdings was 安謀 to Traditional Chinese readers and Arm Holdings to Simplified ones.
    expect(unnamed).toEqual([]);
  });

  it('names every entry for English readers where an English name exists', () => {
    const han = /\p{Script=Han}/u;
    const unnamed = pack.entries.filter((e) => han.test(e.term) && !e.names?.en).map((e) => e.id);
    // The columnist's name has no published romanization; inventing one would mislead.
    expect(unnamed).toEqual(['su-he-zhong']);
  });

  it('says the language of every link, and links both Chinese scripts to the same article', () => {
    const links = pack.entries.flatMap((e) => (e.links ?? []).map((link) => ({ id: e.id, ...link })));
    expect(links.filter((l) => !l.lang).map((l) => l.id)).toEqual([]);
    // One article: the Traditional title, converted, is the Simplified one.
    const article = (url: string) =>
      toMainland(decodeURIComponent(new URL(url).pathname.replace(/^\/zh-(?:tw|cn)\//, '/')));
    const unpaired = pack.entries.flatMap((e) => {
      const [hant, hans] = (['zh-Hant', 'zh-Hans'] as const).map((lang) => e.links?.find((l) => l.lang === lang));
      if (!hant && !hans) return [];
      // Wikipedia's variant paths draw one article in the reader's script.
      const paired =
        hant?.url.startsWith('https://zh.wikipedia.org/zh-tw/') &&
        hans?.url.startsWith('https://zh.wikipedia.org/zh-cn/') &&
        article(hant.url) === article(hans.url);
      return paired ? [] : [e.id];
    });
    expect(unpaired).toEqual([]);
  });

  it('writes every note in all three languages', () => {
    const missing = pack.entries.filter((e) => typeof e.context === 'string' || !e.context['zh-Hans']);
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it('comes from the column it describes, with its sections in order', () => {
    const lines = needColumn()
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe(pack.source.title);
    // Every section after the opening one is a heading line of the column, in column order.
    const positions = pack.source.sections.slice(1).map((s) => lines.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('paraphrases: no note repeats 12 or more consecutive characters of the column, punctuation aside', () => {
    // Compared without punctuation, symbols and spaces, so that a sentence copied with its
    // commas moved or its quotation marks changed still counts as copied.
    const bare = (s: string) => s.replace(/[\p{P}\p{S}\s]/gu, '');
    const text = needColumn();
    const folded = bare(fold(text));
    const mainland = bare(toMainland(text));
    const copied: string[] = [];
    for (const entry of pack.entries) {
      if (typeof entry.context === 'string') continue;
      for (const note of [entry.context['zh-Hant'], entry.context['zh-Hans']]) {
        if (note === undefined) continue;
        const words = bare(note);
        for (let i = 0; i + 12 <= words.length; i++) {
          const run = words.slice(i, i + 12);
          if (folded.includes(bare(fold(run))) || mainland.includes(run)) {
            copied.push(`${entry.id}: "${run}"`);
            break;
          }
        }
      }
    }
    expect(copied).toEqual([]);
  });

  it('records in `mentions` how often the column names each entry', () => {
    const counted = countMentions(pack.entries, needColumn());
    const recorded = Object.fromEntries(pack.entries.map((e) => [e.id, e.mentions]));
    const recount = Object.fromEntries(pack.entries.map((e, i) => [e.id, counted[i]]));
    expect(recorded).toEqual(recount);
  });

  /** How often the bundled pack finds entry `id` in `text`. */
  const counterOf = (id: string) => {
    const index = pack.entries.findIndex((e) => e.id === id);
    expect(index, id).toBeGreaterThanOrEqual(0);
    return (text: string) => countMentions(pack.entries, text)[index];
  };

  it('keeps 百川 out of the idiom 海納百川 in either script', () => {
    const count = counterOf('baichuan');
    expect(count('海納百川,有容乃大')).toBe(0);
    expect(count('海纳百川')).toBe(0);
    expect(count('百川智能的王小川')).toBe(1);
    expect(count('百川发布新模型')).toBe(1);
  });

  it('finds "chip" as 晶片 and 芯片 are found, but not in English idioms where it means no chip', () => {
    const count = counterOf('ai-chips');
    expect(count('Nvidia sells chips; a chip shortage')).toBe(2);
    expect(count('5G芯片與AI晶片')).toBe(2);
    expect(count('Nvidia chips are down 5%')).toBe(1);
    for (const idiom of [
      'a bargaining chip',
      'blue-chip stocks',
      'blue chips',
      'friends chipped in',
      'she chips in',
      'potato chips',
      'bargaining chips',
      'poker chips',
      'rivals chip away at the lead',
      'inflation chips away at savings',
      'Rep. Chip Roy said',
      'fish and chips',
      'a fish and chip shop',
      'when the chips are down',
      'a chip on his shoulder',
      'a chip on her shoulder',
      'chip-and-PIN cards',
      'Chip and PIN',
    ])
      expect(count(idiom), idiom).toBe(0);
  });

  it('finds Google Cloud, but not in Google Drive (Google雲端硬碟, 谷歌云端硬盘, 谷歌云盘)', () => {
    const count = counterOf('google-cloud');
    expect(count('Google雲端承諾投資；谷歌云与Google云')).toBe(3);
    for (const drive of [
      '我把檔案存到Google雲端硬碟',
      '文件保存在谷歌云端硬盘里',
      '谷歌雲端硬碟',
      'Google云端硬盘',
      '谷歌云盘',
      'Google雲盤',
    ])
      expect(count(drive), drive).toBe(0);
  });

  it('finds 開源, but not in the idiom 開源節流 (widen income, cut spending)', () => {
    const count = counterOf('open-source');
    expect(count('開源軟體與开源模型')).toBe(2);
    expect(count('政府應開源節流')).toBe(0);
    expect(count('财政开源节流')).toBe(0);
  });

  it('finds 中國科技公司 but not 國內科技公司, which in Taiwan and Hong Kong news means their own firms', () => {
    const count = counterOf('chinese-tech-companies');
    expect(count('中國科技公司與中国科技巨头')).toBe(2);
    expect(count('國內科技公司營收創新高')).toBe(0);
    expect(count('国内科技公司')).toBe(0);
  });

  it.each([
    ['alibaba', '阿里巴巴集團', ['阿里巴巴與四十大盜', '阿里巴巴和四十大盗']],
    ['talent', 'AI talent is scarce', ['a school talent show', "America's Got Talent"]],
    ['mistral-ai', 'Mistral AI and Mistral', ['two Mistral-class ships', 'the Mistral warships', 'Mistral missiles']],
    ['catch-up', '中國拚命追趕', ['全年無休追趕進度', '追赶进度']],
    ['localization', '晶片本土化', ['推動本土化運動', '本土化运动']],
  ])('finds %s, but not in phrases where its name means something else', (id, named, others) => {
    const count = counterOf(id);
    expect(count(named)).toBeGreaterThan(0);
    for (const other of others) expect(count(other), other).toBe(0);
  });

  it('finds 新創公司 in English as a company, not as a program starting up', () => {
    const count = counterOf('ai-startups');
    expect(count('新創公司與初创公司')).toBe(2);
    expect(count('AI start-ups and a start-up company')).toBe(2);
    expect(count('Open inbox on startup; faster start-up times')).toBe(0);
  });

  it('finds Arm as the chip designer, in the capitals much chip news still writes, but no arm and no mortgage', () => {
    const count = counterOf('arm-holdings');
    expect(count('Arm licenses its designs; ARM Cortex cores; an ARM-based laptop')).toBe(3);
    expect(count('安謀與安谋控股')).toBe(2);
    for (const other of [
      "at arm's length",
      'the arm of the law',
      'an ARM mortgage',
      'ARM loans reset',
      'an adjustable-rate mortgage (ARM)',
      'a 5/1 ARM',
    ])
      expect(count(other), other).toBe(0);
  });

  it('uses no bare "Moonshot" and no 阿里 without excluding 阿里山', () => {
    const names = pack.entries.flatMap((e) => [e.term, ...e.aliases.map(aliasText)].map((n) => ({ e, n: fold(n) })));
    expect(names.filter(({ n }) => n === 'moonshot')).toEqual([]);
    const ali = names.filter(({ n }) => n === '阿里');
    expect(ali.filter(({ e }) => !(e.exclude ?? []).map(fold).includes('阿里山'))).toEqual([]);
  });
});
