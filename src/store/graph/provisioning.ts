import type { CollectionName } from '../collections';
import { type ListSpec, columnDefinition, recordColumnDefinition } from './columns';
import type { GraphApi } from './graph-api';
import { encodeQuery } from './odata';
import { createdList, listsPage } from './wire';

interface ExistingList {
  id: string;
  columns: Set<string>;
}

/** One metadata read: every list of the site with its column names, all pages. */
async function existingLists(api: GraphApi, siteId: string): Promise<Map<string, ExistingList>> {
  const byName = new Map<string, ExistingList>();
  const path = `/sites/${siteId}/lists${encodeQuery({ $select: 'id,name,displayName', $expand: 'columns($select=name)' })}`;
  for await (const lists of api.pages(path, listsPage)) {
    for (const list of lists) {
      const existing = { id: list.id, columns: new Set((list.columns ?? []).map((c) => c.name)) };
      for (const name of [list.name, list.displayName]) if (name) byName.set(name, existing);
    }
  }
  return byName;
}

function wantedColumns(list: ListSpec): Array<Record<string, unknown>> {
  return [...list.columns.map(columnDefinition), recordColumnDefinition()];
}

/**
 * Creates the lists and columns the site lacks; never deletes or alters anything. A second run costs the one
 * metadata read and nothing else. Returns the list id of each collection.
 */
export async function provisionLists(api: GraphApi, siteId: string, lists: readonly ListSpec[]): Promise<Map<CollectionName, string>> {
  const existing = await existingLists(api, siteId);
  const ids = new Map<CollectionName, string>();
  for (const list of lists) {
    const found = existing.get(list.listName);
    if (!found) {
      const created = await api.post(
        `/sites/${siteId}/lists`,
        { displayName: list.listName, columns: wantedColumns(list), list: { template: 'genericList' } },
        createdList,
      );
      ids.set(list.collection, created.id);
      continue;
    }
    for (const column of wantedColumns(list)) {
      if (!found.columns.has(String(column.name))) {
        await api.post(`/sites/${siteId}/lists/${found.id}/columns`, column, createdList);
      }
    }
    ids.set(list.collection, found.id);
  }
  return ids;
}
