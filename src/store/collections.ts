import type { z } from 'zod';
import * as model from '../domain';
import { communeSettings } from '../domain';
import { translationSettings } from '../domain';
import { FieldTooLongError, InvalidRecordError, RecordTooLargeError } from './errors';
import { MAX_INDEXED_TEXT } from '../domain';
import { tallyRecord } from './tally-record';

/**
 * Every collection the register keeps, with the fields stores index (the only fields a store
 * filters on), the unique key where records are addressed by one, and the fields a tally counts by. Both stores
 * obey this list.
 */
export const COLLECTIONS = {
  entries: {
    schema: model.synergyEntry,
    indexed: ['domain', 'status', 'startYear', 'focusGroupId'],
    uniqueKey: null,
    tally: ['domain', 'status', 'startYear'],
  },
  actions: { schema: model.action, indexed: ['entryId', 'status', 'dueDate'], uniqueKey: null },
  focusGroups: { schema: model.focusGroup, indexed: ['domain'], uniqueKey: null },
  meetings: { schema: model.meeting, indexed: ['body', 'date'], uniqueKey: null },
  polls: { schema: model.poll, indexed: ['focusGroupId', 'status', 'entryId', 'requestKey'], uniqueKey: 'requestKey' },
  votes: { schema: model.vote, indexed: ['pollId', 'ballotKey'], uniqueKey: 'ballotKey' },
  history: { schema: model.historyEvent, indexed: ['entryId', 'kind'], uniqueKey: null },
  conversations: { schema: model.conversationRef, indexed: ['teamId', 'key'], uniqueKey: 'key' },
  reports: { schema: model.annualReport, indexed: ['budgetYear'], uniqueKey: null },
  people: { schema: model.person, indexed: ['userId'], uniqueKey: 'userId' },
  deliveries: { schema: model.delivery, indexed: ['key', 'kind', 'state'], uniqueKey: 'key' },
  settings: { schema: communeSettings, indexed: ['key'], uniqueKey: 'key' },
  translation: { schema: translationSettings, indexed: ['key'], uniqueKey: 'key' },
  tallies: { schema: tallyRecord, indexed: ['key'], uniqueKey: 'key' },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export type CollectionRecord<K extends CollectionName> = z.output<(typeof COLLECTIONS)[K]['schema']>;

export interface CollectionSpec {
  schema: z.ZodTypeAny;
  indexed: readonly string[];
  uniqueKey: string | null;
  /** indexed fields whose combinations a store that keeps tallies counts (see tally.ts) */
  tally?: readonly string[];
}

export function specOf(name: CollectionName): CollectionSpec {
  return COLLECTIONS[name];
}

/** The most a record may hold, as JSON: SharePoint's multiple lines of text keep 63 999 characters. */
export const MAX_RECORD_CHARS = 63_999;
/** The longest text an indexed column keeps. */
export { MAX_INDEXED_TEXT };

/**
 * Both stores check every record before writing it: against the schema the Graph store reads it back with, and
 * against the sizes SharePoint keeps, so both stores refuse the same records with the same clear error.
 */
export function assertWritable(name: CollectionName, value: unknown): void {
  const spec = COLLECTIONS[name];
  const result = spec.schema.safeParse(value);
  if (!result.success)
    throw new InvalidRecordError(
      name,
      result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    );
  for (const field of spec.indexed) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string' && v.length > MAX_INDEXED_TEXT) throw new FieldTooLongError(name, field, MAX_INDEXED_TEXT);
  }
  const size = JSON.stringify(value).length;
  if (size > MAX_RECORD_CHARS) throw new RecordTooLargeError(name, size, MAX_RECORD_CHARS);
}
