import type { CollectionName } from '../collections';
import { StoreUnavailableError } from '../errors';
import { type ColumnKind, type ListSpec, RECORD_COLUMN, columnDefinition, recordColumnDefinition } from './columns';
import type { GraphApi } from './graph-api';
import { encodeQuery } from './odata';
import { type ExistingColumn, createdList, listsPage } from './wire';

interface ExistingList {
  id: string;
  columns: Map<string, ExistingColumn>;
}

/** One metadata read: every list of the site with its columns' definitions, all pages. */
async function existingLists(api: GraphApi, siteId: string): Promise<Map<string, ExistingList>> {
  const byName = new Map<string, ExistingList>();
  const path = `/sites/${siteId}/lists${encodeQuery({ $select: 'id,name,displayName', $expand: 'columns' })}`;
  for await (const lists of api.pages(path, listsPage)) {
    for (const list of lists) {
      const existing = { id: list.id, columns: new Map((list.columns ?? []).map((c) => [c.name, c])) };
      for (const name of [list.name, list.displayName]) if (name) byName.set(name, existing);
    }
  }
  return byName;
}

function wantedColumns(list: ListSpec): Array<Record<string, unknown>> {
  return [...list.columns.map(columnDefinition), recordColumnDefinition()];
}

/** The type facet a column definition carries, as ours are declared. */
function kindOf(column: ExistingColumn): ColumnKind | 'multiLineText' | undefined {
  if (column.text) return column.text.allowMultipleLines ? 'multiLineText' : 'text';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.dateTime) return column.dateTime.format === 'dateOnly' ? 'date' : 'dateTime';
  return undefined;
}

interface Repair {
  column: string;
  patch: Record<string, unknown>;
}

/**
 * What an existing column lacks, from what it must be: the same type (cannot be repaired: a clear error), its
 * index (a list made by an older release, or whose `indexed` flag SharePoint ignored, fails every filtered
 * read once it is large), plain text for the record column.
 */
function repairsFor(list: ListSpec, existing: ExistingList): { repairs: Repair[]; wrongType: string[] } {
  const repairs: Repair[] = [];
  const wrongType: string[] = [];
  for (const spec of list.columns) {
    const found = existing.columns.get(spec.name);
    if (!found) continue;
    const kind = kindOf(found);
    if (kind !== undefined && kind !== spec.kind && !(spec.kind === 'date' && kind === 'dateTime')) wrongType.push(`${spec.name} is ${kind}, not ${spec.kind}`);
    else if (found.indexed !== true) repairs.push({ column: found.id ?? spec.name, patch: { indexed: true } });
  }
  const record = existing.columns.get(RECORD_COLUMN);
  if (record) {
    if (kindOf(record) !== 'multiLineText') wrongType.push(`${RECORD_COLUMN} is ${kindOf(record)}, not multiple lines of text`);
    else if (record.text?.textType !== 'plain') repairs.push({ column: record.id ?? RECORD_COLUMN, patch: recordColumnDefinition() });
  }
  return { repairs, wrongType };
}

/**
 * Creates the lists and columns the site lacks, repairs what it can (indexes, plain text) and verifies the
 * result with a second metadata read; never deletes data. A second run on a sound site costs the one metadata
 * read. Returns the list id of each collection; a column of the wrong type stops the start with its name.
 */
export async function provisionLists(api: GraphApi, siteId: string, lists: readonly ListSpec[]): Promise<Map<CollectionName, string>> {
  let existing = await existingLists(api, siteId);
  let changed = false;
  for (const list of lists) {
    const found = existing.get(list.listName);
    if (!found) {
      await api.post(`/sites/${siteId}/lists`, { displayName: list.listName, columns: wantedColumns(list), list: { template: 'genericList' } }, createdList);
      changed = true;
      continue;
    }
    for (const column of wantedColumns(list)) {
      if (!found.columns.has(String(column.name))) {
        await api.post(`/sites/${siteId}/lists/${found.id}/columns`, column, createdList);
        changed = true;
      }
    }
  }
  if (changed) existing = await existingLists(api, siteId);
  // Lists and columns just created are checked too: SharePoint may have ignored their `indexed` flag.
  let repaired = false;
  for (const list of lists) {
    const found = existing.get(list.listName);
    if (!found) continue;
    for (const repair of repairsFor(list, found).repairs) {
      await api.patch(`/sites/${siteId}/lists/${found.id}/columns/${repair.column}`, repair.patch, createdList);
      repaired = true;
    }
  }
  if (repaired) existing = await existingLists(api, siteId);
  const ids = new Map<CollectionName, string>();
  const problems: string[] = [];
  for (const list of lists) {
    const found = existing.get(list.listName);
    if (!found) {
      problems.push(`${list.listName} was not created`);
      continue;
    }
    const missing = wantedColumns(list)
      .map((c) => String(c.name))
      .filter((name) => !found.columns.has(name));
    const { repairs, wrongType } = repairsFor(list, found);
    problems.push(
      ...missing.map((name) => `${list.listName}.${name} is missing`),
      ...wrongType.map((why) => `${list.listName}.${why}`),
      ...repairs.map((r) => `${list.listName} column ${r.column} still lacks ${Object.keys(r.patch).join(', ')}`),
    );
    ids.set(list.collection, found.id);
  }
  if (problems.length) {
    throw new StoreUnavailableError(
      `The register lists on site ${siteId} are not as this release needs them: ${problems.join('; ')}. Fix or rename these lists, then start again.`,
    );
  }
  return ids;
}
