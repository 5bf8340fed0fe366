/**
 * Times as the centre reads them: every timestamp in the centre's own time zone (the
 * server's UTC offset, +08:00 by default), whatever the workstation's clock is set to.
 */

let centreOffsetMinutes = 480;

export function setCentreOffset(minutes: number): void {
  centreOffsetMinutes = minutes;
}

function shifted(iso: string | number): Date | null {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms + centreOffsetMinutes * 60_000);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:05:09" in the centre's zone; "—" for a missing time. */
export function clockTime(iso: string | number | undefined): string {
  if (iso === undefined || iso === '') return '—';
  const d = shifted(iso);
  return d ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}` : '—';
}

/** "2026-11-23 14:05" in the centre's zone. */
export function dateTime(iso: string | number | undefined): string {
  if (iso === undefined || iso === '') return '—';
  const d = shifted(iso);
  if (!d) return '—';
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The centre's calendar day at `ms` ("2026-11-23"): the day its statistics call today. */
export function centreDay(ms: number): string {
  const d = shifted(ms);
  return d ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}` : '';
}

/** A waiting time: "0:42", "12:05", "1:02:09". */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** An ETA in whole minutes and seconds: "1′34″". */
export function eta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}′${two(s % 60)}″`;
}

export function metres(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`;
}
