import { failureText } from '../api/http';
import type { Incident, RankedUnit, Reason, Recommendation } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { eta, metres } from './format';

/** How many ranked units the panel shows (and number keys 1–9 reach). */
export const SHOWN_UNITS = 9;
const TRANSLATED_REASONS = new Set(['fastest', 'eta', 'ranks_below', 'conditional', 'own_station']);

/** A reason in the interface language: the codes the console knows, else the server's text. */
export function reasonText(ctx: ConsoleContext, reason: Reason): string {
  if (ctx.locale === 'en' || !TRANSLATED_REASONS.has(reason.code)) return reason.text;
  const p = reason.params;
  const origin = p.origin === 'home_post' ? ctx.tr('reason.origin.home_post') : ctx.tr('reason.origin.live');
  return ctx.tr(`reason.${reason.code}` as MessageKey, {
    eta: typeof p.eta_s === 'number' ? eta(p.eta_s) : '',
    origin,
    unit: String(p.unit ?? ''),
    station: ctx.orgName(String(p.station ?? '')),
    reason: String(p.reason ?? ''),
    penalty: String(p.penalty_s ?? ''),
  });
}

/**
 * The recommendation panel (推荐警力): the best units by road ETA for the selected
 * incident with the reasons for their rank, and the count of units left out by rule.
 */
export class RecommendPanel {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private current: Recommendation | null = null;
  private incidentId = '';
  private error = '';
  private loading = false;
  private requestNo = 0;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly onChoose: (unit: RankedUnit) => void,
  ) {
    this.title = h('h3', { class: 'panel__subtitle', id: 'recommend-title' });
    this.body = h('div', { class: 'recommend', 'data-testid': 'recommendation', 'aria-live': 'polite' });
    this.el = h('section', { class: 'recommend-panel', 'aria-labelledby': 'recommend-title' }, [this.title, this.body]);
  }

  get ranked(): readonly RankedUnit[] {
    return this.current?.ranked ?? [];
  }

  /** Loads the recommendation for `incident` (or clears the panel for null). */
  async load(incident: Incident | null): Promise<void> {
    const no = ++this.requestNo;
    this.incidentId = incident?.id ?? '';
    if (!incident || incident.location.candidates.length === 0) {
      this.current = null;
      this.error = incident ? this.ctx.tr('recommend.noLocation') : '';
      this.render();
      return;
    }
    this.loading = this.current?.incident !== incident.id;
    if (this.loading) this.render();
    try {
      const answer = await this.ctx.http.get<{ recommendation: Recommendation }>(
        `/api/v1/incidents/${encodeURIComponent(incident.id)}/recommendation`,
        { limit: SHOWN_UNITS },
      );
      if (no !== this.requestNo) return;
      this.current = answer.recommendation;
      this.error = '';
    } catch (error) {
      if (no !== this.requestNo) return;
      this.current = null;
      this.error = failureText(error);
    }
    this.loading = false;
    this.render();
  }

  render(): void {
    const { ctx } = this;
    this.title.textContent = ctx.tr('recommend.title');
    this.body.dataset.incident = this.incidentId;
    if (this.loading) {
      this.body.replaceChildren(h('p', { class: 'muted' }, [ctx.tr('recommend.loading')]));
      return;
    }
    if (!this.current) {
      this.body.replaceChildren(
        ...(this.error ? [h('p', { class: 'muted', 'data-testid': 'recommend-error' }, [this.error])] : []),
      );
      return;
    }
    const rec = this.current;
    const rows = rec.ranked.map((unit) => this.row(unit));
    const excluded = Object.entries(rec.excluded_counts)
      .map(([code, n]) => `${ctx.tr(`exclusion.${code}` as MessageKey)} ${n}`)
      .join(' · ');
    this.body.replaceChildren(
      h('p', { class: 'muted' }, [
        ctx.tr('recommend.summary', { shown: rec.ranked.length, total: rec.ranked_total }),
        excluded ? ` · ${ctx.tr('recommend.excluded')}: ${excluded}` : '',
      ]),
      rows.length > 0
        ? h('ol', { class: 'recommend__list' }, rows)
        : h('p', { class: 'warn', 'data-testid': 'recommend-none' }, [ctx.tr('recommend.none')]),
    );
  }

  private row(unit: RankedUnit): HTMLElement {
    const { ctx } = this;
    const record = ctx.store.units.get(unit.unit);
    const choose = h(
      'button',
      {
        type: 'button',
        class: unit.rank === 1 ? 'btn btn--primary btn--small' : 'btn btn--small',
        'data-testid': `recommend-dispatch-${unit.rank}`,
        'aria-keyshortcuts': unit.rank === 1 ? 'D 1' : String(unit.rank),
        'aria-label': ctx.tr('recommend.dispatchUnit', { unit: unit.unit }),
      },
      [ctx.tr('recommend.dispatch'), h('kbd', {}, [unit.rank === 1 ? 'D' : String(unit.rank)])],
    );
    choose.addEventListener('click', () => this.onChoose(unit));
    return h('li', { class: 'recommend__row', 'data-testid': 'recommend-row', 'data-unit': unit.unit }, [
      h('span', { class: 'recommend__rank mono' }, [String(unit.rank)]),
      h('span', { class: 'recommend__unit' }, [
        h('strong', {}, [unit.unit]),
        ' ',
        h('span', { class: 'muted' }, [record?.profile.name ?? '', ' · ', ctx.orgName(unit.station)]),
        h('span', { class: 'recommend__reasons' }, [unit.reasons.map((r) => reasonText(ctx, r)).join('；')]),
      ]),
      h('span', { class: 'recommend__eta mono', title: ctx.tr('recommend.eta') }, [
        eta(unit.eta_s),
        h('small', {}, [` ${metres(unit.distance_m)}`]),
      ]),
      choose,
    ]);
  }
}
