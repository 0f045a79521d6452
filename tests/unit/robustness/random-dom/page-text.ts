/**
 * The words random pages are made of: the bundled pack's names in all three scripts, names
 * the matcher treats specially (case, plurals, exclusions, spacing, width, word boundaries)
 * and filler text, spaces and invisible characters between them.
 */
import fc from 'fast-check';
import { ALL_NAMES } from './real-glossary';

/** Names the real matcher treats specially: case, plurals, exclusions, spacing, width, boundaries. */
const TRICKY = [
  'Arm',
  'Arms',
  'arm',
  'ARM',
  'Cohere',
  'cohere',
  '海納百川',
  '海纳百川',
  'CAC 40',
  'CAC',
  'cac',
  'LLMs',
  'LLMS',
  "Nvidia's",
  'GPUs',
  'ＮＶＩＤＩＡ',
  '英偉达',
  'Open\u00a0AI',
  'Moon\u200bshot AI',
  'Moonshot \n AI',
  'Nano\u2010X',
  'Character',
  'character',
  'H20s',
  'xNvidia',
  'Nvidiax',
  'Nvi\u00addia',
];
const FILLER = [
  '的',
  '與',
  '与',
  '和',
  '中國',
  '中国',
  '公司',
  'the ',
  ' and ',
  'said ',
  '，',
  '。',
  '、',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '\u200b',
  '\u00ad',
  's',
  "'s",
  '-',
  'x',
  '1',
  '😀',
  '《',
  '》',
];

export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALL_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 4, arbitrary: fc.constantFrom(...FILLER) },
);
export const tokens = fc.array(token, { minLength: 1, maxLength: 6 });
