import type { z } from 'zod';
import * as model from '../domain/model';
import { InvalidRecordError } from './errors';

/**
 * Every collection the register keeps, with the fields stores index (the only fields a store
 * filters on) and the unique key where records are addressed by one. Both stores obey this list.
 */
export const COLLECTIONS = {
  entries: { schema: model.synergyEntry, indexed: ['domain', 'status', 'startYear', 'focusGroupId'], uniqueKey: null },
  actions: { schema: model.action, indexed: ['entryId', 'status', 'dueDate'], uniqueKey: null },
  focusGroups: { schema: model.focusGroup, indexed: ['domain'], uniqueKey: null },
  meetings: { schema: model.meeting, indexed: ['body', 'date'], uniqueKey: null },
  polls: { schema: model.poll, indexed: ['focusGroupId', 'status', 'entryId', 'requestKey'], uniqueKey: 'requestKey' },
  votes: { schema: model.vote, indexed: ['pollId', 'ballotKey'], uniqueKey: 'ballotKey' },
  history: { schema: model.historyEvent, indexed: ['entryId'], uniqueKey: null },
  conversations: { schema: model.conversationRef, indexed: ['teamId', 'key'], uniqueKey: 'key' },
  reports: { schema: model.annualReport, indexed: ['budgetYear'], uniqueKey: null },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export type CollectionRecord<K extends CollectionName> = z.output<(typeof COLLECTIONS)[K]['schema']>;

export interface CollectionSpec {
  schema: z.ZodTypeAny;
  indexed: readonly string[];
  uniqueKey: string | null;
}

export function specOf(name: CollectionName): CollectionSpec {
  return COLLECTIONS[name];
}

/** Both stores check every record before writing it, with the schema the Graph store reads it back with. */
export function assertWritable(name: CollectionName, value: unknown): void {
  const result = COLLECTIONS[name].schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(name, result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`));
}
