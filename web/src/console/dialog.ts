import { h } from '../ui/dom';

export interface ChoiceOption {
  value: string;
  label: string;
}

interface DialogSpec {
  title: string;
  label: string;
  confirm: string;
  cancel: string;
  testId: string;
}

/**
 * A modal question (native <dialog>: focus stays inside, Esc cancels). Resolves with the
 * answer, or null when cancelled. A `choices` list makes it a searchable select.
 */
export function ask(spec: DialogSpec, choices?: readonly ChoiceOption[]): Promise<string | null> {
  return new Promise((resolve) => {
    const inputId = `dialog-input-${spec.testId}`;
    const field: HTMLInputElement | HTMLSelectElement = choices
      ? h(
          'select',
          { id: inputId, class: 'field__input', 'data-testid': `${spec.testId}-input`, required: true },
          choices.map((c) => h('option', { value: c.value }, [c.label])),
        )
      : h('input', { id: inputId, class: 'field__input', 'data-testid': `${spec.testId}-input`, required: true });
    const confirm = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': `${spec.testId}-confirm` }, [
      spec.confirm,
    ]);
    const cancel = h('button', { type: 'button', class: 'btn', value: 'cancel' }, [spec.cancel]);
    const form = h('form', { method: 'dialog', class: 'dialog__form' }, [
      h('h2', { class: 'dialog__title' }, [spec.title]),
      h('label', { class: 'field', for: inputId }, [h('span', { class: 'field__label' }, [spec.label]), field]),
      h('div', { class: 'dialog__actions' }, [cancel, confirm]),
    ]);
    const dialog = h('dialog', { class: 'dialog', 'data-testid': spec.testId, 'aria-label': spec.title }, [form]);
    let answer: string | null = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (field.value.trim() === '') return;
      answer = field.value.trim();
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    // Enter on a select answers too (a browser would only open its list): keyboard first.
    field.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    field.focus();
  });
}
