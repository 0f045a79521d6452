import { compileMatcher, type Matcher, type MatcherEntry } from '../../../src/matcher/index';

/** A small glossary that exercises every matching rule, in all three scripts. */
export const ENTRIES: MatcherEntry[] = [
  { id: 'nvidia', term: '輝達', aliases: ['英偉達', 'Nvidia', 'NVIDIA'] },
  { id: 'openai', term: 'OpenAI', aliases: ['Open AI'] },
  { id: 'chatgpt', term: 'ChatGPT', aliases: [] },
  { id: 'baichuan', term: '百川智能', aliases: ['百川', 'Baichuan'], exclude: ['海納百川', '百川歸海'] },
  { id: 'alibaba', term: '阿里巴巴', aliases: ['Alibaba', '阿里'], exclude: ['阿里山'] },
  { id: 'alibaba-cloud', term: '阿里雲', aliases: ['Alibaba Cloud'] },
  { id: 'arm', term: 'Arm Holdings', aliases: [{ text: 'Arm', caseSensitive: true }, '安謀'] },
  { id: 'cohere', term: 'Cohere', aliases: [], caseSensitive: true },
  { id: 'h20', term: 'H20', aliases: ['H20晶片'] },
  { id: 'h200', term: 'H200', aliases: [] },
  { id: 'llm', term: '大型語言模型', aliases: ['LLM', '大模型'] },
  { id: 'gpu', term: '圖形處理器', aliases: ['GPU'] },
  { id: 'risc-v', term: 'RISC-V', aliases: [] },
  { id: 'chips', term: '晶片', aliases: ['芯片'] },
  { id: 'tencent', term: '騰訊', aliases: ['Tencent'] },
  { id: 'taiwan', term: '台灣', aliases: ['Taiwan'] },
  { id: 'in-word', term: 'GenAI', aliases: [{ text: 'gen', wholeWord: false }] },
  { id: 'cjk-whole', term: '中芯', aliases: [{ text: '中芯國際', wholeWord: true }] },
  { id: 'wafer', term: 'wafer', aliases: [], exclude: ['vanilla wafer'] },
  { id: 'ai-company', term: 'AI company', aliases: ['AI key'], exclude: ['AI company policy'] },
];

export const matcher: Matcher = compileMatcher(ENTRIES);

/** The matches in `text` as [matched text, entry id] pairs, in order. */
export function found(text: string, m: Matcher = matcher): [string, string][] {
  return m.scan(text).map((x) => [text.slice(x.start, x.end), m.entryIds[x.entry]!]);
}
