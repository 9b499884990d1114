import { DateTime } from 'luxon';
import { type Language, LOCALE_OF } from './languages';

/**
 * Belgian wall-clock time (Europe/Brussels, with its daylight-saving changes, from the time-zone
 * database through luxon) for what people type and read: closing and opening times, reminder hours,
 * the digests' weekday and hour.
 */
export const TIME_ZONE = 'Europe/Brussels';

/**
 * "2026-12-01T17:00", "2026-12-01 17:00" or "2026-12-01" (end of that day) in Brussels time, or a full
 * ISO date-time with an offset → ISO UTC string; undefined when it is not a real date and time.
 */
export function parseLocalDateTime(input: string, timeZone = TIME_ZONE): string | undefined {
  const s = input.trim();
  if (/T/.test(s) && /([zZ]|[+-]\d{2}:?\d{2})$/.test(s)) {
    const at = DateTime.fromISO(s, { setZone: true });
    return at.isValid ? at.toUTC().toISO()! : undefined;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const time = m[2] ? m[2].padStart(5, '0') : '23:59';
  const at = DateTime.fromISO(`${m[1]}T${time}`, { zone: timeZone });
  return at.isValid ? at.toUTC().toISO()! : undefined;
}

/** ISO instant → "2026-12-01 17:00" as people in Brussels read it. */
export function formatLocalDateTime(iso: string, timeZone = TIME_ZONE): string {
  const at = DateTime.fromISO(iso, { zone: timeZone });
  return at.isValid ? at.toFormat('yyyy-MM-dd HH:mm') : iso;
}

/** The calendar day in Brussels at that instant (YYYY-MM-DD): "once per day" means once per Brussels day. */
export function localDate(now: Date, timeZone = TIME_ZONE): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/**
 * The register's one "today": the Brussels calendar day (YYYY-MM-DD). Every date the register records or
 * compares (decisions, actions done, overdue, digests, exports) is a Brussels day, never the UTC date:
 * between 23:00/22:00 UTC and midnight the two differ.
 */
export function todayInBrussels(now: Date = new Date()): string {
  return localDate(now);
}

/** The Brussels calendar day of an ISO instant ("2026-12-04T23:00:00Z" → "2026-12-05"); a plain day stays as it is. */
export function brusselsDayOf(iso: string, timeZone = TIME_ZONE): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const at = DateTime.fromISO(iso, { setZone: true });
  return at.isValid ? at.setZone(timeZone).toISODate()! : iso.slice(0, 10);
}

/** A calendar day as a reader writes it in a sentence: "5 december 2026", "5 décembre 2026", "5 December 2026". */
export function formatDay(day: string, language: Language): string {
  const at = DateTime.fromISO(brusselsDayOf(day), { zone: TIME_ZONE });
  return at.isValid ? at.setLocale(LOCALE_OF[language]).toFormat('d MMMM yyyy') : day;
}

const AT_TIME: Record<Language, string> = { nl: "'om' HH:mm", fr: "'à' H'\u00a0h\u00a0'mm", en: "'at' HH:mm" };

/** An instant as read in Brussels, in a sentence: "5 december 2026 om 17:00", "5 décembre 2026 à 17 h 00". */
export function formatDayTime(iso: string, language: Language, timeZone = TIME_ZONE): string {
  const at = DateTime.fromISO(iso, { zone: timeZone });
  return at.isValid ? `${at.setLocale(LOCALE_OF[language]).toFormat('d MMMM yyyy')} ${at.toFormat(AT_TIME[language])}` : iso;
}

/** The instant of a Brussels wall-clock time on a Brussels calendar day. */
export function atLocalTime(day: string, time: string, timeZone = TIME_ZONE): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone: timeZone }).toJSDate();
}

/** Has today's (Brussels) `time` passed at `now`? */
export function isPastLocalTime(now: Date, time: string, timeZone = TIME_ZONE): boolean {
  return now.getTime() >= atLocalTime(localDate(now, timeZone), time, timeZone).getTime();
}

export interface WeeklySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** "HH:MM" Brussels time */
  time: string;
}

/**
 * The latest weekly slot at or before `now`, and its ISO week ("2026-W10"): the key under which a weekly
 * message is sent once. A server that was down at the slot's hour still sends that week's message later
 * in the week (same key), never twice.
 */
export function latestWeeklySlot(now: Date, slot: WeeklySlot, timeZone = TIME_ZONE): { at: Date; week: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const [hour, minute] = slot.time.split(':').map(Number);
  let at = local.set({ weekday: slot.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour, minute, second: 0, millisecond: 0 });
  if (at > local) at = at.minus({ weeks: 1 });
  return { at: at.toJSDate(), week: at.toFormat("kkkk-'W'WW") };
}
