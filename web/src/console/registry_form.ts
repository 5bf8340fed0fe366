import { RequestRefused, failureText } from '../api/http';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { fillOptions } from './map_overlay';
import { fieldOfRefusal, localProblems } from './registry_model';

/** One field of a registry form: its name (the key of the values), label and control. */
export interface FieldSpec {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  /** A select offers `options()` (values and labels in the interface language, asked at every render). */
  options?: () => readonly { value: string; label: string }[];
  /** `decimal` brings up a number pad where there is one; the text is read by the form. */
  inputMode?: 'decimal';
}

/** What a registry form is about and how it is sent. */
export interface RegistryFormSpec {
  /** Keeps element ids apart: "site" or "post". */
  kind: string;
  title: () => string;
  fields: readonly FieldSpec[];
  values: Readonly<Record<string, string>>;
  /** An edit: the code is shown, not typed. */
  editing: boolean;
  submit: MessageKey;
  /** Sends the values; resolves with what the toast says, rejects with the server's refusal. */
  send: (values: Record<string, string>) => Promise<string>;
  /** An edit that changes nothing is not sent (the server would refuse it as a conflict). */
  unchanged?: (values: Record<string, string>) => boolean;
}

export interface RegistryFormHandlers {
  /** Sent and recorded (or nothing to send): back to the list. */
  onDone: () => void;
  onBack: () => void;
  /** Picks a position on the map: [lon, lat], or null when the user gave up. Absent without a map. */
  pick?: () => Promise<[number, number] | null>;
}

interface Field {
  spec: FieldSpec;
  label: HTMLLabelElement;
  control: HTMLInputElement | HTMLSelectElement;
  hint: HTMLElement | null;
  error: HTMLElement;
}

/**
 * A form of the registry of key sites and posts: a labelled control per field, each with
 * its hint and a place for what is wrong with it. The form checks only what it can know
 * (a code's characters, coordinates being numbers); everything else is the server's to
 * refuse, and its `{code, message, field}` is shown next to the field it names (the form's
 * own line when it names none), the cursor moved there. The position can be typed or picked
 * on the map. Relabelled in place on a language switch, so nothing typed is lost.
 */
export class RegistryForm {
  readonly el: HTMLFormElement;
  private readonly heading: HTMLElement;
  private readonly fields = new Map<string, Field>();
  private readonly formError: HTMLElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly backButton: HTMLButtonElement;
  private readonly pickButton: HTMLButtonElement | null;
  private sending = false;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly spec: RegistryFormSpec,
    private readonly handlers: RegistryFormHandlers,
  ) {
    const prefix = `registry-${spec.kind}`;
    this.heading = h('h3', { class: 'registry__form-title', id: `${prefix}-form-title` });
    this.formError = h('p', { class: 'registry__error', role: 'alert', hidden: true, 'data-testid': 'registry-form-error' });
    this.submitButton = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'registry-submit' });
    this.backButton = h('button', { type: 'button', class: 'btn', 'data-testid': 'registry-back' });
    this.backButton.addEventListener('click', () => handlers.onBack());
    this.pickButton = handlers.pick ? h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'registry-pick' }) : null;
    this.pickButton?.addEventListener('click', () => void this.pick());
    const body: HTMLElement[] = [];
    for (const field of spec.fields) {
      const built = this.build(prefix, field);
      this.fields.set(field.name, built);
      body.push(h('div', { class: 'field registry__field', 'data-field': field.name }, [built.label, built.control, ...(built.hint ? [built.hint] : []), built.error]));
      if (field.name === 'lon' && this.pickButton) body.push(h('div', { class: 'registry__pick' }, [this.pickButton]));
    }
    this.el = h('form', { class: 'registry__form', novalidate: true, 'aria-labelledby': `${prefix}-form-title`, 'data-testid': `registry-${spec.kind}-form` }, [
      this.heading,
      h('div', { class: 'registry__fields' }, body),
      this.formError,
      h('div', { class: 'dialog__actions' }, [this.backButton, this.submitButton]),
    ]);
    this.el.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.render();
  }

  private build(prefix: string, spec: FieldSpec): Field {
    const id = `${prefix}-${spec.name}`;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const describedBy = spec.hint ? `${hintId} ${errorId}` : errorId;
    const value = this.spec.values[spec.name] ?? '';
    const control = spec.options
      ? h('select', { id, class: 'field__input', 'aria-describedby': describedBy, 'data-testid': `registry-${spec.name}` })
      : h('input', {
          id,
          class: 'field__input',
          autocomplete: 'off',
          'aria-describedby': describedBy,
          'data-testid': `registry-${spec.name}`,
          ...(spec.inputMode ? { inputmode: spec.inputMode } : {}),
          ...(spec.name === 'id' && this.spec.editing ? { readonly: true } : {}),
        });
    if (control instanceof HTMLInputElement) control.value = value;
    else control.dataset.initial = value;
    control.addEventListener('input', () => this.setError(spec.name, null));
    control.addEventListener('change', () => this.setError(spec.name, null));
    return {
      spec,
      control,
      label: h('label', { class: 'field__label', for: id }),
      hint: spec.hint ? h('p', { class: 'registry__hint muted', id: hintId }) : null,
      error: h('p', { class: 'registry__field-error', id: errorId, hidden: true, 'data-testid': 'registry-field-error' }),
    };
  }

  /** Labels, hints, options and buttons in the interface language; values stay as they are. */
  render(): void {
    const tr = (key: MessageKey) => this.ctx.tr(key);
    this.heading.textContent = this.spec.title();
    for (const field of this.fields.values()) {
      field.label.textContent = tr(field.spec.label);
      if (field.hint && field.spec.hint) field.hint.textContent = tr(field.spec.hint);
      if (field.control instanceof HTMLSelectElement && field.spec.options) {
        const options = field.spec.options();
        const labels = new Map(options.map((o) => [o.value, o.label]));
        const current = field.control.dataset.initial ?? field.control.value;
        delete field.control.dataset.initial;
        fillOptions(field.control, options.map((o) => o.value), (v) => labels.get(v) ?? v, current);
      }
    }
    this.submitButton.textContent = tr(this.sending ? 'registry.sending' : this.spec.submit);
    this.backButton.textContent = tr('registry.back');
    if (this.pickButton) this.pickButton.textContent = tr('registry.pick');
  }

  /** The cursor in the first field that can be typed in. */
  focusFirst(): void {
    const first = [...this.fields.values()].find((f) => !(f.control instanceof HTMLInputElement && f.control.readOnly));
    first?.control.focus();
  }

  values(): Record<string, string> {
    return Object.fromEntries([...this.fields].map(([name, f]) => [name, f.control.value]));
  }

  /** Fills the position from the map (six decimals: a tenth of a metre). */
  setPosition(lon: number, lat: number): void {
    const lonField = this.fields.get('lon');
    const latField = this.fields.get('lat');
    if (latField) latField.control.value = lat.toFixed(6);
    if (lonField) lonField.control.value = lon.toFixed(6);
    this.setError('lat', null);
    this.setError('lon', null);
  }

  private async pick(): Promise<void> {
    const at = await this.handlers.pick?.();
    if (at) this.setPosition(at[0], at[1]);
    this.pickButton?.focus();
  }

  private setError(name: string, text: string | null): void {
    const field = this.fields.get(name);
    if (!field) return;
    field.error.hidden = text === null;
    field.error.textContent = text ?? '';
    if (text === null) field.control.removeAttribute('aria-invalid');
    else field.control.setAttribute('aria-invalid', 'true');
  }

  private clearErrors(): void {
    for (const name of this.fields.keys()) this.setError(name, null);
    this.formError.hidden = true;
    this.formError.textContent = '';
  }

  private async send(): Promise<void> {
    if (this.sending) return;
    this.clearErrors();
    const values = this.values();
    const problems = localProblems({ id: values.id ?? '', lat: values.lat ?? '', lon: values.lon ?? '' }, !this.spec.editing);
    if (problems.size > 0) {
      for (const [name, problem] of problems) this.setError(name, this.ctx.tr(`registry.${problem}`));
      this.fields.get([...problems.keys()][0] ?? '')?.control.focus();
      return;
    }
    if (this.spec.unchanged?.(values)) {
      this.handlers.onDone();
      return;
    }
    this.sending = true;
    this.submitButton.disabled = true;
    this.render();
    try {
      this.ctx.notify(await this.spec.send(values), 'ok');
      this.handlers.onDone();
    } catch (failure) {
      this.showRefusal(failure);
    } finally {
      this.sending = false;
      this.submitButton.disabled = false;
      this.render();
    }
  }

  /** The server's message next to the field it names, else on the form's own line. */
  private showRefusal(failure: unknown): void {
    const refusal = failure instanceof RequestRefused ? failure.refusal : null;
    const name = fieldOfRefusal(refusal?.field, [...this.fields.keys()]);
    if (refusal && name) {
      this.setError(name, refusal.message);
      this.fields.get(name)?.control.focus();
      return;
    }
    this.formError.textContent = refusal ? refusal.message : failureText(failure);
    this.formError.hidden = false;
    this.submitButton.focus();
  }
}
