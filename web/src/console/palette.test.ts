import { describe, expect, it } from 'vitest';
import { contrast, PRIORITY_COLOURS, PRIORITY_TEXT, STATUS_COLOURS } from './palette';

describe('status colours', () => {
  it('computes the WCAG ratio (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('every status chip keeps its text at 4.5:1 or more', () => {
    for (const [status, c] of Object.entries(STATUS_COLOURS)) {
      expect(contrast(c.fill, c.text), status).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('every priority badge keeps its text at 4.5:1 or more', () => {
    for (const p of [1, 2, 3, 4] as const) {
      expect(contrast(PRIORITY_COLOURS[p], PRIORITY_TEXT[p]), `P${p}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('no two unit statuses share a fill', () => {
    const fills = Object.values(STATUS_COLOURS).map((c) => c.fill);
    expect(new Set(fills).size).toBe(fills.length);
  });
});
