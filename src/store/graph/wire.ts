import { z } from 'zod';

/** The shapes Graph sends us, checked at the boundary: a surprise becomes a clear error, not undefined later. */

export const graphErrorBody = z.object({
  error: z
    .object({
      code: z.string().default(''),
      message: z.string().default(''),
      innerError: z.record(z.unknown()).optional(),
    })
    .passthrough(),
});

const nextLink = z.string().url().optional();

/** A column as Graph describes it (columndefinition.md): its type is the facet that is present. */
export const existingColumn = z
  .object({
    id: z.string().optional(),
    name: z.string(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z.object({ allowMultipleLines: z.boolean().optional(), textType: z.string().optional() }).passthrough().optional(),
    number: z.object({}).passthrough().optional(),
    boolean: z.object({}).passthrough().optional(),
    dateTime: z.object({ format: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type ExistingColumn = z.infer<typeof existingColumn>;

export const listsPage = z.object({
  value: z.array(
    z
      .object({
        id: z.string(),
        name: z.string().optional(),
        displayName: z.string().optional(),
        columns: z.array(existingColumn).optional(),
      })
      .passthrough(),
  ),
  '@odata.nextLink': nextLink,
});

export const createdList = z.object({ id: z.string() }).passthrough();

export const listItem = z
  .object({
    id: z.string().regex(/^\d+$/, 'list item ids are numeric'),
    eTag: z.string().min(1),
    fields: z.object({ RecordJson: z.string().nullable().optional() }).passthrough().optional(),
  })
  .passthrough();
export type ListItem = z.infer<typeof listItem>;

export const itemsPage = z.object({ value: z.array(listItem), '@odata.nextLink': nextLink });

/** Items read for their id only (`$select=id`), to count them. */
export const idsPage = z.object({ value: z.array(z.object({ id: z.string() }).passthrough()), '@odata.nextLink': nextLink });

/** PATCH …/fields answers with the fieldValueSet; its @odata.etag is the item's new eTag. */
export const updatedFields = z.object({ '@odata.etag': z.string().min(1) }).passthrough();
