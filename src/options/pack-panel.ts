/** The installed packs: what each is drawn from; switch each on or off, remove imported ones. */
import { packDescription, packTitle } from '../glossary/entry-names';
import type { Pack } from '../glossary/schema';
import { removeUserPack, setPackEnabled } from '../glossary-store/layer-edits';
import type { Translator } from '../i18n';
import { webUrl } from '../validate';
import { h, replaceChildren } from './dom';
import { packSubject, type EditorData, type EditorStore } from './editor-store';

/** Stand-ins no message contains, for the parts of a message that are put in afterwards. */
const TITLE_SLOT = '\u0000';
const AUTHOR_SLOT = '\u0001';

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

  /**
   * The column a pack is drawn from: its title (a link where the pack gives its address), its
   * author, and where and when it appeared. Pack text is data, set as text.
   */
  function sourceLine(pack: Pack): HTMLElement {
    const { source } = pack;
    const url = webUrl(source.url);
    const title = url
      ? h(doc, 'a', { href: url.href, target: '_blank', rel: 'noopener noreferrer' }, source.title)
      : h(doc, 'span', {}, source.title);
    // The column's own language picks the right glyphs for its title.
    if (source.language) title.lang = source.language;
    // The message with the title left as a slot, where the link goes (Chinese puts it last).
    const [before = '', after = ''] = t('editorPackSource', TITLE_SLOT, AUTHOR_SLOT)
      .split(TITLE_SLOT)
      .map((part) => part.replace(AUTHOR_SLOT, () => source.author)); // a function: `$&` in a name is text
    return h(
      doc,
      'p',
      { class: 'pack-source', 'data-testid': `pack-source-${pack.id}` },
      before,
      title,
      after,
      ...[source.publication, source.date].filter(Boolean).map((fact) => ` · ${fact}`),
    );
  }

  function row(pack: EditorData['merged']['packs'][number]): HTMLElement {
    const id = `pack-enabled-${pack.pack.id}`;
    const title = packTitle(pack.pack, t.language);
    const description = packDescription(pack.pack, t.language);
    const box = h(doc, 'input', { type: 'checkbox', id, 'data-testid': id });
    box.checked = pack.enabled;
    box.addEventListener('change', async () => {
      await store.apply((layer) => setPackEnabled(layer, pack.pack.id, box.checked), packSubject(pack.pack.id));
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
        // An id, so that a redraw (another tab's change) gives focus back to it.
        {
          type: 'button',
          class: 'danger',
          id: `pack-remove-${pack.pack.id}`,
          'data-testid': `pack-remove-${pack.pack.id}`,
        },
        t('editorPackRemove', title),
      );
      remove.addEventListener('click', async () => {
        const index = store.data.merged.packs.findIndex((p) => p.pack.id === pack.pack.id);
        await store.apply((layer) => removeUserPack(layer, pack.pack.id), packSubject(pack.pack.id));
        announce(t('editorPackRemoved', title), true);
        // The button pressed went with its pack: focus goes on to the next pack (its Remove, else
        // its switch), else the one before, else the import field, not to the page's top.
        const row = list.children[index] ?? list.children[index - 1];
        (
          row?.querySelector<HTMLElement>('button.danger') ??
          row?.querySelector<HTMLElement>('input') ??
          doc.getElementById('glossary-import')
        )?.focus();
      });
    }
    return h(
      doc,
      'li',
      {},
      h(doc, 'div', { class: 'check' }, box, h(doc, 'label', { for: id }, t('editorPackEnabled', title))),
      h(doc, 'p', { class: 'hint' }, details.join(' · ')),
      sourceLine(pack.pack),
      description ? h(doc, 'p', { class: 'pack-description' }, description) : null,
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
