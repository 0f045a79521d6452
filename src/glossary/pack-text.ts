/**
 * What the pack parser says about a file (its problems and warnings), kept as catalog keys so
 * the editor writes it in the reader's language; English (`inEnglish`) for everything else:
 * the schema's own messages, tools and tests.
 *
 * A text is a key of the catalogs' `pack…` messages with its substitutions, and a
 * substitution may be a text itself ("must be $EXPECTED$", EXPECTED "an object").
 */
import { translator, type CountedKey, type MessageKey, type Substitution, type Translator } from '../i18n';
import { CATALOGS } from '../i18n/catalogs';

export type PackTextKey = Extract<MessageKey, `pack${string}`>;

export interface PackText {
  key: PackTextKey;
  subs: (Substitution | PackText)[];
}

export const packText = (key: PackTextKey, ...subs: (Substitution | PackText)[]): PackText => ({ key, subs });

/** Whether `key`'s English has a singular form (`<key>_one`) for a count of 1, its first substitution. */
const isCounted = (key: PackTextKey): key is PackTextKey & CountedKey => `${key}_one` in CATALOGS.en;

/** Substitutions for a message written with `t`, each text among them written with it too. */
export const writeSubstitutions = (t: Translator, subs: readonly (Substitution | PackText)[]): Substitution[] =>
  subs.map((s) => (typeof s === 'object' ? writePackText(t, s) : s));

/** `text` written with `t`. */
export function writePackText(t: Translator, text: PackText): string {
  const subs = writeSubstitutions(t, text.subs);
  const [first, ...more] = subs;
  if (isCounted(text.key) && typeof first === 'number') return t.count(text.key, first, ...more);
  return t(text.key, ...subs);
}

const english = translator('en');
export const inEnglish = (text: PackText): string => writePackText(english, text);

/**
 * The schema's own messages for its fixed checks ("must be a lower-case slug…"), by their
 * English text: zod hands back only the text, and the parser's report is written from the key.
 */
const schemaMessages = new Map<string, PackText>();

/** The English message for a fixed check of the schema, remembered as `text`. */
export function schemaMessage(key: PackTextKey, ...subs: (Substitution | PackText)[]): string {
  const text = packText(key, ...subs);
  const message = inEnglish(text);
  schemaMessages.set(message, text);
  return message;
}

/** The text a schema message was written from, if it was one. */
export const schemaMessageText = (message: string): PackText | undefined => schemaMessages.get(message);
