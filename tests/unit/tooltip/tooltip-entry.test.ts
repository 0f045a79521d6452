import { describe, expect, it } from 'vitest';
import { MAX_LINKS, otherNames, pickNote, webLinks } from '../../../src/tooltip/tooltip-entry';

describe('pickNote', () => {
  const all = { 'zh-Hant': '繁體說明', 'zh-Hans': '简体说明', en: 'English note' };

  it('gives the note in the reader’s language', () => {
    expect(pickNote(all, 'zh-Hant')).toEqual({ text: '繁體說明', language: 'zh-Hant' });
    expect(pickNote(all, 'zh-Hans')).toEqual({ text: '简体说明', language: 'zh-Hans' });
    expect(pickNote(all, 'en')).toEqual({ text: 'English note', language: 'en' });
  });

  it('falls back to the other Chinese script before English, and never converts', () => {
    expect(pickNote({ 'zh-Hant': '繁體說明', en: 'English note' }, 'zh-Hans')).toEqual({
      text: '繁體說明',
      language: 'zh-Hant',
    });
    expect(pickNote({ 'zh-Hans': '简体说明', en: 'English note' }, 'zh-Hant')).toEqual({
      text: '简体说明',
      language: 'zh-Hans',
    });
    expect(pickNote({ en: 'English note' }, 'zh-Hant')).toEqual({ text: 'English note', language: 'en' });
  });

  it('gives English readers the column’s Traditional Chinese before Simplified', () => {
    expect(pickNote({ 'zh-Hant': '繁體說明', 'zh-Hans': '简体说明' }, 'en')?.language).toBe('zh-Hant');
    expect(pickNote({ 'zh-Hans': '简体说明' }, 'en')?.language).toBe('zh-Hans');
  });

  it('shows a single untagged note to everyone and skips blank ones', () => {
    expect(pickNote('One note', 'zh-Hans')).toEqual({ text: 'One note' });
    expect(pickNote({ en: '   ', 'zh-Hant': '有內容' }, 'en')).toEqual({ text: '有內容', language: 'zh-Hant' });
    expect(pickNote({}, 'en')).toBeUndefined();
  });
});

describe('otherNames', () => {
  it('lists the aliases without the term and without case-only repeats, in pack order after the reader’s own', () => {
    const names = otherNames(
      {
        term: '輝達',
        aliases: [
          '英偉達',
          '英伟达',
          'Nvidia',
          { text: 'NVIDIA', caseSensitive: true } as { text: string },
          ' 輝達 ',
          '英偉達',
        ],
      },
      '輝達',
    );
    // An English reader's (no Chinese characters) first.
    expect(names).toEqual(['Nvidia', '英偉達', '英伟达']);
  });

  it('lists the term when a display name is shown instead, and display names that are no alias', () => {
    const entry = { term: '輝達', names: { 'zh-Hans': '英伟达', en: 'NVIDIA Corp.' }, aliases: ['英偉達', '英伟达'] };
    expect(otherNames(entry, '英伟达')).toEqual(['NVIDIA Corp.', '輝達', '英偉達']);
    expect(otherNames(entry, 'NVIDIA Corp.')).toEqual(['輝達', '英偉達', '英伟达']);
  });

  it('gives a Chinese reader each name once, in their own script where the pack has it', () => {
    const gpu = {
      term: '圖形處理器',
      names: { 'zh-Hans': '图形处理器', en: 'GPU' },
      aliases: ['图形处理器', '圖形處理單元', '图形处理单元', '繪圖處理器', '绘图处理器', 'graphics processing unit'],
    };
    expect(otherNames(gpu, '圖形處理器', 'zh-Hant')).toEqual([
      '圖形處理單元',
      '繪圖處理器',
      'graphics processing unit',
      'GPU',
    ]);
    expect(otherNames(gpu, '图形处理器', 'zh-Hans')).toEqual([
      '图形处理单元',
      '绘图处理器',
      'graphics processing unit',
      'GPU',
    ]);
    // English readers may meet either script: both stay, after the English names.
    expect(otherNames(gpu, 'GPU', 'en')).toEqual([
      'graphics processing unit',
      '圖形處理器',
      '图形处理器',
      '圖形處理單元',
      '图形处理单元',
      '繪圖處理器',
      '绘图处理器',
    ]);
  });

  it('keeps a name only the other script has, and another word for the same thing', () => {
    const nvidia = { term: '輝達', names: { 'zh-Hans': '英伟达' }, aliases: ['英偉達', 'Nvidia', 'NVIDIA'] };
    // 輝達 has no Simplified spelling in the pack; 英偉達 is the shown name in Traditional.
    expect(otherNames(nvidia, '英伟达', 'zh-Hans')).toEqual(['Nvidia', '輝達']);
    expect(otherNames(nvidia, '輝達', 'zh-Hant')).toEqual(['英偉達', 'Nvidia']);
    // Variants that fold alike (臺/台) are one name: the first in pack order in the reader's script.
    expect(otherNames({ term: 'Taiwan', aliases: ['台灣', '臺灣', '台湾'] }, 'Taiwan', 'zh-Hant')).toEqual(['台灣']);
    expect(otherNames({ term: 'Taiwan', aliases: ['台灣', '臺灣', '台湾'] }, 'Taiwan', 'zh-Hans')).toEqual(['台湾']);
  });

  it('gives a Chinese reader their own script’s words before the other’s', () => {
    const industry = {
      term: '中國晶片產業',
      names: { 'zh-Hans': '中国芯片产业', en: 'Chinese chip industry' },
      aliases: ['中國晶片業', '中国芯片产业', '中國晶片企業', '中国芯片企业', '中國半導體', '中国芯'],
    };
    // Taiwan's words (晶片) fold to no Simplified name; a name the pack has in Traditional only
    // (中國半導體) is shown as it has it. All after the reader's own.
    expect(otherNames(industry, '中国芯片产业', 'zh-Hans')).toEqual([
      '中国芯片企业',
      '中国芯',
      'Chinese chip industry',
      '中國晶片產業',
      '中國晶片業',
      '中國晶片企業',
      '中國半導體',
    ]);
    // And to a reader of Traditional, the mainland's words (芯片) after theirs. 中国芯 is shown
    // in Simplified, the only script the pack has it in.
    expect(otherNames(industry, '中國晶片產業', 'zh-Hant')).toEqual([
      '中國晶片業',
      '中國晶片企業',
      '中國半導體',
      'Chinese chip industry',
      '中国芯片产业',
      '中国芯片企业',
      '中国芯',
    ]);
    // English spellings after the reader's Chinese, wherever the pack puts them.
    const chipmakers = {
      term: '中國晶片產業',
      names: { 'zh-Hans': '中国芯片产业' },
      aliases: ['Chinese chipmaker', '中國晶片業', 'China’s chip industry', '中国芯', '中國芯'],
    };
    expect(otherNames(chipmakers, '中国芯片产业', 'zh-Hans')).toEqual([
      '中国芯',
      'Chinese chipmaker',
      'China’s chip industry',
      '中國晶片產業',
      '中國晶片業',
    ]);
    expect(otherNames(chipmakers, '中國晶片產業', 'zh-Hant')).toEqual([
      '中國晶片業',
      '中國芯',
      'Chinese chipmaker',
      'China’s chip industry',
      '中国芯片产业',
    ]);
    // A name of characters both scripts write alike stays where the pack has it.
    expect(otherNames({ term: '百度', aliases: ['百度公司', '中国百度', 'Baidu'] }, '百度', 'zh-Hant')).toEqual([
      '百度公司',
      'Baidu',
      '中国百度',
    ]);
  });

  it('takes names apart only by spacing for one name, and shows each with its spaces as one', () => {
    const moonshot = { term: '月之暗面', aliases: ['Moonshot AI', 'Moonshot  AI', ' Moonshot\tAI '] };
    expect(otherNames(moonshot, '月之暗面', 'en')).toEqual(['Moonshot AI']);
    const genai = { term: '生成式AI', aliases: ['生成式 AI', '生成式人工智慧', '生成式 人工智慧', 'generative  AI'] };
    expect(otherNames(genai, '生成式AI', 'zh-Hant')).toEqual(['生成式人工智慧', 'generative AI']);
    expect(otherNames(genai, '生成式 AI', 'en')).toEqual(['generative AI', '生成式人工智慧']);
  });

  it('is empty when the entry has no other names', () => {
    expect(otherNames({ term: 'TSMC', aliases: ['tsmc'] }, 'TSMC')).toEqual([]);
  });
});

describe('webLinks', () => {
  it('keeps titled http(s) links, in order, at most MAX_LINKS', () => {
    const links = Array.from({ length: MAX_LINKS + 2 }, (_, i) => ({
      title: ` Link ${i} `,
      url: `https://e.example/${i}`,
    }));
    expect(webLinks(links, 'en')).toEqual(
      links.slice(0, MAX_LINKS).map((l, i) => ({ title: `Link ${i}`, url: `https://e.example/${i}` })),
    );
    expect(webLinks([{ title: 'Plain', url: 'http://e.example' }], 'zh-Hant')).toEqual([
      { title: 'Plain', url: 'http://e.example/' },
    ]);
  });

  it('drops every other scheme, untitled or malformed links, and data that is not a list', () => {
    const bad = [
      { title: 'Script', url: 'javascript:alert(1)' },
      { title: 'Upper', url: 'JAVASCRIPT:alert(1)' },
      { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
      { title: 'File', url: 'file:///etc/passwd' },
      { title: 'Relative', url: '/path' },
      { title: '  ', url: 'https://e.example' },
      { title: 5, url: 'https://e.example' },
      { title: 'No URL' },
      null,
      'https://e.example',
    ];
    expect(webLinks(bad, 'en')).toEqual([]);
    expect(webLinks({ title: 'x', url: 'https://e.example' }, 'en')).toEqual([]);
    expect(webLinks('https://e.example', 'en')).toEqual([]);
    expect(webLinks(undefined, 'en')).toEqual([]);
  });

  describe('links in a language', () => {
    const english = { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'en' };
    const traditional = { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/Nvidia', lang: 'zh-Hant' };
    const simplified = { title: '维基百科', url: 'https://zh.wikipedia.org/zh-cn/Nvidia', lang: 'zh-Hans' };
    const anyone = { title: 'Company site', url: 'https://nvidia.example/' };
    const titles = (links: { title: string }[]) => links.map((l) => l.title);

    it('shows each reader the links in their language, and every link that names none', () => {
      const links = [english, anyone, traditional, simplified];
      expect(titles(webLinks(links, 'en'))).toEqual(['Wikipedia', 'Company site']);
      expect(titles(webLinks(links, 'zh-Hant'))).toEqual(['Company site', '維基百科']);
      expect(titles(webLinks(links, 'zh-Hans'))).toEqual(['Company site', '维基百科']);
    });

    it('falls back to the nearest language, as notes do: the other script before English', () => {
      expect(titles(webLinks([english, traditional], 'zh-Hans'))).toEqual(['維基百科']);
      expect(titles(webLinks([english, simplified], 'zh-Hant'))).toEqual(['维基百科']);
      expect(titles(webLinks([english], 'zh-Hant'))).toEqual(['Wikipedia']);
      expect(titles(webLinks([simplified, traditional], 'en'))).toEqual(['維基百科']);
    });

    it('reads the language from any tag for it, as written, and shows links in another language to everyone', () => {
      const taiwan = { ...traditional, lang: 'zh-TW' };
      const china = { ...simplified, lang: 'zh_CN' };
      const british = { ...english, lang: 'en-GB' };
      expect(titles(webLinks([british, taiwan, china], 'zh-Hant'))).toEqual(['維基百科']);
      expect(titles(webLinks([british, taiwan, china], 'zh-Hans'))).toEqual(['维基百科']);
      expect(titles(webLinks([british, taiwan, china], 'en'))).toEqual(['Wikipedia']);
      // The tag is the anchor's hreflang as the pack wrote it.
      expect(webLinks([taiwan], 'zh-Hant')).toEqual([
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/Nvidia', hreflang: 'zh-TW' },
      ]);
      const japanese = { ...english, title: 'ウィキペディア', lang: 'ja' };
      expect(webLinks([japanese, english, traditional], 'zh-Hans')).toEqual([
        { title: 'ウィキペディア', url: 'https://en.wikipedia.org/wiki/Nvidia', hreflang: 'ja' },
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/Nvidia', hreflang: 'zh-Hant' },
      ]);
      // Storage holding something that is no tag: a link for everyone, without hreflang.
      expect(
        webLinks(
          [
            { ...english, lang: 5 },
            { ...anyone, lang: '  ' },
          ],
          'zh-Hans',
        ),
      ).toEqual([
        { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia' },
        { title: 'Company site', url: 'https://nvidia.example/' },
      ]);
    });

    it("keeps the reader's own links within MAX_LINKS before links for everyone, in the pack's order", () => {
      const general = Array.from({ length: MAX_LINKS }, (_, i) => ({
        title: `Site ${i}`,
        url: `https://e.example/${i}`,
      }));
      const shown = titles(webLinks([...general, traditional], 'zh-Hant'));
      expect(shown).toHaveLength(MAX_LINKS);
      expect(shown).toEqual([...titles(general).slice(0, MAX_LINKS - 1), '維基百科']);
    });

    it('shows an address once, and writes a tag with underscores as HTML does', () => {
      const again = { ...english, title: 'Wikipedia (en)', lang: undefined };
      expect(titles(webLinks([english, again, anyone], 'en'))).toEqual(['Wikipedia', 'Company site']);
      // Once among the links a reader is shown: another language's link at that address hides nothing.
      const sameAddress = { title: 'Baike', url: simplified.url };
      expect(titles(webLinks([english, simplified, sameAddress], 'en'))).toEqual(['Wikipedia', 'Baike']);
      expect(titles(webLinks([english, simplified, sameAddress], 'zh-Hans'))).toEqual(['维基百科']);
      expect(webLinks([{ ...traditional, lang: 'zh_Hant' }], 'zh-Hant')).toEqual([
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/Nvidia', hreflang: 'zh-Hant' },
      ]);
    });

    it('counts MAX_LINKS after choosing the language', () => {
      const many = (lang: string) =>
        Array.from({ length: MAX_LINKS }, (_, i) => ({
          title: `${lang} ${i}`,
          url: `https://e.example/${lang}/${i}`,
          lang,
        }));
      expect(titles(webLinks([...many('en'), ...many('zh-Hans')], 'zh-Hans'))).toEqual(titles(many('zh-Hans')));
    });
  });
});
