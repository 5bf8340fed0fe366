import { RequestRefused, failureText } from '../api/http';
import { acknowledgePath, type Warning, type WarningCommandResult } from '../api/warnings';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';

/**
 * The form a station acknowledges a directive with: what it will do (required), sent as
 * `POST /api/v1/warnings/{id}/acknowledge {"response": …}`. The field is checked by the
 * server, not the browser: a blank answer comes back as 400 `{message, field: "response"}`,
 * and that message is shown under the field (as is a 409 when someone else was quicker).
 * Ctrl+Enter in the field sends it, like the intake form.
 *
 * `idPrefix` keeps the element ids unique when the same directive could be on screen twice.
 */
export function acknowledgeForm(
  ctx: ConsoleContext,
  warning: Warning,
  idPrefix: string,
  typed: string,
  onAcknowledged: (warning: Warning) => void,
): HTMLFormElement {
  const fieldId = `${idPrefix}-response`;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  const field = h('textarea', {
    id: fieldId,
    class: 'field__input warning__response',
    rows: '3',
    'aria-required': 'true',
    'aria-describedby': `${hintId} ${errorId}`,
    'data-testid': 'warning-response',
  });
  field.value = typed;
  const error = h('p', { id: errorId, class: 'warning__error', role: 'alert', hidden: true, 'data-testid': 'warning-error' });
  const send = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'warning-acknowledge' }, [ctx.tr('warnings.acknowledge')]);
  const form = h('form', { class: 'warning__form', novalidate: true, 'data-testid': 'warning-ack-form' }, [
    h('label', { class: 'field__label', for: fieldId }, [ctx.tr('warnings.response')]),
    field,
    h('p', { id: hintId, class: 'warning__hint muted' }, [ctx.tr('warnings.responseHint')]),
    error,
    h('div', { class: 'actions' }, [send]),
  ]);
  const showError = (text: string) => {
    error.textContent = text;
    error.hidden = false;
    field.setAttribute('aria-invalid', 'true');
  };
  field.addEventListener('input', () => field.removeAttribute('aria-invalid'));
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    send.disabled = true;
    send.textContent = ctx.tr('warnings.sending');
    error.hidden = true;
    ctx.http
      .post<WarningCommandResult>(acknowledgePath(warning.id), { response: field.value.trim() })
      .then((answer) => {
        ctx.notify(ctx.tr('warnings.done', { id: warning.id }), 'ok');
        onAcknowledged(answer.warning);
      })
      .catch((failure: unknown) => {
        showError(failure instanceof RequestRefused ? failure.refusal.message : failureText(failure));
        field.focus();
      })
      .finally(() => {
        sending = false;
        send.disabled = false;
        send.textContent = ctx.tr('warnings.acknowledge');
      });
  });
  return form;
}
