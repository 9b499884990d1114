/** Dates and euro amounts per locale (Intl). Pure: unit-tested in Node. */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

/** A calendar date "YYYY-MM-DD" (no time zone: the register's due dates and decision dates). */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate ?? '';
  const f = cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return f.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment (history, updatedAt), shown in Brussels time. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = cached(`t|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }));
  return f.format(d);
}

export function formatEuro(amount: number, locale: string): string {
  const whole = Number.isInteger(amount);
  const f = cached(
    `e|${locale}|${whole}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }),
  );
  return f.format(amount);
}

export function formatNumber(n: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}
