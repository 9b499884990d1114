/** Belgian wall-clock time for the closing times people type and read. */
export const TIME_ZONE = 'Europe/Brussels';

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * "2026-12-01T17:00", "2026-12-01 17:00" or "2026-12-01" (end of that day) in Brussels time, or a full
 * ISO date-time with an offset → ISO UTC string; undefined when it is not a date and time.
 */
export function parseLocalDateTime(input: string, timeZone = TIME_ZONE): string | undefined {
  const s = input.trim();
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) && /T/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const h = m[4] ?? '23';
  const mi = m[5] ?? '59';
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return undefined;
  // Two passes settle the offset around daylight-saving changes.
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc).toISOString();
}

/** ISO instant → "2026-12-01 17:00 (Brussels time)" as people in Brussels read it. */
export function formatLocalDateTime(iso: string, timeZone = TIME_ZONE): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + zoneOffsetMs(t, timeZone)).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (${timeZone})`;
}
