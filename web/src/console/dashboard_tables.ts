import type { Briefing, CountRow, ResponseRow } from '../api/briefing';
import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import {
  alarmText,
  changeText,
  countText,
  durationText,
  minutesText,
  movedByText,
  shareText,
  withinShare,
  type Names,
  type Tr,
} from './dashboard_model';

/**
 * The dashboard's tables, as the bulletin has them: response times by priority, the
 * leading types and the station areas with their 同比 / 环比, the safety index with the
 * part that moved it, the zero-crime streaks and the alarms. Every cell is text.
 */

type Cell = string | { text: string; numeric?: boolean; title?: string };

function table(testId: string, caption: string, header: Cell[], rows: Cell[][], empty: string, foot: Cell[][] = []): HTMLElement {
  const cell = (tag: 'td' | 'th', c: Cell) => {
    const spec = typeof c === 'string' ? { text: c } : c;
    return h(tag, { class: spec.numeric ? 'num' : undefined, title: spec.title, scope: tag === 'th' ? 'col' : undefined }, [spec.text]);
  };
  const body =
    rows.length === 0
      ? [h('tr', {}, [h('td', { class: 'empty', colspan: String(header.length) }, [empty])])]
      : rows.map((r) => h('tr', {}, r.map((c) => cell('td', c))));
  return h('table', { class: 'dash-table', 'data-testid': testId, 'data-rows': String(rows.length) }, [
    h('caption', {}, [caption]),
    h('thead', {}, [h('tr', {}, header.map((c) => cell('th', c)))]),
    h('tbody', {}, body),
    ...(foot.length > 0 ? [h('tfoot', {}, foot.map((r) => h('tr', {}, r.map((c) => cell('td', c)))))] : []),
  ]);
}

const num = (text: string): Cell => ({ text, numeric: true });

/** Call to arrival by priority, with the shares within each limit and the total below. */
export function responseTable(b: Briefing, tr: Tr): HTMLElement {
  const { limits_s: limits } = b.response;
  const header: Cell[] = [
    tr('dash.col.priority'),
    num(tr('dash.col.n')),
    num(tr('dash.col.mean')),
    num(tr('dash.col.median')),
    num(tr('dash.col.p90')),
    ...limits.map((limit) => num(tr('dash.col.within', { min: minutesText(limit) }))),
    num(tr('dash.col.missing')),
    num(tr('dash.col.outOfOrder')),
  ];
  const row = (name: string, r: ResponseRow): Cell[] => [
    name,
    num(countText(r.n)),
    num(durationText(r.mean_s)),
    num(durationText(r.median_s)),
    num(durationText(r.p90_s)),
    ...limits.map((limit) => num(shareText(withinShare(r, limit)))),
    num(countText(r.missing)),
    num(countText(r.out_of_order)),
  ];
  const priority = (r: ResponseRow) => {
    const p = r.key?.[0] ?? '';
    return ['1', '2', '3', '4'].includes(p) ? tr(`priority.${p}` as MessageKey) : tr('dash.row.none');
  };
  return table(
    'table-response',
    tr('dash.table.response'),
    header,
    b.response.rows.map((r) => row(priority(r), r)),
    tr('dash.empty'),
    [row(tr('dash.row.total'), b.response.total)],
  );
}

/** Counts beside their bases: the leading types or the station areas. */
export function countTable(b: Briefing, what: 'types' | 'areas', tr: Tr, names: Names): HTMLElement {
  const rows = what === 'types' ? b.types : b.areas;
  const withRate = what === 'areas' && rows.some((r) => r.rate_per_10k !== undefined);
  const name = (r: CountRow) => {
    const code = r.key[0] ?? '';
    if (code === '') return tr('dash.row.none');
    return what === 'types' ? names.type(code) : names.org(code);
  };
  const header: Cell[] = [
    tr(what === 'types' ? 'dash.col.type' : 'dash.col.station'),
    num(tr('dash.col.current')),
    num(tr('dash.col.lastYear')),
    tr('dash.col.yoy'),
    num(tr('dash.col.previous')),
    tr('dash.col.pop'),
    ...(withRate ? [num(tr('dash.col.rate'))] : []),
  ];
  return table(
    what === 'types' ? 'table-types' : 'table-areas',
    tr(what === 'types' ? 'dash.table.types' : 'dash.table.areas'),
    header,
    rows.map((r) => [
      { text: name(r), title: r.key[0] ?? '' },
      num(countText(r.current)),
      num(countText(r.last_year)),
      changeText(tr, r.yoy_percent, r.current, r.last_year),
      num(countText(r.previous)),
      changeText(tr, r.pop_percent, r.current, r.previous),
      ...(withRate ? [num(r.rate_per_10k === undefined ? '—' : r.rate_per_10k.toFixed(2))] : []),
    ]),
    tr('dash.empty'),
  );
}

/** The safety index of each station now and before, and the part that moved it most. */
export function safetyTable(b: Briefing, tr: Tr, names: Names): HTMLElement {
  const index = (v: number | null) => num(v === null ? '—' : v.toFixed(1));
  return table(
    'table-safety',
    tr('dash.table.safety'),
    [tr('dash.col.station'), num(tr('dash.col.index')), num(tr('dash.col.before')), tr('dash.col.movedBy')],
    b.safety.map((r) => [names.org(r.key), index(r.now.index), index(r.before.index), movedByText(tr, r)]),
    tr('dash.empty'),
  );
}

/** Stations without a criminal incident up to the last day of the period. */
export function streaksTable(b: Briefing, tr: Tr, names: Names): HTMLElement {
  return table(
    'table-streaks',
    tr('dash.table.streaks'),
    [tr('dash.col.station'), num(tr('dash.col.days')), tr('dash.col.since')],
    b.streaks.map((r) => [names.org(r.key), num(r.at_least ? tr('dash.streak.atLeast', { days: r.days }) : String(r.days)), r.since]),
    tr('dash.noStreaks'),
  );
}

/** The alarms the briefing raised: rises, late arrivals and hotspots. */
export function alarmsTable(b: Briefing, tr: Tr, names: Names): HTMLElement {
  return table(
    'table-alarms',
    tr('dash.table.alarms'),
    [tr('dash.col.alarmKind'), tr('dash.col.alarm')],
    b.alarms.map((a) => [tr(`dash.alarm.${a.kind}` as MessageKey), alarmText(tr, a, names)]),
    tr('dash.noAlarms'),
  );
}
