import { afterEach, describe, expect, it } from 'vitest';
import { centreDay, clockTime, dateTime, elapsed, eta, metres, setCentreOffset } from './format';

describe('centre time', () => {
  afterEach(() => setCentreOffset(480));

  it('shows a UTC instant in the centre zone (+08:00 by default)', () => {
    expect(clockTime('2026-11-23T07:53:06.746Z')).toBe('15:53:06');
    expect(dateTime('2026-11-23T17:10:00Z')).toBe('2026-11-24 01:10');
  });

  it('follows the configured offset, not the workstation clock', () => {
    setCentreOffset(-300);
    expect(clockTime('2026-11-23T07:53:06Z')).toBe('02:53:06');
  });

  it('names the centre\'s calendar day, not the workstation\'s', () => {
    expect(centreDay(Date.parse('2026-11-23T17:10:00Z'))).toBe('2026-11-24');
    setCentreOffset(-300);
    expect(centreDay(Date.parse('2026-11-23T03:00:00Z'))).toBe('2026-11-22');
  });

  it('shows a dash for a missing or broken time', () => {
    expect(clockTime(undefined)).toBe('—');
    expect(clockTime('not a time')).toBe('—');
  });

  it('writes waiting times, ETAs and distances compactly', () => {
    expect(elapsed(42_000)).toBe('0:42');
    expect(elapsed(3_729_000)).toBe('1:02:09');
    expect(elapsed(-5)).toBe('0:00');
    expect(eta(94)).toBe('1′34″');
    expect(metres(548)).toBe('548 m');
    expect(metres(1530)).toBe('1.5 km');
  });
});
