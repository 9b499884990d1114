import { COLLECTIONS, type CollectionName } from '../collections';
import { fieldValue } from '../paging';

/**
 * In-memory indexes of the embedded store: for each indexed field, value → ids holding it. Kept up to date as each
 * change is applied, so an equality filter or a unique-key lookup reads only the records it finds.
 */
interface Posting {
  ids: Set<string>;
  /** the ids ascending, kept until the next change of this value's ids */
  sorted?: string[];
}

export type FieldIndexes = Map<string, Map<unknown, Posting>>;

export function emptyIndexes(collection: string): FieldIndexes {
  const fields = collection in COLLECTIONS ? COLLECTIONS[collection as CollectionName].indexed : [];
  return new Map(fields.map((field) => [field, new Map()]));
}

export function indexRow(indexes: FieldIndexes, id: string, value: object): void {
  for (const [field, byValue] of indexes) {
    const key = fieldValue(value, field);
    let posting = byValue.get(key);
    if (!posting) byValue.set(key, (posting = { ids: new Set() }));
    posting.ids.add(id);
    posting.sorted = undefined;
  }
}

export function unindexRow(indexes: FieldIndexes, id: string, value: object): void {
  for (const [field, byValue] of indexes) {
    const key = fieldValue(value, field);
    const posting = byValue.get(key);
    if (!posting) continue;
    posting.ids.delete(id);
    posting.sorted = undefined;
    if (posting.ids.size === 0) byValue.delete(key);
  }
}

/** The ids whose `field` equals `value`, ascending (the caller must not change the array). */
export function idsWhere(indexes: FieldIndexes, field: string, value: unknown): readonly string[] {
  const posting = indexes.get(field)?.get(value);
  if (!posting) return [];
  posting.sorted ??= [...posting.ids].sort((a, b) => Number(a) - Number(b));
  return posting.sorted;
}
