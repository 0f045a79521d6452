/**
 * Every message that crosses between extension contexts, as one discriminated union.
 * Receivers validate with `parseMessage` and ignore anything else, so a page (or a
 * stale content script from an older version) cannot drive the extension with
 * made-up messages. `zod/mini` keeps the content-script bundle small.
 */
import * as z from 'zod/mini';

const entryCounts = z.record(z.string().check(z.maxLength(64)), z.number().check(z.int(), z.minimum(0)));

export const messageSchema = z.discriminatedUnion('type', [
  /** Content script → background: what this frame found, for the toolbar badge. */
  z.object({ type: z.literal('page-summary'), counts: entryCounts }),
  /** Popup → content script: asks for the page's entry counts. Answered with `PageSummary`. */
  z.object({ type: z.literal('get-page-summary') }),
  /** Popup → content script: scroll to the next occurrence of an entry and focus it. */
  z.object({ type: z.literal('reveal-entry'), id: z.string().check(z.maxLength(64)) }),
  /** Content script → background: the compiled glossary is missing or unusable; build it. */
  z.object({ type: z.literal('ensure-glossary') }),
  /**
   * Whoever stored a new compiled glossary → every tab's content scripts: read it. Instead of a
   * storage watch, which would hand every frame each local write, megabytes of user packs too.
   */
  z.object({ type: z.literal('glossary-updated'), version: z.string().check(z.maxLength(64)) }),
]);
export type Message = z.infer<typeof messageSchema>;

export const pageSummarySchema = z.object({ url: z.string(), counts: entryCounts });
export type PageSummary = z.infer<typeof pageSummarySchema>;

/** The message if it is one of ours, otherwise undefined. */
export function parseMessage(raw: unknown): Message | undefined {
  const result = messageSchema.safeParse(raw);
  return result.success ? result.data : undefined;
}
