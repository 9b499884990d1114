import { z } from 'zod';
import { isoDate, isoDateTime } from '../../domain';
import { type CollectionName, specOf } from '../collections';
import type { FilterValue } from '../store';
import { titleOf } from './titles';

/** How one list column is typed in SharePoint. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'date' | 'dateTime';

export interface ColumnSpec {
  /** The record field the column mirrors. */
  field: string;
  /** The SharePoint internal name. */
  name: string;
  kind: ColumnKind;
  unique: boolean;
}

export interface ListSpec {
  collection: CollectionName;
  listName: string;
  /** the indexed fields' columns, then the create key's */
  columns: ColumnSpec[];
}

/** The request key a record was created with (idempotent creates): unique, so two racing retries create one item. */
export const CREATE_KEY_COLUMN = 'SrCreateKey';

/** Holds the whole record; multi-line text columns cannot be indexed, which is fine: we never filter on it. */
export const RECORD_COLUMN = 'RecordJson';
const TITLE_COLUMN = 'Title';

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The prefix keeps our columns clear of SharePoint's built-in internal names (Date, Body, Status…). */
export function columnNameOf(field: string): string {
  return `Sr${pascalCase(field)}`;
}

/** Reads the column type from the zod schema, so a new indexed field needs no second declaration here. */
export function columnKindOf(schema: z.ZodTypeAny): ColumnKind {
  let inner = schema;
  for (;;) {
    if (inner === isoDate) return 'date';
    if (inner === isoDateTime) return 'dateTime';
    if (inner instanceof z.ZodDefault) inner = inner._def.innerType;
    else if (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap();
    else if (inner instanceof z.ZodEffects) inner = inner.innerType();
    else break;
  }
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  return 'text';
}

function objectShape(schema: z.ZodTypeAny): z.ZodRawShape {
  let inner = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  if (!(inner instanceof z.ZodObject)) throw new TypeError('collection schemas must be zod objects');
  return inner.shape;
}

export function listSpecOf(collection: CollectionName, prefix: string): ListSpec {
  const spec = specOf(collection);
  const shape = objectShape(spec.schema);
  return {
    collection,
    listName: `${prefix}${pascalCase(collection)}`,
    columns: [
      ...spec.indexed.map((field) => ({
        field,
        name: columnNameOf(field),
        kind: columnKindOf(shape[field]),
        unique: spec.uniqueKey === field,
      })),
      { field: '', name: CREATE_KEY_COLUMN, kind: 'text' as const, unique: true },
    ],
  };
}

/** The columnDefinition body Graph expects when creating the column. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const facet: Record<ColumnKind, Record<string, unknown>> = {
    text: { text: {} },
    number: { number: {} },
    boolean: { boolean: {} },
    date: { dateTime: { format: 'dateOnly' } },
    dateTime: { dateTime: { format: 'dateTime' } },
  };
  return {
    name: column.name,
    ...facet[column.kind],
    indexed: true,
    ...(column.unique ? { enforceUniqueValues: true } : {}),
  };
}

/** Plain text: a rich-text column (SharePoint's default for multiple lines) may rewrite the JSON as HTML. */
export function recordColumnDefinition(): Record<string, unknown> {
  return { name: RECORD_COLUMN, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6, appendChangesToExistingText: false } };
}

/** SharePoint keeps date-only values as midnight UTC; normalising both sides makes equality filters exact. */
export function columnValueOf(kind: ColumnKind, value: unknown): FilterValue {
  if (value === undefined || value === null) return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  if (kind === 'dateTime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return value as FilterValue;
}

/** The fieldValueSet written for a record: title, one value per indexed column, the record itself; with a create key on creates. */
export function fieldsOf(list: ListSpec, record: object, createKey?: string): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  const fields: Record<string, unknown> = { [TITLE_COLUMN]: titleOf(list.collection, record) };
  for (const column of list.columns) if (column.field) fields[column.name] = columnValueOf(column.kind, values[column.field]);
  if (createKey !== undefined) fields[CREATE_KEY_COLUMN] = createKey;
  fields[RECORD_COLUMN] = JSON.stringify(record);
  return fields;
}

/** A new item is sent without its empty columns: SharePoint stores nothing for them either way. */
export function newItemFieldsOf(list: ListSpec, record: object, createKey: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fieldsOf(list, record, createKey)).filter(([, value]) => value !== null && value !== undefined));
}
