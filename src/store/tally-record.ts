import { z } from 'zod';

/**
 * How many records of a collection hold each combination of a few indexed fields (entries: domain, status and
 * start year), kept as one record beside the collection: a register page reads its counts in one request instead
 * of reading every entry. `counts` maps the combination (its values as a JSON array, in the fields' order) to a
 * number; `builtAt` is when it was last counted from the records themselves.
 */
export const tallyRecord = z
  .object({
    key: z.string().min(1).max(100),
    counts: z.record(z.string(), z.number().int()),
    builtAt: z.string(),
  })
  .strict();
export type TallyRecord = z.infer<typeof tallyRecord>;
