import { failureText } from '../api/http';
import type { Call, Incident, Place, TaxonomyType } from '../api/records';
import { OPEN_INCIDENT_STATUSES } from '../api/records';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import { Combobox, type ComboOption } from './combobox';
import type { ConsoleContext } from './context';
import { placeOf } from './map_view';
import { distanceMetres, sameFamily, searchTypes } from './type_search';

const CAUTIONS = ['armed', 'hazardous_goods', 'injured', 'trapped'] as const;
/** An open incident this close, of the same family, may be the same event (重复报警). */
export const DUPLICATE_RADIUS_M = 500;

/** How far off a picked place may be: an address is a door, a street is long. */
export function placeUncertainty(place: Place & { bbox?: number[] }): number {
  if (place.kind === 'address') return 15;
  if (place.kind === 'poi') return 30;
  const b = place.bbox;
  if (b && b.length === 4) {
    const diagonal = distanceMetres(b[1]!, b[0]!, b[3]!, b[2]!);
    return Math.min(place.kind === 'area' ? 3000 : 800, Math.max(50, diagonal / 2));
  }
  return place.kind === 'area' ? 1000 : 200;
}

/** Open incidents near `place` of the same family as `typeCode`, nearest first. */
export function duplicateCandidates(
  incidents: Iterable<Incident>,
  place: { lat: number; lon: number },
  typeCode: string,
): { incident: Incident; distance: number }[] {
  const out: { incident: Incident; distance: number }[] = [];
  for (const incident of incidents) {
    if (!OPEN_INCIDENT_STATUSES.has(incident.status) || incident.status === 'scene_closed') continue;
    const at = placeOf(incident);
    if (!at) continue;
    const distance = distanceMetres(place.lat, place.lon, at[1], at[0]);
    if (distance > DUPLICATE_RADIUS_M) continue;
    if (typeCode !== '' && incident.type_code !== '' && !sameFamily(typeCode, incident.type_code)) continue;
    out.push({ incident, distance });
  }
  return out.sort((a, b) => a.distance - b.distance);
}

/**
 * Call intake (接警): the caller's number, the address searched as it is typed and pinned
 * on the map, the type searched over the taxonomy, priority, cautions and notes, and the
 * open incidents nearby that may be the same event, each one action away from a merge.
 * Ctrl+Enter records the call and opens (and accepts) the incident.
 */
export class IntakeView {
  readonly el: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly caller: HTMLInputElement;
  private readonly address: Combobox<Place>;
  private readonly typeBox: Combobox<TaxonomyType>;
  private readonly priority: HTMLSelectElement;
  private readonly summary: HTMLTextAreaElement;
  private readonly notes: HTMLTextAreaElement;
  private readonly cautionBoxes = new Map<string, HTMLInputElement>();
  private readonly chosenPlace: HTMLElement;
  private readonly duplicates: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private place: (Place & { radius: number; source: 'matched_address' | 'map_pin' }) | null = null;
  /** Where place search ranks nearer matches first: the map's centre when there is a map. */
  near: () => readonly [number, number] | null = () => this.ctx.city?.centre ?? null;
  private type: TaxonomyType | null = null;
  private openedAt = new Date().toISOString();
  private busy = false;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly pin: (pin: { lon: number; lat: number; radius: number } | null) => void,
    private readonly onCreated: (incident: string) => void,
  ) {
    this.caller = h('input', { id: 'intake-caller', class: 'field__input', type: 'tel', inputmode: 'tel', autocomplete: 'off', 'data-testid': 'intake-caller' });
    this.address = new Combobox<Place>({
      id: 'intake-address',
      testId: 'intake-address',
      debounceMs: 120,
      search: (q) => this.searchPlaces(q),
      onPick: (o) => this.pickPlace(o.value),
    });
    this.typeBox = new Combobox<TaxonomyType>({
      id: 'intake-type',
      testId: 'intake-type',
      search: (q) =>
        searchTypes(ctx.taxonomy.types, q).map((t) => ({
          key: t.code,
          label: ctx.locale === 'en' ? t.name_en : t.name_zh,
          detail: `${t.code} · P${t.default_priority}`,
          value: t,
        })),
      onPick: (o) => this.pickType(o.value),
    });
    this.priority = h('select', { id: 'intake-priority', class: 'field__input', 'data-testid': 'intake-priority' });
    this.summary = h('textarea', { id: 'intake-summary', class: 'field__input', rows: '2', 'data-testid': 'intake-summary' });
    this.notes = h('textarea', { id: 'intake-notes', class: 'field__input', rows: '2', 'data-testid': 'intake-notes' });
    this.chosenPlace = h('p', { class: 'muted', 'data-testid': 'intake-place', 'aria-live': 'polite' });
    this.duplicates = h('div', { class: 'duplicates', 'data-testid': 'intake-duplicates', 'aria-live': 'polite' });
    this.submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'intake-submit', 'aria-keyshortcuts': 'Control+Enter' });
    this.form = h('form', { class: 'intake', novalidate: true, 'data-testid': 'intake-form' });
    this.el = h('section', { class: 'panel panel--intake', 'aria-labelledby': 'intake-title' }, [this.form]);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.create();
    });
    this.form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        void this.create();
      }
    });
    this.render();
  }

  focus(): void {
    this.caller.focus();
  }

  render(): void {
    const { ctx } = this;
    const field = (id: string, label: MessageKey, control: HTMLElement) =>
      h('div', { class: 'field' }, [h('label', { class: 'field__label', for: id }, [ctx.tr(label)]), control]);
    this.priority.replaceChildren(
      ...[1, 2, 3, 4].map((p) => h('option', { value: String(p), selected: String(p) === this.priority.value }, [ctx.tr(`priority.${p}` as MessageKey)])),
    );
    if (this.priority.value === '') this.priority.value = '2';
    this.submit.replaceChildren(ctx.tr('intake.submit'), h('kbd', {}, ['Ctrl+Enter']));
    const cautions = h('fieldset', { class: 'field cautions' }, [
      h('legend', { class: 'field__label' }, [ctx.tr('intake.cautions')]),
      ...CAUTIONS.map((kind) => {
        let box = this.cautionBoxes.get(kind);
        if (!box) {
          box = h('input', { type: 'checkbox', id: `intake-caution-${kind}`, value: kind });
          this.cautionBoxes.set(kind, box);
        }
        return h('label', { class: 'check', for: `intake-caution-${kind}` }, [box, ctx.tr(`caution.${kind}` as MessageKey)]);
      }),
    ]);
    this.address.input.placeholder = ctx.tr('intake.addressHint');
    this.typeBox.input.placeholder = ctx.tr('intake.typeHint');
    this.form.replaceChildren(
      h('h2', { class: 'panel__title', id: 'intake-title' }, [ctx.tr('intake.title')]),
      field('intake-caller', 'intake.caller', this.caller),
      field('intake-address', 'intake.address', this.address.el),
      this.chosenPlace,
      field('intake-type', 'intake.type', this.typeBox.el),
      field('intake-priority', 'intake.priority', this.priority),
      field('intake-summary', 'intake.summary', this.summary),
      cautions,
      field('intake-notes', 'intake.notes', this.notes),
      this.duplicates,
      h('div', { class: 'actions' }, [this.submit]),
    );
    this.renderPlace();
    this.renderDuplicates();
  }

  private async searchPlaces(query: string): Promise<ComboOption<Place>[]> {
    const centre = this.near();
    const answer = await this.ctx.http.get<{ items: (Place & { bbox?: number[] })[] }>('/api/v1/places', {
      q: query,
      limit: 8,
      near: centre ? `${centre[1]},${centre[0]}` : undefined,
    });
    return answer.items.map((p, i) => ({
      key: `${i}`,
      label: this.ctx.locale === 'en' && p.name_en ? p.name_en : p.label,
      detail: this.ctx.tr(`place.kind.${p.kind}` as MessageKey) + (p.street && p.kind !== 'street' ? ` · ${p.street}` : ''),
      value: p,
    }));
  }

  private pickPlace(place: Place & { bbox?: number[] }): void {
    this.place = { ...place, radius: placeUncertainty(place), source: 'matched_address' };
    this.pin({ lon: place.lon, lat: place.lat, radius: this.place.radius });
    this.renderPlace();
    this.renderDuplicates();
    // The call-taker's next field: the type, unless it is chosen already.
    (this.type ? this.summary : this.typeBox.input).focus();
  }

  /** A click on the map while taking a call: the caller's place as a map pin (±25 m). */
  pinAt(lon: number, lat: number): void {
    const label = `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
    this.place = { kind: 'poi', label, lat, lon, radius: 25, source: 'map_pin' };
    this.address.input.value = label;
    this.pin({ lon, lat, radius: 25 });
    this.renderPlace();
    this.renderDuplicates();
  }

  private pickType(type: TaxonomyType): void {
    this.type = type;
    this.priority.value = String(type.default_priority);
    this.renderDuplicates();
    (this.place ? this.summary : this.address.input).focus();
  }

  private renderPlace(): void {
    const p = this.place;
    const label = p && this.ctx.locale === 'en' && p.name_en ? p.name_en : p?.label;
    this.chosenPlace.textContent = p
      ? this.ctx.tr('intake.pinned', { label: label ?? '', lat: p.lat.toFixed(5), lon: p.lon.toFixed(5), radius: Math.round(p.radius) })
      : '';
  }

  private renderDuplicates(): void {
    const { ctx } = this;
    if (!this.place) {
      this.duplicates.replaceChildren();
      return;
    }
    const found = duplicateCandidates(ctx.store.incidents.values(), this.place, this.type?.code ?? '');
    if (found.length === 0) {
      this.duplicates.replaceChildren();
      return;
    }
    this.duplicates.replaceChildren(
      h('h3', { class: 'panel__subtitle warn' }, [ctx.tr('intake.duplicates', { n: found.length })]),
      h(
        'ul',
        {},
        found.slice(0, 5).map(({ incident, distance }) => {
          const merge = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'intake-merge' }, [ctx.tr('intake.merge')]);
          merge.addEventListener('click', () => void this.create(incident.id));
          return h('li', { class: 'duplicate', 'data-incident': incident.id }, [
            h('span', { class: `prio prio--${incident.priority}` }, [`P${incident.priority}`]),
            ` ${ctx.typeName(incident.type_code)} · ${incident.summary} · ${Math.round(distance)} m `,
            merge,
          ]);
        }),
      ),
    );
  }

  /** Records the call, then opens an incident from it (or merges it into `mergeInto`). */
  private async create(mergeInto?: string): Promise<void> {
    const { ctx } = this;
    if (this.busy) return;
    const missing = this.caller.value.trim() === '' ? this.caller : !this.place ? this.address.input : !this.type ? this.typeBox.input : null;
    if (missing && !mergeInto) {
      ctx.notify(ctx.tr('intake.missing', { field: ctx.tr(missing === this.caller ? 'intake.caller' : missing === this.address.input ? 'intake.address' : 'intake.type') }), 'warn');
      missing.focus();
      return;
    }
    this.busy = true;
    this.submit.disabled = true;
    try {
      const summary = this.summary.value.trim() || (this.type ? ctx.typeName(this.type.code) : '');
      const { call } = await ctx.http.post<{ call: Call }>('/api/v1/calls', {
        channel: 'voice',
        caller_number: this.caller.value.trim(),
        summary,
        started_at: this.openedAt,
      });
      if (mergeInto) {
        await ctx.http.post(`/api/v1/calls/${call.id}/merge`, { incident: mergeInto });
        ctx.notify(ctx.tr('toast.merged', { id: mergeInto }), 'ok');
        this.reset();
        this.onCreated(mergeInto);
        return;
      }
      const { incident } = await ctx.http.post<{ incident: Incident }>('/api/v1/incidents', {
        call: call.id,
        summary,
        type_code: this.type?.code ?? '',
        priority: Number(this.priority.value),
      });
      const id = incident.id;
      const place = this.place!;
      await ctx.http.post(`/api/v1/incidents/${id}/locations`, {
        source: place.source,
        lat: place.lat,
        lon: place.lon,
        uncertainty_m: Math.round(place.radius),
        text: place.source === 'map_pin' ? '' : place.label,
      });
      for (const [kind, box] of this.cautionBoxes) {
        if (box.checked) await ctx.http.post(`/api/v1/incidents/${id}/cautions`, { kind });
      }
      if (this.notes.value.trim() !== '') await ctx.http.post(`/api/v1/incidents/${id}/notes`, { text: this.notes.value.trim() });
      await ctx.http.post(`/api/v1/incidents/${id}/accept`, {});
      ctx.notify(ctx.tr('toast.created', { id }), 'ok');
      this.reset();
      this.onCreated(id);
    } catch (error) {
      ctx.notify(failureText(error), 'error');
    } finally {
      this.busy = false;
      this.submit.disabled = false;
    }
  }

  private reset(): void {
    this.form.reset();
    this.address.clear();
    this.typeBox.clear();
    this.place = null;
    this.type = null;
    this.priority.value = '2';
    this.openedAt = new Date().toISOString();
    this.pin(null);
    this.renderPlace();
    this.renderDuplicates();
  }
}
