import type { FilterValue } from '../store';

/**
 * OData pieces for Graph queries. User text only ever reaches a URL through `odataLiteral` (OData escaping)
 * and then `encodeQuery` (percent-encoding): never by concatenation.
 */

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An OData v4 primitive literal: strings quoted with embedded quotes doubled, numbers, booleans, null. */
export function odataLiteral(value: FilterValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/'/g, "''")}'`;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`${value} has no OData literal`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      throw new TypeError(`unsupported filter value type ${typeof value}`);
  }
}

/** `fields/Column eq literal`; column names come from our own list definitions, still checked to keep URLs sane. */
export function fieldEquals(column: string, value: FilterValue): string {
  if (!COLUMN_NAME.test(column)) throw new RangeError(`invalid column name ${JSON.stringify(column)}`);
  return `fields/${column} eq ${odataLiteral(value)}`;
}

/** RFC 3986 strict: also encodes !'()* so that no OData or URL delimiter survives in a value. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A query string whose keys stay literal (`$filter`, `$top`) and whose values are fully percent-encoded, so the
 * Graph SDK, which splits paths on `&` and `=` without decoding, passes them on untouched.
 */
export function encodeQuery(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${percentEncode(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
