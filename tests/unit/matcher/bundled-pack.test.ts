import { readFileSync } from 'node:fs';

import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';

import { packSchema } from '../../../src/glossary/schema';
import { compileMatcher } from '../../../src/matcher/index';

const pack = packSchema.parse(
  JSON.parse(readFileSync(new URL('../../../glossary/ai-rush-china.json', import.meta.url), 'utf8')),
);
const matcher = compileMatcher(pack.entries);
/** The entries `text` names, in order. */
const idsIn = (text: string) => matcher.scan(text).map((m) => matcher.entryIds[m.entry]);
/** Each name found in `text`, as written there, with its entry. */
const namesIn = (text: string) =>
  matcher.scan(text).map((m) => [text.slice(m.start, m.end), matcher.entryIds[m.entry]]);

const HAN = /\p{sc=Han}/u;
const names = pack.entries.flatMap((entry) =>
  [entry.term, ...entry.aliases].map((alias) => ({
    id: entry.id,
    text: typeof alias === 'string' ? alias : alias.text,
  })),
);

/** Puts a name into a neutral sentence of its own script and returns the sentence and the name's span. */
function inSentence(name: string): { text: string; start: number; end: number } {
  const before = HAN.test(name[0]!) ? '據報導，' : 'Reports say ';
  const after = HAN.test(name.at(-1)!) ? '表示。' : ' said.';
  return { text: before + name + after, start: before.length, end: before.length + name.length };
}

function entryAt(text: string, start: number, end: number): string | undefined {
  const m = matcher.scan(text).find((x) => x.start === start && x.end === end);
  return m && matcher.entryIds[m.entry];
}

describe('the bundled pack', () => {
  it('has entries to test', () => {
    expect(pack.entries.length).toBeGreaterThan(0);
  });

  it.each(names)('finds "$text" as $id', ({ id, text }) => {
    const s = inSentence(text);
    expect(entryAt(s.text, s.start, s.end)).toBe(id);
  });

  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const chinese = names.filter((n) => HAN.test(n.text));

  it.each(chinese)('finds "$text" ($id) written in the other script too', ({ id, text }) => {
    for (const converted of [toSimplified(text), toTraditional(text)]) {
      const s = inSentence(converted);
      expect(entryAt(s.text, s.start, s.end), converted).toBe(id);
    }
  });

  it('finds the column’s names in a sentence mixing all three scripts', () => {
    // Each of these names is in the seed and the full pack; the test reads ids from the pack.
    const idOf = (name: string) => names.find((n) => n.text === name)?.id;
    const text = '輝達表示，英伟达的H20与NVIDIA’s H200不同。';
    const ids = idsIn(text);
    expect(ids.filter((id) => id === idOf('輝達'))).toHaveLength(3);
  });

  // Found in an editorial review of the pack (2026-12-05): each of these words is a name only
  // in the column's sense; in the sentence given, news means something else.
  it.each([
    ['苹果推出iPhone中国特供版，RTX 4090D也是中国特供版显卡', 'nvidia-h20'],
    ['以旧换新国家补贴政策持续发力', 'state-support'],
    ['台灣硬體出口成長，硬件出口额创新高', 'export-controls'],
    ['平克·佛洛伊德的专辑《月之暗面》；嫦娥四号着陆月之暗面', 'moonshot-ai'],
    ['安谋科技（Arm China）发布新一代NPU', 'arm-holdings'],
    ['每天补充VC有助于免疫，VC含量高的水果', 'venture-capital'],
    ['开源证券研究所认为', 'open-source'],
    ['FIFA will sanction the tournament', 'sanctions'],
    ['an LLM degree; LLM graduates in tax law', 'llm'],
    ['tortilla chips and corn chips at the chip shop', 'ai-chips'],
    ['学生的计算能力', 'compute'],
    // From a precision audit of every match over the 352 corpus pages (2026-12-05, late).
    ['版权所有：中国政府网', 'chinese-government'],
    ['Statistical learning · VC theory and the VC dimension', 'venture-capital'],
    ['包括不受制裁的特权；依法受到法律制裁', 'sanctions'],
    ['众里寻他千百度；千百度花坊', 'baidu'],
    ['阿里斯顿热水器、阿里郎、阿里布达年代祭、阿里山、拳王阿里、穆罕默德·阿里、阿里·哈梅内伊、阿里尔·沙龙', 'alibaba'],
    // From a review of the pack's names against news (2026-12-06).
    ['全国人大常委会审议预算法修正案；四則運算法則；清算法院；打算法國留學', 'algorithms'],
    ['the Mistral wind blew down the Rhône valley', 'mistral-ai'],
    ['備份到 Google 雲端硬碟', 'google-cloud'],
    // From a second precision audit of the corpus's matches (2026-12-07): a title in a list of downloads.
    ['百山百川行全集；海纳百川，有容乃大', 'baichuan'],
    // A tech media brand in a page's header (an exploratory read of the corpus, 2026-12-07).
    ['关注51CTO技术栈公众号', 'tech-stack'],
    // Transliterated names and a club on a sports page (a Simplified reader's test, 2026-12-07).
    ['火箭队阿里扎砍下20分，阿里纳斯复出，阿里木江打进一球，阿里坎特主场，阿里森·贝克', 'alibaba'],
    // Taiwan's words (a Traditional reader's test, 2026-12-07): slang for shoddy, a town's old name,
    // a statute cited beside 預算法, mental arithmetic.
    ['這個做得很阿里不達；屏東阿里港', 'alibaba'],
    ['依預算法及決算法辦理；兒童心算法', 'algorithms'],
  ])('leaves %j to its other sense (not %s)', (text, id) => {
    expect(idsIn(text)).not.toContain(id);
  });

  it.each([
    ['阿里云发布Qwen2.5-Max，Qwen3开源', 'qwen'],
    ['美国商务部工业和安全局（BIS）', 'bis'],
    ['New export curbs on chips', 'export-controls'],
    ['中国AI企业纷纷降价', 'chinese-ai-companies'],
    ['阿里发布最强AI芯片，拼多多追赶阿里', 'alibaba'],
    ['最强“中国芯”本月商用', 'chinese-chip-industry'],
    ['很多互联网巨头开始发现这家公司的价值', 'big-tech'],
    ['On free will, ChatGPT4 blows away its critics', 'chatgpt'],
    ['美國商務部工業安全局（BIS）公布新規', 'bis'],
    ['美商务部宣布新一轮出口管制', 'us-commerce-department'],
    ['“1017规则”对国产算力的影响', 'october-2023-rules'],
    ['企業把資料搬上 Google 雲端平台', 'google-cloud'],
    ['推荐算法', 'algorithms'],
    ['百川发布新模型，王小川称百川不打价格战', 'baichuan'],
    // Mainland names for the chip the column describes (a Simplified reader's test, 2026-12-07).
    ['英伟达的缩小尺寸芯片', 'nvidia-h20'],
    ['改造芯片仍能销往中国', 'nvidia-h20'],
    ['英伟达特供版芯片', 'nvidia-h20'],
    ['陸廠國產晶片良率提升，國產AI晶片出貨', 'chinese-chip-industry'],
  ])('finds the name news uses in %j (%s)', (text, id) => {
    expect(idsIn(text)).toContain(id);
  });

  // Taiwan and Hong Kong media space Chinese from Latin; the pack writes these names without
  // (a Traditional reader's test, 2026-12-07). Each is one highlight, spaces and all.
  it.each([
    ['美國限制 AI 晶片出口', 'AI 晶片', 'ai-chips'],
    ['中國 AI 公司轉向開源', '中國 AI 公司', 'chinese-ai-companies'],
    ['國產 AI 晶片出貨', '國產 AI 晶片', 'chinese-chip-industry'],
    ['輝達 H20 晶片', 'H20 晶片', 'nvidia-h20'],
    ['生成式 AI 熱潮', '生成式 AI', 'generative-ai'],
    ['備份到 Google 雲端', 'Google 雲端', 'google-cloud'],
    ['企业上 Google 云端', 'Google 云端', 'google-cloud'],
  ])('reads %j’s %j as one name (%s)', (text, name, id) => {
    expect(namesIn(text)).toContainEqual([name, id]);
  });

  // What mainland news calls the products by, which are also a bun and a first name: found, but
  // as everyday words, highlighted only on a page that names the glossary otherwise.
  it.each([
    ['字节跳动的豆包用户破亿', '豆包', 'doubao'],
    ['月之暗面推出Kimi', 'Kimi', 'moonshot-ai'],
  ])('finds %j’s everyday word %j (%s)', (text, name, id) => {
    const found = matcher.scan(text).map((m) => [text.slice(m.start, m.end), matcher.entryIds[m.entry], m.generic]);
    expect(found).toContainEqual([name, id, true]);
  });

  // Each name read whole: 计算力 is one word (not 算力 inside it), and 中国芯 ("China's chip")
  // leaves 中国芯片 to the chips and 中国芯片产业 to the industry it names.
  it.each([
    ['需要强大的计算力支撑', '计算力', 'compute'],
    ['中国芯片产业链', '中国芯片产业', 'chinese-chip-industry'],
    ['中国芯片市场快速增长', '芯片', 'ai-chips'],
    // The bureau named in full is one name, not the department's followed by the bureau's.
    ['美國商務部工業暨安全局表示', '美國商務部工業暨安全局', 'bis'],
    ['美国商务部产业安全局表示', '美国商务部产业安全局', 'bis'],
  ])('reads %j as %j (%s)', (text, name, id) => {
    expect(namesIn(text)).toContainEqual([name, id]);
  });
});
