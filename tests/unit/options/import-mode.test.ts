// @vitest-environment jsdom
/** The import mode is a pair of radio buttons whose labels are whole sentences, merge first. */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate';
import { openEditor } from './open-editor';

describe('the import mode', () => {
  it('offers merge (chosen) and replace as labelled radio buttons of one group', async () => {
    await openEditor('en');
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="import-mode"]')];
    expect(radios.map((r) => [r.type, r.value, r.checked])).toEqual([
      ['radio', 'merge', true],
      ['radio', 'replace', false],
    ]);
    const labels = radios.map((r) => document.querySelector(`label[for="${r.id}"]`)?.textContent);
    expect(labels).toEqual([translate('en', 'editorImportModeMerge'), translate('en', 'editorImportModeReplace')]);
    expect(radios[0]!.closest('fieldset')?.querySelector('legend')?.textContent).toBe(
      translate('en', 'editorImportMode'),
    );
  });
});
