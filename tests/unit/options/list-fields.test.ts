// @vitest-environment jsdom
/**
 * The entry form's list fields (one item per line) open tall enough to show every item they
 * hold and a line for the next: at a fixed three lines, most of Nvidia's related entries were
 * hidden below the box's edge.
 */
import { describe, expect, it } from 'vitest';
import { openEditor } from './open-editor';

const area = (id: string) => document.getElementById(id) as HTMLTextAreaElement;

describe('the entry form’s list fields', () => {
  it('open with a line for each item they hold and one more, and keep their least height', async () => {
    await openEditor('en');
    document.querySelector<HTMLButtonElement>('button.entry-row[data-key$="/nvidia"]')!.click();
    const related = area('field-related');
    const items = related.value.split('\n').length;
    expect(items).toBeGreaterThan(3);
    expect(related.rows).toBe(items + 1);
    // Empty, or fewer lines than its least height: that height.
    expect(area('field-exclude').value).toBe('');
    expect(area('field-exclude').rows).toBe(3);
    const single = [...document.querySelectorAll<HTMLButtonElement>('button.entry-row')].find((row) =>
      row.dataset.key?.endsWith('/cohere'),
    )!;
    single.click();
    expect(area('field-links').value.split('\n')).toHaveLength(1);
    expect(area('field-links').rows).toBe(2);
  });
});
