import type { HotspotCell, HotspotMapInfo, HotspotMethod } from '../api/cell_maps';
import type { HotspotSegment, HotspotUnits, SegmentMapInfo } from '../api/segment_map';
import type { MessageKey } from '../i18n/zh-CN';
import type { Tr } from './dashboard_model';
import type { HotspotLook, LegendClass } from './hotspot_style';

/**
 * The words of the hotspot layer: the methods' names, the legend's title and entries, the
 * line that says what the map shows, and the facts of a clicked cell or street segment.
 * Pure functions of the translator.
 */

/** The significance level the API uses when none is asked for. */
const DEFAULT_ALPHA = 0.05;

/** A p-value as analysts read it: three decimals, "< 0.001" below that. */
export function pText(p: number | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A statistic with two decimals and its sign: "+2.31", "-0.48". */
export function statText(x: number | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return `${x > 0 ? '+' : ''}${x.toFixed(2)}`;
}

/** A density with two significant digits, never in exponent form. */
export function densityText(x: number | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return String(Number(x.toPrecision(2)));
}

/** The message key of `method` on `on`, under `prefix`: counting on segments is worded apart from counting in cells. */
function methodKey(prefix: string, on: HotspotUnits, method: HotspotMethod): MessageKey {
  return `${prefix}.${on === 'segments' && method === 'counts' ? 'segment_counts' : method}` as MessageKey;
}

/** A method's name in the method picker: "Cell counts", "Segment counts", "Getis–Ord Gi*", … */
export function methodLabel(tr: Tr, on: HotspotUnits, method: HotspotMethod): string {
  return tr(methodKey('hotspot.method', on, method));
}

export function legendTitle(tr: Tr, method: HotspotMethod, info: { alpha?: number } | null, on: HotspotUnits = 'cells'): string {
  const alpha = String(info?.alpha ?? DEFAULT_ALPHA);
  return tr(methodKey('hotspot.legend', on, method), { alpha });
}

/**
 * The text of a legend entry. Counts are whole numbers: a class runs up to one below the
 * next class's start ("2–4"); densities run up to the next start ("1.5–3.2").
 */
export function legendLabel(tr: Tr, look: HotspotLook, entry: LegendClass, index: number): string {
  if (entry.from === undefined || entry.to === undefined) return tr(`hotspot.class.${entry.key}` as MessageKey);
  const last = index === look.classes.length - 1;
  if (look.integers) {
    const to = last ? entry.to : entry.to - 1;
    return to <= entry.from ? String(entry.from) : `${entry.from}–${to}`;
  }
  const [from, to] = [densityText(entry.from), densityText(entry.to)];
  return from === to ? from : `${from}–${to}`;
}

/** "2026-08-26 to 2026-11-23: 2574 incidents, 387 cells (250 m side)", or why there are none. */
export function summaryText(tr: Tr, info: HotspotMapInfo, listed: number): string {
  if (info.incidents === 0) return tr('hotspot.empty');
  return tr('hotspot.summary', {
    begin: info.period.begin,
    last: info.period.last,
    incidents: info.incidents,
    cells: listed,
    m: Math.round(info.cell_m),
  });
}

/**
 * "2026-08-26 to 2026-11-23: 2570 incidents on roads, 4 off road (over 100 m away), 812
 * segments (of 2281 in the network)", or why there are none.
 */
export function segmentSummaryText(tr: Tr, info: SegmentMapInfo, listed: number): string {
  if (info.incidents + info.off_road === 0) return tr('hotspot.empty');
  return tr('hotspot.segmentSummary', {
    begin: info.period.begin,
    last: info.period.last,
    incidents: info.incidents,
    offRoad: info.off_road,
    snap: Math.round(info.snap_m),
    segments: listed,
    network: info.segments,
  });
}

/** The z, p and class of a unit of the statistics' maps. */
function significanceFacts(tr: Tr, unit: Pick<HotspotCell, 'z' | 'p' | 'class'>): [string, string][] {
  return [
    [tr('hotspot.field.z'), statText(unit.z)],
    [tr('hotspot.field.p'), pText(unit.p)],
    [tr('hotspot.field.class'), tr(`hotspot.class.${unit.class ?? 'none'}` as MessageKey)],
  ];
}

/** What a clicked street segment says: its count, length and incidents per km, and the statistic's figures. */
export function segmentFacts(tr: Tr, method: HotspotMethod, segment: HotspotSegment): [string, string][] {
  const facts: [string, string][] = [
    [tr('hotspot.field.count'), String(Math.round(segment.count))],
    [tr('hotspot.field.length'), tr('hotspot.length', { n: Math.round(segment.length_m) })],
    [tr('hotspot.field.perKm'), tr('hotspot.perKm', { n: densityText(segment.per_km) })],
  ];
  if (method === 'local_moran') facts.push([tr('hotspot.field.i'), statText(segment.i)]);
  if (method === 'gi_star' || method === 'local_moran') facts.push(...significanceFacts(tr, segment));
  return facts;
}

/** What a clicked cell says, label and value, for the method it was computed with. */
export function cellFacts(tr: Tr, method: HotspotMethod, cell: HotspotCell): [string, string][] {
  const facts: [string, string][] = [[tr('hotspot.field.count'), String(Math.round(cell.count))]];
  if (method === 'kde') facts.push([tr('hotspot.field.density'), tr('hotspot.density', { n: densityText(cell.density_per_km2) })]);
  if (method === 'local_moran') facts.push([tr('hotspot.field.i'), statText(cell.i)]);
  if (method === 'gi_star' || method === 'local_moran') facts.push(...significanceFacts(tr, cell));
  return facts;
}
