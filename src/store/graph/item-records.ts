import type { CollectionSpec } from '../collections';
import { StoreUnavailableError } from '../errors';
import { deepFreeze } from '../paging';
import type { Stored } from '../store';
import { RECORD_COLUMN } from './columns';
import type { ListItem } from './wire';

/**
 * Records from list items: the JSON in RecordJson, checked with the collection's schema, with the item's id and
 * eTag; frozen like every record a store hands out (see paging.ts).
 */
export class ItemRecords<T extends object> {
  constructor(
    private readonly listName: string,
    private readonly spec: CollectionSpec,
    private readonly warn?: (message: string) => void,
  ) {}

  /**
   * The record an item holds, or undefined for an item this app did not write (added in the SharePoint UI: Graph
   * leaves out its empty RecordJson): it is skipped and named in the log, and the list stays readable.
   */
  own(item: ListItem): Stored<T> | undefined {
    if (typeof item.fields?.[RECORD_COLUMN] !== 'string') {
      this.warn?.(`${this.listName} item ${item.id} has no ${RECORD_COLUMN}: it was not written by this app and is skipped`);
      return undefined;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(item.fields[RECORD_COLUMN]);
    } catch {
      throw new StoreUnavailableError(`${this.listName} item ${item.id} holds damaged JSON in ${RECORD_COLUMN}`);
    }
    const parsed = this.spec.schema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new StoreUnavailableError(`${this.listName} item ${item.id} holds an invalid record (${why})`);
    }
    return deepFreeze({ ...(parsed.data as T), id: item.id, etag: item.eTag });
  }

  /** A value just written, with the identity SharePoint gave it (values cross the boundary as JSON). */
  withIdentity(value: T, id: string, etag: string): Stored<T> {
    return deepFreeze({ ...(JSON.parse(JSON.stringify(value)) as T), id, etag } as Stored<T>);
  }
}
