export { READER_LANGUAGES, languageFromTag, resolveLanguage, type ReaderLanguage } from './language';
export {
  translate,
  translateCount,
  translator,
  formatMessage,
  type CountedKey,
  type MessageKey,
  type Substitution,
  type Translator,
} from './translate';
export { categoryLabel } from './categories';
