// The typed inputs form: one control per input type, prefilled, validated live with the engine's
// own parser. Submit with the Run button or Ctrl/Cmd+Enter.
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import { validateForm, validateFormValue } from '../model/form-values';
import type { FormValue, FormValues, ShowFormMessage } from '../protocol';
import { button, el } from './dom';

export interface FormActions {
  submit(values: FormValues): void;
  cancel(): void;
  pickFile(inputId: string): void;
}

interface Field {
  input: InputDefinition;
  element: HTMLElement;
  read(): FormValue;
  focus(): void;
  error: HTMLElement;
  /** Sets a path chosen in the host's file dialog (FILE inputs). */
  setPath?(path: string): void;
}

const TEXTAREA_TYPES = new Set(['JSON', 'YAML', 'ARRAY']);
const PLACEHOLDERS: Partial<Record<string, string>> = {
  DATETIME: '2024-01-31T10:00:00Z',
  DURATION: 'PT5M',
  URI: 'https://example.com/path',
  EMAIL: 'name@example.com',
  JSON: '{ "key": "value" }',
  YAML: 'key: value',
  ARRAY: '["a", "b"]',
};

function fieldId(input: InputDefinition): string {
  return `input-${input.id}`;
}

function textControl(input: InputDefinition, value: FormValue): HTMLInputElement | HTMLTextAreaElement {
  const text = typeof value === 'string' ? value : '';
  const attrs: Record<string, string> = { id: fieldId(input), name: input.id, spellcheck: 'false' };
  const placeholder = PLACEHOLDERS[input.type];
  if (placeholder) attrs.placeholder = placeholder;
  if (TEXTAREA_TYPES.has(input.type)) {
    const area = el('textarea', {
      attrs: { ...attrs, rows: String(Math.min(12, Math.max(3, text.split('\n').length + 1))) },
    });
    area.value = text;
    return area;
  }
  const type: Record<string, string> = {
    INT: 'number',
    FLOAT: 'number',
    SECRET: 'password',
    DATE: 'date',
    TIME: 'time',
  };
  const control = el('input', { attrs: { ...attrs, type: type[input.type] ?? 'text' } });
  if (input.type === 'INT') control.step = '1';
  if (input.type === 'FLOAT') control.step = 'any';
  if (input.type === 'TIME') control.step = '1';
  if (input.type === 'INT' || input.type === 'FLOAT') {
    if (typeof input.min === 'number' || typeof input.min === 'string') control.min = String(input.min);
    if (typeof input.max === 'number' || typeof input.max === 'string') control.max = String(input.max);
  }
  if (input.type === 'SECRET') control.autocomplete = 'off';
  control.value = text;
  return control;
}

function choices(input: InputDefinition): string[] {
  return input.values ?? input.options ?? [];
}

export class InputsForm {
  readonly element: HTMLElement;
  private fields: Field[] = [];
  private readonly body: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly summary: HTMLElement;

  constructor(private readonly actions: FormActions) {
    this.heading = el('h2');
    this.body = el('div', { className: 'form-fields' });
    this.summary = el('div', { className: 'form-summary', attrs: { role: 'alert' } });
    const form = el('form', { className: 'inputs-form', attrs: { novalidate: '' } }, [
      this.heading,
      el('p', { className: 'muted', text: 'Fields marked * are required. Ctrl+Enter runs.' }),
      this.body,
      this.summary,
      el('div', { className: 'form-actions' }, [
        el('button', { className: 'primary', text: 'Run', attrs: { type: 'submit' } }),
        button('Cancel', () => this.actions.cancel(), { className: 'secondary' }),
      ]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.submit();
      }
    });
    this.element = form;
  }

  show(message: ShowFormMessage): void {
    const where = message.target === 'server' ? ' on the Kestra server' : '';
    this.heading.textContent = `Run ${message.flow.namespace}.${message.flow.id}${where}`;
    this.summary.textContent = '';
    this.fields = message.inputs.map((input) => this.field(input, message.values[input.id]));
    this.body.replaceChildren(...this.fields.map((field) => field.element));
    this.fields[0]?.focus();
  }

  filePicked(inputId: string, path: string): void {
    this.fields.find((field) => field.input.id === inputId)?.setPath?.(path);
  }

  private values(): FormValues {
    const values: FormValues = {};
    for (const field of this.fields) values[field.input.id] = field.read();
    return values;
  }

  private submit(): void {
    const values = this.values();
    const problems = validateForm(
      this.fields.map((field) => field.input),
      values,
    );
    for (const field of this.fields) this.showError(field, problems.get(field.input.id));
    if (problems.size > 0) {
      this.summary.textContent = `${problems.size} input${problems.size === 1 ? ' needs' : 's need'} attention.`;
      this.fields.find((field) => problems.has(field.input.id))?.focus();
      return;
    }
    this.summary.textContent = '';
    this.actions.submit(values);
  }

  private showError(field: Field, problem: string | undefined): void {
    field.error.textContent = problem ?? '';
    field.error.hidden = problem === undefined;
    field.element.classList.toggle('invalid', problem !== undefined);
  }

  private field(input: InputDefinition, value: FormValue | undefined): Field {
    const error = el('div', {
      className: 'field-error',
      attrs: { id: `${fieldId(input)}-error`, hidden: '', 'aria-live': 'polite' },
    });
    const label = el('label', { className: 'field-label', attrs: { for: fieldId(input) } }, [
      el('span', { text: input.displayName ?? input.id }),
      ...(input.required
        ? [el('span', { className: 'required', text: ' *', attrs: { 'aria-label': 'required' } })]
        : []),
      el('span', { className: 'field-type', text: ` ${input.type}` }),
    ]);
    const { control, read, setPath } = this.control(input, value);
    const describedBy = [`${fieldId(input)}-error`];
    const parts: HTMLElement[] = [label];
    if (input.displayName && input.displayName !== input.id)
      parts.push(el('div', { className: 'field-id muted', text: input.id }));
    if (input.description) {
      parts.push(
        el('div', {
          className: 'field-description muted',
          text: input.description,
          attrs: { id: `${fieldId(input)}-description` },
        }),
      );
      describedBy.push(`${fieldId(input)}-description`);
    }
    parts.push(control, error);
    const element = el('div', { className: 'field' }, parts);
    const focusable = control.matches('input, select, textarea')
      ? control
      : control.querySelector<HTMLElement>('input, select, textarea');
    focusable?.setAttribute('aria-describedby', describedBy.join(' '));
    const field: Field = { input, element, read, error, focus: () => focusable?.focus() };
    if (setPath) field.setPath = setPath;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.showError(field, validateFormValue(input, read())), 150);
    };
    control.addEventListener('input', check);
    control.addEventListener('change', check);
    return field;
  }

  private control(
    input: InputDefinition,
    value: FormValue | undefined,
  ): { control: HTMLElement; read(): FormValue; setPath?(path: string): void } {
    switch (input.type) {
      case 'BOOLEAN': {
        const box = el('input', { attrs: { id: fieldId(input), type: 'checkbox', role: 'switch' } });
        box.checked = value === true;
        return {
          control: el('div', { className: 'toggle' }, [
            box,
            el('label', { text: 'true', attrs: { for: fieldId(input) } }),
          ]),
          read: () => box.checked,
        };
      }
      case 'MULTISELECT': {
        const chosen = new Set(Array.isArray(value) ? value : []);
        const boxes = choices(input).map((choice, index) => {
          const box = el('input', {
            attrs: {
              type: 'checkbox',
              id: index === 0 ? fieldId(input) : `${fieldId(input)}-${index}`,
              value: choice,
            },
          });
          box.checked = chosen.has(choice);
          return { box, row: el('label', { className: 'choice' }, [box, ` ${choice}`]) };
        });
        const group = el(
          'div',
          { className: 'choices', attrs: { role: 'group' } },
          boxes.map((b) => b.row),
        );
        return { control: group, read: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value) };
      }
      case 'SELECT':
      case 'ENUM': {
        const text = typeof value === 'string' ? value : '';
        if (input.allowCustomValue) {
          const listId = `${fieldId(input)}-values`;
          const field = el('input', { attrs: { id: fieldId(input), type: 'text', list: listId } });
          field.value = text;
          const list = el(
            'datalist',
            { attrs: { id: listId } },
            choices(input).map((choice) => el('option', { attrs: { value: choice } })),
          );
          return { control: el('div', {}, [field, list]), read: () => field.value };
        }
        const select = el('select', { attrs: { id: fieldId(input) } });
        const options = choices(input);
        if (!input.required || !options.includes(text))
          select.append(el('option', { text: '', attrs: { value: '' } }));
        for (const choice of options) select.append(el('option', { text: choice, attrs: { value: choice } }));
        select.value = text;
        return { control: select, read: () => select.value };
      }
      case 'FILE': {
        const path = el('input', {
          attrs: {
            id: fieldId(input),
            type: 'text',
            placeholder: 'Path of a local file',
            spellcheck: 'false',
          },
        });
        path.value = typeof value === 'string' ? value : '';
        const pick = button('Choose file…', () => this.actions.pickFile(input.id), {
          className: 'secondary',
        });
        const setPath = (chosen: string) => {
          path.value = chosen;
          path.dispatchEvent(new Event('input', { bubbles: true }));
        };
        return {
          control: el('div', { className: 'file-row' }, [path, pick]),
          read: () => path.value,
          setPath,
        };
      }
      default: {
        const field = textControl(input, value ?? '');
        return { control: field, read: () => field.value };
      }
    }
  }
}
