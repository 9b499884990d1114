import { specOf, type CollectionName } from './collections';
import { UnsupportedQueryError } from './errors';
import { type FieldFilter, MAX_PAGE, type PageQuery, type Stored } from './store';

/** Both stores refuse the same queries with the same error: a filter on a field no index covers, a page size out of range. */
export function checkFilter<T>(name: CollectionName, filter: FieldFilter<T> | undefined): void {
  if (filter && !specOf(name).indexed.includes(filter.field)) {
    throw new UnsupportedQueryError(`${name} cannot be filtered on ${filter.field}: it is not an indexed field`);
  }
}

export function checkPageQuery<T>(name: CollectionName, query: PageQuery<T>): void {
  checkFilter(name, query.where);
  if (!Number.isInteger(query.top) || query.top < 1 || query.top > MAX_PAGE) {
    throw new UnsupportedQueryError(`a page of ${name} holds 1 to ${MAX_PAGE} records, not ${query.top}`);
  }
}

/** The value a record holds in an indexed field, as an equality filter compares it (absent is null). */
export function fieldValue(record: object, field: string): unknown {
  return (record as Record<string, unknown>)[field] ?? null;
}

/**
 * Freezes a record read from a store and everything in it: records are shared between callers instead of
 * copied for each (a copy per record per request was most of a register page's time), so none may change one.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value as object)) deepFreeze(inner);
  return value;
}

/** Every record of a query, a page at a time: a task that goes through a whole collection holds one page, not the list. */
export async function* pagesOf<T>(
  collection: { page(query: PageQuery<T>): Promise<{ items: Stored<T>[]; next?: string }> },
  query: Omit<PageQuery<T>, 'after'>,
): AsyncGenerator<Stored<T>[]> {
  let after: string | undefined;
  do {
    const page = await collection.page({ ...query, after });
    if (page.items.length) yield page.items;
    after = page.next;
  } while (after !== undefined);
}
