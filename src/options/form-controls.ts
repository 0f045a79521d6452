/**
 * Form controls for the entry form: each labelled, with an optional hint and an error line
 * that `aria-describedby` points at, registered by field name so errors can find them.
 */
import type { FieldName } from './entry-form-values';
import { h, type Attributes, type Child } from './dom';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The DOM id of a field's control, e.g. `field-notes-en`. */
export const controlId = (field: FieldName) => `field-${field.replace('.', '-')}`;

export interface FieldRegistry {
  controls: Map<FieldName, Control>;
  errors: Map<FieldName, HTMLElement>;
  /** A labelled control with its hint and (hidden) error line. */
  field(name: FieldName, label: Child, control: Control, hint?: string): HTMLElement;
}

/** A fresh registry for one rendering of the form. */
export function createFieldRegistry(doc: Document): FieldRegistry {
  const controls = new Map<FieldName, Control>();
  const errors = new Map<FieldName, HTMLElement>();
  return {
    controls,
    errors,
    field(name, label, control, hint) {
      const id = controlId(name);
      control.id = id;
      control.setAttribute('data-testid', id);
      control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
      const error = h(doc, 'p', { id: `${id}-error`, class: 'field-error', hidden: true });
      controls.set(name, control);
      errors.set(name, error);
      return h(
        doc,
        'div',
        { class: 'field' },
        h(doc, 'label', { for: id }, label),
        control,
        hint ? h(doc, 'p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
        error,
      );
    },
  };
}

/**
 * A one-line text input holding `value`. Its direction follows what is typed (`dir="auto"`, as
 * in every text control here): a name or note in Hebrew or Arabic reads right to left.
 */
export function textInput(doc: Document, value: string, attrs: Attributes = {}): HTMLInputElement {
  const input = h(doc, 'input', { type: 'text', autocomplete: 'off', spellcheck: false, dir: 'auto', ...attrs });
  input.value = value;
  return input;
}

/** A textarea holding `value`. */
export function textArea(doc: Document, value: string, rows: number, attrs: Attributes = {}): HTMLTextAreaElement {
  const area = h(doc, 'textarea', { rows, dir: 'auto', ...attrs });
  area.value = value;
  return area;
}

/** The most lines a list field opens with; a longer list scrolls. */
const LIST_ROWS_MAX = 12;

/**
 * A text area for a list, one item per line, tall enough to show every item it opens with and
 * a line for the next (`rows` at least, up to 12): at a fixed 3 lines, Nvidia's seven related
 * entries were four hidden below the box's edge, and an error could name one the reader could
 * not see.
 */
export function listArea(doc: Document, value: string, rows: number, attrs: Attributes = {}): HTMLTextAreaElement {
  const items = value ? value.split('\n').length : 0;
  return textArea(doc, value, Math.min(LIST_ROWS_MAX, Math.max(rows, items + 1)), attrs);
}

/** A select of [value, label] options with `value` chosen. */
export function selectControl(doc: Document, value: string, options: readonly [string, string][]): HTMLSelectElement {
  const control = h(doc, 'select', {}, ...options.map(([v, label]) => h(doc, 'option', { value: v }, label)));
  control.value = value;
  return control;
}
