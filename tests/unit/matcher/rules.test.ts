import { describe, expect, it } from 'vitest';

import { compileMatcher, fold, withoutScriptChangeSpaces } from '../../../src/matcher/index';
import { normalizeName } from '../../../src/matcher/name-key';
import { buildPatternSet } from '../../../src/matcher/patterns';
import { found, matcher } from './glossary-fixture';

type Case = [text: string, expected: [string, string][]];

describe('matching rules', () => {
  describe('Traditional and Simplified Chinese are one', () => {
    it.each<Case>([
      [
        '輝達發布新晶片',
        [
          ['輝達', 'nvidia'],
          ['晶片', 'chips'],
        ],
      ],
      [
        '辉达发布新芯片',
        [
          ['辉达', 'nvidia'],
          ['芯片', 'chips'],
        ],
      ],
      ['英伟达的股价', [['英伟达', 'nvidia']]],
      ['英偉達的股價', [['英偉達', 'nvidia']]],
      [
        '腾讯与騰訊',
        [
          ['腾讯', 'tencent'],
          ['騰訊', 'tencent'],
        ],
      ],
      [
        '臺灣與台湾',
        [
          ['臺灣', 'taiwan'],
          ['台湾', 'taiwan'],
        ],
      ],
      ['大型语言模型', [['大型语言模型', 'llm']]],
    ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('widths, hyphens and spaces are one', () => {
    it.each<Case>([
      ['ＯｐｅｎＡＩ推出', [['ＯｐｅｎＡＩ', 'openai']]],
      ['RISC\u2011V chips', [['RISC\u2011V', 'risc-v']]],
      ['ＲＩＳＣ－Ｖ', [['ＲＩＳＣ－Ｖ', 'risc-v']]],
      ['RISC\u2013V', [['RISC\u2013V', 'risc-v']]],
      ['Alibaba\u00a0Cloud', [['Alibaba\u00a0Cloud', 'alibaba-cloud']]],
      ['Alibaba\n     Cloud', [['Alibaba\n     Cloud', 'alibaba-cloud']]],
      ['Open\u3000AI', [['Open\u3000AI', 'openai']]],
      ['Nvi\u00addia', [['Nvi\u00addia', 'nvidia']]],
      ['RISCV', []],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('a source line break inside Chinese text reads as nothing', () => {
    it.each<Case>([
      ['大型語言\n模型', [['大型語言\n模型', 'llm']]],
      ['據報導，大型语言\r\n        模型的價格', [['大型语言\r\n        模型', 'llm']]],
      ['英偉\n\u200b達', [['英偉\n\u200b達', 'nvidia']]],
      [
        '輝達\n大模型',
        [
          ['輝達', 'nvidia'],
          ['大模型', 'llm'],
        ],
      ],
      // Without a line break a space is the page's own: a name it splits is two words.
      ['大型語言 模型', []],
      ['大型語言\u3000\n模型', []],
      ['晶\n片', [['晶\n片', 'chips']]],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));

    it('keeps Korean, which separates words with spaces, as it is', () => {
      const korean = compileMatcher([{ id: 'sk', term: '삼성전자', aliases: [] }]);
      expect(found('삼성\n전자', korean)).toEqual([]);
      expect(found('삼성전자', korean)).toEqual([['삼성전자', 'sk']]);
    });

    it('reads the break as nothing where no name has a space, and in the loose scan', () => {
      const spaceless = compileMatcher([{ id: 'llm', term: '大型語言模型', aliases: [] }]);
      expect(found('大型語言\n  模型', spaceless)).toEqual([['大型語言\n  模型', 'llm']]);
      expect(matcher.loose().scan('大型語言\n模型')).toHaveLength(1);
    });
  });

  describe('a space between Chinese and Latin reads as nothing', () => {
    // Taiwan media write "AI 晶片" and "輝達 H20"; the glossary and mainland media often do not.
    const mixed = compileMatcher([
      { id: 'ai-chips', term: 'AI晶片', aliases: ['AI芯片'] },
      { id: 'china-ai', term: '中國 AI 公司', aliases: [] },
      { id: 'ai', term: 'AI', aliases: [] },
      { id: 'nv-chip', term: 'NV晶片', aliases: [], caseSensitive: true },
      { id: 'taiwan-ai', term: '台灣AI', aliases: [], caseSensitive: true },
      { id: 'llm', term: '大型語言模型', aliases: [] },
    ]);
    it.each<Case>([
      ['台灣的 AI 晶片', [['AI 晶片', 'ai-chips']]],
      ['AI  晶片', [['AI  晶片', 'ai-chips']]],
      ['AI\n\t晶片', [['AI\n\t晶片', 'ai-chips']]],
      ['ＡＩ 芯片', [['ＡＩ 芯片', 'ai-chips']]],
      ['AI\u200b 晶片', [['AI\u200b 晶片', 'ai-chips']]],
      // A name written with the spaces matches text without them, and the other way round.
      ['中國AI公司', [['中國AI公司', 'china-ai']]],
      ['中國 AI 公司', [['中國 AI 公司', 'china-ai']]],
      ['中國 AI公司', [['中國 AI公司', 'china-ai']]],
      // Letter case is read past the space.
      ['NV 晶片', [['NV 晶片', 'nv-chip']]],
      ['nv 晶片', []],
      ['台灣 AI', [['台灣 AI', 'taiwan-ai']]],
      ['台灣 ai', [['ai', 'ai']]],
      // Only HTML whitespace: a no-break or ideographic space is the page's own.
      ['AI\u00a0晶片', [['AI', 'ai']]],
      ['AI\u3000晶片', [['AI', 'ai']]],
      // Only where Chinese meets Latin: between Chinese characters a space still separates.
      ['大型語言 模型', []],
      ['AI chips', [['AI', 'ai']]],
      ['AI 。晶片', [['AI', 'ai']]],
      // Korean separates words with spaces.
      ['AI 칩', [['AI', 'ai']]],
    ])('%j', (text, expected) => expect(found(text, mixed)).toEqual(expected));

    it('reads a name in the pack written either way as one name', () => {
      const entries = [{ id: 'ai-chips', term: 'AI 晶片', aliases: ['AI晶片'] }];
      expect(buildPatternSet(entries).keys).toHaveLength(1);
      const spaced = compileMatcher(entries);
      expect(found('AI晶片與 AI 晶片', spaced)).toEqual([
        ['AI晶片', 'ai-chips'],
        ['AI 晶片', 'ai-chips'],
      ]);
    });

    it('drops from a name the spaces the editor’s search drops, astral characters and all', () => {
      for (const name of [
        'AI 晶片',
        '中國 AI 公司',
        '𠮷 AI',
        'AI 𠮷',
        'Nvidia 輝達 H20',
        'AI 칩',
        'x × 晶片',
        'Moonshot AI',
      ])
        expect(withoutScriptChangeSpaces(fold(name))).toBe(normalizeName(name).key);
      expect(withoutScriptChangeSpaces('𠮷 ai')).toBe('𠮷ai');
    });

    it('keeps a Chinese name next to a spaced Latin one apart from it', () => {
      expect(found('輝達 H20')).toEqual([
        ['輝達', 'nvidia'],
        ['H20', 'h20'],
      ]);
      expect(found('H20\n晶片')).toEqual([['H20\n晶片', 'h20']]);
    });
  });

  describe('case', () => {
    it.each<Case>([
      [
        'nvidia and NVIDIA and Nvidia',
        [
          ['nvidia', 'nvidia'],
          ['NVIDIA', 'nvidia'],
          ['Nvidia', 'nvidia'],
        ],
      ],
      ['Cohere raised money', [['Cohere', 'cohere']]],
      ['ideas that cohere', []],
      ['COHERE', []],
      ['Arm designs chips', [['Arm', 'arm']]],
      ["at arm's length", []],
      ['ARM', []],
      ['arm holdings', [['arm holdings', 'arm']]],
      ['Ｃｏｈｅｒｅ', [['Ｃｏｈｅｒｅ', 'cohere']]],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('word boundaries for Latin names', () => {
    it.each<Case>([
      ['OpenAIRE is a project', []],
      ["OpenAI's model", [['OpenAI', 'openai']]],
      ['Nvidia\u2019s chips', [['Nvidia', 'nvidia']]],
      ['ChatGPT-4o', [['ChatGPT', 'chatgpt']]],
      [
        '英伟达H20芯片',
        [
          ['英伟达', 'nvidia'],
          ['H20', 'h20'],
          ['芯片', 'chips'],
        ],
      ],
      [
        '英伟达H20',
        [
          ['英伟达', 'nvidia'],
          ['H20', 'h20'],
        ],
      ],
      [
        'H200 and H20',
        [
          ['H200', 'h200'],
          ['H20', 'h20'],
        ],
      ],
      ['XH20', []],
      ['H20X', []],
      ['(Nvidia)', [['Nvidia', 'nvidia']]],
      ['Nvidiaの株', [['Nvidia', 'nvidia']]],
      ['ÉNvidia', []],
      ['NvidiaÉ', []],
      ['1Nvidia', []],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('plurals (part of the highlight) and possessives (not)', () => {
    it.each<Case>([
      ['LLMs', [['LLMs', 'llm']]],
      ["LLM's", [['LLM', 'llm']]],
      [
        'GPUs and GPU',
        [
          ['GPUs', 'gpu'],
          ['GPU', 'gpu'],
        ],
      ],
      ['H20s', [['H20s', 'h20']]],
      ['LLMsx', []],
      ['Arms race', []],
      ["Cohere's CEO", [['Cohere', 'cohere']]],
      // A consonant and y: "-ies"; a vowel and y: an s.
      ['Chinese AI companies', [['AI companies', 'ai-company']]],
      ["AI companies' chips", [['AI companies', 'ai-company']]],
      ['AI COMPANIES', [['AI COMPANIES', 'ai-company']]],
      ['AI companiesx', []],
      ['AI keys', [['AI keys', 'ai-company']]],
      ['AI keies', []],
      // An excluded phrase covers its "-ies" plural as well.
      ['AI company policy', []],
      ['AI company policies', []],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('Latin names inside web and e-mail addresses are not mentions', () => {
    it.each<Case>([
      ['pan.alibaba.com/s/1ZV', []],
      ['www.tencent.com.cn', []],
      ['WWW.TENCENT.COM', []],
      ['press@nvidia.com', []],
      ['https://github.com/baichuan-inc/model', []],
      ['(http://example.org/a/b/openai)', []],
      ['www.example.com/nvidia-h20', []],
      // A link written without its scheme: a host name, then a path.
      ['github.com/openai/whisper', []],
      ['see x.com/OpenAI and example.com:8080/a/Nvidia', []],
      [
        'U.S./Nvidia and e.g./OpenAI',
        [
          ['Nvidia', 'nvidia'],
          ['OpenAI', 'openai'],
        ],
      ],
      ['openai.ChatCompletion.create()', []],
      ['英伟达nvidia.com', [['英伟达', 'nvidia']]],
      ['see openai.com: OpenAI said', [['OpenAI', 'openai']]],
      // Sentence ends, numbered lists, handles and slashes are prose.
      ['by Nvidia. Then', [['Nvidia', 'nvidia']]],
      ['Nvidia.', [['Nvidia', 'nvidia']]],
      ['1.OpenAI发布', [['OpenAI', 'openai']]],
      ['OpenAI.今天', [['OpenAI', 'openai']]],
      ['@OpenAI said', [['OpenAI', 'openai']]],
      [
        'Nvidia/Tencent',
        [
          ['Nvidia', 'nvidia'],
          ['Tencent', 'tencent'],
        ],
      ],
      ['GPUs.com', []],
      // A name that starts a hyphenated label of a domain name.
      ['nvidia-tickets.com nvidia-2-go.net', []],
      ['nvidia-', [['nvidia', 'nvidia']]],
      ['Nvidia-backed. Then', [['Nvidia', 'nvidia']]],
      ['Nvidia-backed 1.5', [['Nvidia', 'nvidia']]],
      ['Nvidia-backed.今天', [['Nvidia', 'nvidia']]],
      // A name in an e-mail address's local part, and the handles and asides that are prose.
      ['nvidia@example.com', []],
      ['tencent_ai+cn@163.com', []],
      ['openai-team@example.org', []],
      ['GPUs@example.com.cn', []],
      ['Nvidia@GTC', [['Nvidia', 'nvidia']]],
      ['Nvidia@', [['Nvidia', 'nvidia']]],
      ['Nvidia @ example.com', [['Nvidia', 'nvidia']]],
      ['Nvidia@.com', [['Nvidia', 'nvidia']]],
      // Chinese names are not written in addresses; one in a path is still the name.
      ['https://example.com/輝達', [['輝達', 'nvidia']]],
      // The scheme is looked for 512 characters back, no further: a run that long is not prose.
      [`http://${'x'.repeat(600)}/Nvidia`, [['Nvidia', 'nvidia']]],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('Chinese names match inside running text', () => {
    it.each<Case>([
      ['據報導百川智能表示', [['百川智能', 'baichuan']]],
      [
        '美國限制對華出口GPU晶片',
        [
          ['GPU', 'gpu'],
          ['晶片', 'chips'],
        ],
      ],
      ['安謀控股', [['安謀', 'arm']]],
    ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('explicit wholeWord overrides the default', () => {
    it.each<Case>([
      ['regenerate', [['gen', 'in-word']]],
      ['GenAIs', [['GenAIs', 'in-word']]],
      ['中芯國際', [['中芯國際', 'cjk-whole']]],
      ['在中芯国际上市', [['中芯', 'cjk-whole']]],
      // A space beside Latin is a whole word's bound, though names read it as nothing: in English
      // text ("shares of 中芯國際 rose") it is one, and a name joined across it is found anyway.
      ['x 中芯國際 0', [['中芯國際', 'cjk-whole']]],
      ['x中芯國際', [['中芯', 'cjk-whole']]],
    ])('%j', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('exclusions', () => {
    it.each<Case>([
      ['海納百川，有容乃大', []],
      ['海纳百川', []],
      ['百川归海', []],
      ['百川發布模型', [['百川', 'baichuan']]],
      ['海納百川與百川智能', [['百川智能', 'baichuan']]],
      ['阿里山的日出', []],
      ['阿里发布', [['阿里', 'alibaba']]],
      // A phrase ending in a letter covers its plural, as a name does: "wafers" is inside "vanilla wafers".
      ['a vanilla wafer', []],
      ['two vanilla wafers', []],
      ['vanilla waferss and wafers', [['wafers', 'wafer']]],
      ['silicon wafers', [['wafers', 'wafer']]],
    ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('leftmost-longest', () => {
    it.each<Case>([
      ['百川智能', [['百川智能', 'baichuan']]],
      [
        'Alibaba Cloud and Alibaba',
        [
          ['Alibaba Cloud', 'alibaba-cloud'],
          ['Alibaba', 'alibaba'],
        ],
      ],
      ['Arm Holdings', [['Arm Holdings', 'arm']]],
      ['阿里雲', [['阿里雲', 'alibaba-cloud']]],
      ['阿里巴巴', [['阿里巴巴', 'alibaba']]],
      ['H20晶片', [['H20晶片', 'h20']]],
    ])('%s', (text, expected) => expect(found(text)).toEqual(expected));
  });

  it('treats names differing only by case, width or script as one pattern', () => {
    const m = compileMatcher([{ id: 'nvidia', term: '輝達', aliases: ['辉达', 'Nvidia', 'NVIDIA', 'ＮＶＩＤＩＡ'] }]);
    expect(m.serialize().variantText).toHaveLength(2); // one variant per distinct folded name
    expect(found('輝達辉达 NVIDIA', m)).toEqual([
      ['輝達', 'nvidia'],
      ['辉达', 'nvidia'],
      ['NVIDIA', 'nvidia'],
    ]);
  });

  it('lets a case-sensitive name win over another entry’s case-insensitive one, by case', () => {
    const m = compileMatcher([
      { id: 'limb', term: 'arm', aliases: [] },
      { id: 'company', term: 'Arm', aliases: [], caseSensitive: true },
    ]);
    expect(found('Arm said its arm hurt', m)).toEqual([
      ['Arm', 'company'],
      ['arm', 'limb'],
    ]);
  });

  it('reports offsets into the original text, across surrogate pairs and skipped characters', () => {
    const text = '😀😀 Open\u200bAI 𠮷輝達';
    const spans = found(text).map(([s]) => s);
    expect(spans).toEqual(['Open\u200bAI', '輝達']);
  });

  it('finds display names: by the rules of the alias written the same, else by the entry’s', () => {
    const m = compileMatcher([
      {
        id: 'the-geopolitics',
        term: '《地緣政治》',
        names: { en: 'The Geopolitics' },
        aliases: [{ text: 'The Geopolitics', caseSensitive: true }],
      },
      { id: 'nvidia', term: '輝達', names: { 'zh-Hans': '英伟达', en: 'Nvidia' }, aliases: [] },
      { id: 'cohere', term: 'Cohere', names: { 'zh-Hans': '科希爾' }, aliases: [], caseSensitive: true },
    ]);
    expect(found('The Geopolitics, on the geopolitics of Nvidia (英偉達), cohere and 科希尔', m)).toEqual([
      ['The Geopolitics', 'the-geopolitics'],
      ['Nvidia', 'nvidia'],
      ['英偉達', 'nvidia'],
      ['科希尔', 'cohere'],
    ]);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(found('')).toEqual([]);
    expect(found('The quick brown fox. 今天天氣很好。')).toEqual([]);
  });
});
