import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PersonRef } from '../domain';
import type { CollectionName, CollectionRecord } from '../store';
import { NotFoundError } from '../store';
import { type Collection, type CreatedOnce, MAX_CREATE_KEY, type RegisterStore, type Stored } from '../store';
import { type ReferencesOf, requireReferences } from './references';
import { readModifyWrite, removeConditionally } from './conditional-write';
import { fieldIssue, ValidationError } from './errors';
import { todayInBrussels } from '../domain';

/** What every service of the register shares: who acts, validation at the boundary, patches, the clock, plain records. */

export type Actor = PersonRef;

/** What a change is recorded under: the person's name, id and e-mail, never more of whatever object the caller holds. */
export function personRefOf(by: Actor): PersonRef {
  return { name: by.name, ...(by.id ? { id: by.id } : {}), ...(by.email ? { email: by.email } : {}) };
}

/** A client's request key (an API Idempotency-Key, already scoped to its caller), or a fresh one. */
export function requestKeyOr(requestKey: string | undefined): string {
  if (requestKey === undefined) return randomUUID();
  if (!requestKey.trim() || requestKey.length > MAX_CREATE_KEY) {
    throw new ValidationError([fieldIssue('Idempotency-Key', 'key_length', { max: MAX_CREATE_KEY })]);
  }
  return requestKey;
}

/** Parses input with a schema, turning failures into a ValidationError naming each field. */
export function validate<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A patch replaces the fields it names; `id` and `etag` are the store's, never the caller's. */
export function applyPatch<T extends object>(current: Stored<T>, patch: unknown): Record<string, unknown> {
  if (!isPlainObject(patch)) throw new ValidationError([fieldIssue('', 'not_object')]);
  const { id: _id, etag: _etag, ...base } = current as Record<string, unknown>;
  const { id: _pid, etag: _petag, ...changes } = patch;
  return { ...base, ...changes };
}

/** Plain create/read/update/delete with validation for one collection (and the ids its records name). */
export class RecordService<K extends CollectionName> {
  constructor(
    protected readonly collection: Collection<CollectionRecord<K>>,
    protected readonly schema: z.ZodTypeAny,
    protected readonly name: K,
    private readonly references?: { store: RegisterStore; of: ReferencesOf<CollectionRecord<K>> },
  ) {}

  /** The ids a record names that it did not name before must name records that exist (400 otherwise). */
  protected async checkReferences(next: CollectionRecord<K>, previous?: CollectionRecord<K>): Promise<void> {
    if (this.references) await requireReferences(this.references.store, this.references.of, next, previous);
  }

  list(filter?: Parameters<Collection<CollectionRecord<K>>['list']>[0]): Promise<Stored<CollectionRecord<K>>[]> {
    return this.collection.list(filter);
  }

  async get(id: string): Promise<Stored<CollectionRecord<K>>> {
    const found = await this.collection.get(id);
    if (!found) throw new NotFoundError(this.name, id);
    return found;
  }

  async create(input: unknown): Promise<Stored<CollectionRecord<K>>> {
    return (await this.createOnce(input)).record;
  }

  /** Creates once per request key: a retry with the same key gets the first record, `created: false`. */
  async createOnce(input: unknown, requestKey?: string): Promise<CreatedOnce<CollectionRecord<K>>> {
    const value = validate(this.schema, input);
    await this.checkReferences(value);
    return this.collection.createOnce(value, requestKeyOr(requestKey));
  }

  /** Applies the patch to the stored version: the caller's `ifMatch` if given, else re-applied until it lands. */
  async update(id: string, patch: unknown, ifMatch?: string): Promise<Stored<CollectionRecord<K>>> {
    if (this.references) {
      const current = await this.get(id);
      await this.checkReferences(validate(this.schema, applyPatch(current, patch)), stripMeta(current));
    }
    const { saved } = await readModifyWrite(this.collection, this.name, id, (current) => validate(this.schema, applyPatch(current, patch)), { ifMatch });
    return saved;
  }

  async remove(id: string, ifMatch?: string): Promise<void> {
    await removeConditionally(this.collection, this.name, id, { ifMatch });
  }
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The register's today: the Brussels calendar day at the clock's now (the domain's one rule). */
export function todayOf(clock: Clock): string {
  return todayInBrussels(clock.now());
}

export function stripMeta<T extends object>(stored: Stored<T>): T {
  const { id: _id, etag: _etag, ...value } = stored;
  return value as unknown as T;
}
