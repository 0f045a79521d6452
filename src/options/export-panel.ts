/** Exporting one pack, as the reader has it, to a pack file that imports back unchanged. */
import { packTitle } from '../glossary/entry-names';
import { exportFileName, exportPack, packFileText } from '../glossary-store/export-pack';
import type { Translator } from '../i18n';
import { h, replaceChildren } from './dom';
import { downloadText } from './download';
import type { EditorData } from './editor-store';

export interface ExportPanelOptions {
  doc: Document;
  t: Translator;
  getData(): EditorData;
  announce(message: string): void;
}

/** Builds the export controls; `update` refreshes the pack list. */
export function createExportPanel({ doc, t, getData, announce }: ExportPanelOptions) {
  const select = h(doc, 'select', { id: 'export-pack', 'data-testid': 'export-pack' });
  const button = h(doc, 'button', { type: 'button', 'data-testid': 'glossary-export' }, t('editorExport'));
  button.addEventListener('click', () => {
    const merged = getData().merged.packs.find((p) => p.pack.id === select.value) ?? getData().merged.packs[0];
    if (!merged) return;
    const pack = exportPack(merged);
    const fileName = exportFileName(pack);
    downloadText(doc, fileName, packFileText(pack));
    announce(t('editorExported', packTitle(pack, t.language), fileName));
  });
  const element = h(
    doc,
    'div',
    { class: 'export' },
    h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: 'export-pack' }, t('editorExportLabel')), select),
    button,
  );
  return {
    element,
    update(data: EditorData) {
      const current = select.value;
      replaceChildren(
        select,
        ...data.merged.packs.map((p) => h(doc, 'option', { value: p.pack.id }, packTitle(p.pack, t.language))),
      );
      if (data.merged.packs.some((p) => p.pack.id === current)) select.value = current;
    },
  };
}
