import type { TaxonomyType } from '../api/records';

/**
 * Incident types for what the call-taker typed: by code ("0102"), Chinese name ("伤害")
 * or English words ("assault"), case-insensitive. Best first: exact name or code, then
 * names that start with the text, then names that contain it; within each, the more
 * specific (deeper) type first, then by code.
 */
export function searchTypes(types: readonly TaxonomyType[], query: string, limit = 12): TaxonomyType[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const scored: [number, TaxonomyType][] = [];
  for (const type of types) {
    const zh = type.name_zh.toLowerCase();
    const en = type.name_en.toLowerCase();
    let score = 0;
    if (type.code === q || zh === q || en === q) score = 4;
    else if (type.code.startsWith(q) || zh.startsWith(q) || en.startsWith(q)) score = 3;
    else if (en.split(/[\s-]+/).some((w) => w.startsWith(q))) score = 2;
    else if (zh.includes(q) || en.includes(q)) score = 1;
    if (score > 0) scored.push([score, type]);
  }
  scored.sort((a, b) => b[0] - a[0] || b[1].level - a[1].level || (a[1].code < b[1].code ? -1 : 1));
  return scored.slice(0, limit).map(([, type]) => type);
}

/** Same family: both types under one top-level class (刑事, 治安, 交通 …). */
export function sameFamily(a: string, b: string): boolean {
  return a.length >= 2 && b.length >= 2 && a.slice(0, 2) === b.slice(0, 2);
}

/** Great-circle distance in metres (haversine; the city scale needs nothing finer). */
export function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(s));
}
