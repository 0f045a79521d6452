// @vitest-environment jsdom
/** The import mode is a pair of radio buttons whose labels are whole sentences, merge first. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translate } from '../../../src/i18n/translate';
import { startEditor } from '../../../src/options/editor-app';

describe('the import mode', () => {
  it('offers merge (chosen) and replace as labelled radio buttons of one group', async () => {
    fakeBrowser.reset();
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await startEditor(document, root, 'en');
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
