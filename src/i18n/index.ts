export { READER_LANGUAGES, languageFromTag, resolveLanguage, type ReaderLanguage } from './language';
export { translate, translator, formatMessage, type MessageKey } from './translate';
export { categoryLabel } from './categories';
