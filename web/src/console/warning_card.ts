import type { Warning } from '../api/warnings';
import type { Params } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import { acknowledgeForm } from './acknowledge_form';
import type { ConsoleContext } from './context';
import { dateTime } from './format';
import { evidenceWords, subjectLine, type WarningNames } from './warning_wording';

/**
 * One directive in the warnings panel: the station and what was counted, the day, when it
 * was raised, the evidence of every method that fired, and then either the form to
 * acknowledge it or who acknowledged it, when, and what the station said it will do.
 *
 * A card is redrawn only when the directive's status or the language changes, so a live
 * update never takes the text out of a half-written response; a redraw carries it over.
 */
export function renderWarningCard(
  ctx: ConsoleContext,
  card: HTMLElement,
  warning: Warning,
  list: string,
  onAcknowledged: (warning: Warning) => void,
): void {
  const signature = `${warning.status}|${ctx.locale}`;
  if (card.dataset.signature === signature) return;
  const typed = card.querySelector('textarea')?.value ?? '';
  card.dataset.signature = signature;
  card.dataset.warning = warning.id;
  card.dataset.status = warning.status;
  const tr = (key: MessageKey, params?: Params) => ctx.tr(key, params);
  const names: WarningNames = { org: (code) => ctx.orgName(code), type: (code) => ctx.typeName(code) };
  const idPrefix = `warning-${list}-${warning.id}`;
  card.setAttribute('aria-labelledby', `${idPrefix}-title`);
  const evidence = warning.evidence.map((e) => {
    const words = evidenceWords(tr, e, warning.subject.day);
    return h('li', { class: 'warning__evidence-item', 'data-method': e.method, 'data-testid': 'warning-evidence' }, [
      // The spaces between the parts are where a line may break.
      h('strong', { class: 'warning__method' }, [words.method]),
      ' ',
      h('span', {}, [words.count]),
      ' ',
      h('span', {}, [words.baseline]),
      ' ',
      h('span', { class: 'warning__verdict' }, [words.verdict]),
    ]);
  });
  card.replaceChildren(
    h('header', { class: 'warning__head' }, [
      h('h4', { class: 'warning__subject', id: `${idPrefix}-title`, 'data-testid': 'warning-subject' }, [subjectLine(tr, names, warning)]),
      h('span', { class: 'warning__day', 'data-testid': 'warning-day' }, [tr('warnings.day', { day: warning.subject.day })]),
    ]),
    h('p', { class: 'warning__raised muted', 'data-testid': 'warning-raised' }, [tr('warnings.raisedAt', { time: dateTime(warning.raised_at) })]),
    h('p', { class: 'warning__label muted', id: `${idPrefix}-evidence` }, [tr('warnings.evidence')]),
    h('ul', { class: 'warning__evidence', 'aria-labelledby': `${idPrefix}-evidence` }, evidence),
    warning.status === 'raised' ? acknowledgeForm(ctx, warning, idPrefix, typed, onAcknowledged) : acknowledgement(ctx, warning),
  );
}

function acknowledgement(ctx: ConsoleContext, warning: Warning): HTMLElement {
  return h('div', { class: 'warning__ack' }, [
    h('p', { class: 'muted', 'data-testid': 'warning-ack-by' }, [
      ctx.tr('warnings.ackBy', { by: warning.acknowledged_by, time: dateTime(warning.acknowledged_at) }),
    ]),
    h('p', { class: 'feedback', 'data-testid': 'warning-ack-response' }, [ctx.tr('warnings.ackResponse', { response: warning.response })]),
  ]);
}
