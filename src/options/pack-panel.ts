/** The installed packs: switch each on or off, remove imported ones. */
import { packTitle } from '../glossary/entry-names';
import { removeUserPack, setPackEnabled } from '../glossary-store/layer-edits';
import type { Translator } from '../i18n';
import { h, replaceChildren } from './dom';
import type { EditorData, EditorStore } from './editor-store';

export interface PackPanelOptions {
  doc: Document;
  t: Translator;
  store: EditorStore;
  announce(message: string, offerUndo?: boolean): void;
}

/** Builds the pack list; `update` redraws it. */
export function createPackPanel({ doc, t, store, announce }: PackPanelOptions) {
  const list = h(doc, 'ul', { class: 'packs', 'data-testid': 'pack-list' });
  const element = h(
    doc,
    'section',
    { class: 'packs-panel', 'aria-labelledby': 'packs-heading' },
    h(doc, 'h2', { id: 'packs-heading' }, t('editorPacksHeading')),
    list,
  );

  function row(pack: EditorData['merged']['packs'][number]): HTMLElement {
    const id = `pack-enabled-${pack.pack.id}`;
    const title = packTitle(pack.pack, t.language);
    const box = h(doc, 'input', { type: 'checkbox', id, 'data-testid': id });
    box.checked = pack.enabled;
    box.addEventListener('change', async () => {
      await store.apply((layer) => setPackEnabled(layer, pack.pack.id, box.checked));
      announce(t('editorPackSwitched', title, t(box.checked ? 'editorPackOn' : 'editorPackOff')), true);
    });
    const details = [
      t.count('editorPackEntryCount', pack.entries.length),
      t(pack.origin === 'bundled' ? 'editorPackBundled' : 'editorPackImported'),
      pack.pack.version,
    ].filter(Boolean);
    let remove: HTMLButtonElement | null = null;
    if (pack.origin === 'imported') {
      remove = h(
        doc,
        'button',
        { type: 'button', class: 'danger', 'data-testid': `pack-remove-${pack.pack.id}` },
        t('editorPackRemove', title),
      );
      remove.addEventListener('click', async () => {
        await store.apply((layer) => removeUserPack(layer, pack.pack.id));
        announce(t('editorPackRemoved', title), true);
      });
    }
    return h(
      doc,
      'li',
      {},
      h(doc, 'div', { class: 'check' }, box, h(doc, 'label', { for: id }, t('editorPackEnabled', title))),
      h(doc, 'p', { class: 'hint' }, details.join(' · ')),
      remove,
    );
  }

  return {
    element,
    update(data: EditorData) {
      // Redrawing must not throw the keyboard user's focus back to the top of the page.
      const focused = list.contains(doc.activeElement) ? doc.activeElement?.id : undefined;
      replaceChildren(list, ...data.merged.packs.map(row));
      if (focused) doc.getElementById(focused)?.focus();
    },
  };
}
