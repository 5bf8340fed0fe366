import { describe, expect, it } from 'vitest';
import type { TaxonomyType } from '../api/records';
import { distanceMetres, sameFamily, searchTypes } from './type_search';

const type = (code: string, name_zh: string, name_en: string, level: number): TaxonomyType => ({
  code,
  parent: code.slice(0, -2),
  level,
  name_zh,
  name_en,
  default_priority: 2,
  capabilities: [],
});

const TYPES = [
  type('01', '刑事', 'Criminal offence', 1),
  type('0102', '故意伤害', 'Assault causing injury', 2),
  type('0103', '抢劫', 'Robbery', 2),
  type('010301', '持械抢劫', 'Armed robbery', 3),
  type('02', '治安', 'Public order', 1),
  type('0201', '打架斗殴', 'Fight', 2),
];

describe('type search', () => {
  it('finds a type by part of its Chinese name', () => {
    expect(searchTypes(TYPES, '伤害').map((t) => t.code)).toEqual(['0102']);
    expect(searchTypes(TYPES, '抢劫').map((t) => t.code)).toEqual(['0103', '010301']);
  });

  it('finds a type by an English word, in any case', () => {
    expect(searchTypes(TYPES, 'ROBB').map((t) => t.code)).toEqual(['0103', '010301']);
    expect(searchTypes(TYPES, 'assault')[0]?.code).toBe('0102');
  });

  it('finds a type by its code prefix, deeper types first', () => {
    expect(searchTypes(TYPES, '0103').map((t) => t.code)).toEqual(['0103', '010301']);
    expect(searchTypes(TYPES, '01').map((t) => t.code)).toEqual(['01', '010301', '0102', '0103']);
  });

  it('finds nothing for an empty query or a miss', () => {
    expect(searchTypes(TYPES, '  ')).toEqual([]);
    expect(searchTypes(TYPES, 'xyz')).toEqual([]);
  });

  it('tells families and distances', () => {
    expect(sameFamily('0102', '010301')).toBe(true);
    expect(sameFamily('0102', '0201')).toBe(false);
    expect(distanceMetres(31.62, 115.2, 31.62, 115.2)).toBe(0);
    expect(distanceMetres(31.62, 115.2, 31.63, 115.2)).toBeCloseTo(1112, -1);
  });
});
