import type { CreatedOnce, Stored } from './store';

/**
 * The rules every store's `createManyOnce` shares: one request key per value, a key given twice names one record,
 * and the answer comes back in input order.
 */

/** The position of the first value of each distinct request key: what the call has to find or create. */
export function firstOfEachKey(values: readonly unknown[], requestKeys: readonly string[]): number[] {
  if (requestKeys.length !== values.length)
    throw new RangeError(`createManyOnce needs one request key per value (${values.length} values, ${requestKeys.length} keys)`);
  const seen = new Set<string>();
  const firsts: number[] = [];
  requestKeys.forEach((key, index) => {
    if (typeof key !== 'string' || !key) throw new RangeError(`createManyOnce: request key ${index} is empty`);
    if (seen.has(key)) return;
    seen.add(key);
    firsts.push(index);
  });
  return firsts;
}

/** Each position's record by its key; only the first position of a key that this call created says `created`. */
export function inInputOrder<T>(requestKeys: readonly string[], byKey: ReadonlyMap<string, CreatedOnce<T>>): CreatedOnce<T>[] {
  const seen = new Set<string>();
  return requestKeys.map((key) => {
    const result = byKey.get(key);
    if (!result) throw new Error(`createManyOnce lost the record of request key ${key}`);
    const first = !seen.has(key);
    seen.add(key);
    return first ? result : { record: result.record, created: false };
  });
}

/** Records created for `positions` (in that order), entered under their keys. */
export function enterCreated<T>(
  byKey: Map<string, CreatedOnce<T>>,
  requestKeys: readonly string[],
  positions: readonly number[],
  records: readonly Stored<T>[],
): void {
  positions.forEach((position, n) => byKey.set(requestKeys[position], { record: records[n], created: true }));
}
