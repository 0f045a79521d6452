/**
 * Looks up UI text in the bundled catalogs with the semantics of `i18n.getMessage`:
 * named placeholders (`$HOST$`) expand to their `content` (`$1`), which takes the
 * substitutions; `$$` is a literal dollar sign.
 */
import { CATALOGS, type CatalogMessage, type MessageKey } from './catalogs';
import type { ReaderLanguage } from './language';

export type { MessageKey };

/** Expands one catalog message with its substitutions. */
export function formatMessage(entry: CatalogMessage, substitutions: readonly string[] = []): string {
  const positional = (ref: string) => (ref === '$' ? '$' : (substitutions[Number(ref) - 1] ?? ''));
  // One pass, so a substitution that happens to contain "$1" is left as written.
  return entry.message.replace(/\$([A-Za-z_@][A-Za-z0-9_@]*)\$|\$(\$|[1-9])/g, (whole, name?: string, ref?: string) => {
    if (ref !== undefined) return positional(ref);
    const placeholder = entry.placeholders?.[(name ?? '').toLowerCase()];
    // Chrome leaves an unknown $NAME$ as written; doing the same keeps a typo visible.
    return placeholder ? placeholder.content.replace(/\$(\$|[1-9])/g, (_, r: string) => positional(r)) : whole;
  });
}

/** The text for `key` in `language`, with `$1`… filled from `substitutions`. */
export function translate(language: ReaderLanguage, key: MessageKey, ...substitutions: string[]): string {
  return formatMessage(CATALOGS[language][key], substitutions);
}

/** A `t(key, ...subs)` bound to one language. */
export function translator(language: ReaderLanguage): (key: MessageKey, ...substitutions: string[]) => string {
  return (key, ...substitutions) => translate(language, key, ...substitutions);
}
