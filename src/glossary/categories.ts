/**
 * Entry categories, in a file of their own so that content scripts can import them
 * without pulling in the full pack schema (and zod with it).
 */
export const CATEGORIES = [
  'company',
  'organization',
  'person',
  'product',
  'technology',
  'policy',
  'concept',
  'publication',
  'event',
] as const;
export type Category = (typeof CATEGORIES)[number];
