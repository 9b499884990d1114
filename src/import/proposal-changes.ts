import { z } from 'zod';
import { type ImportProposal, importProposal, proposedMeeting, proposedTemplate } from './proposal';

/**
 * The clerk's decisions on a proposal the server keeps, sent as changes instead of the whole proposal (a report of
 * 2 000 measures is over a megabyte): the measures in their order by key, the fields changed on each, the measures
 * the clerk made (a split), and the template's and year's changes. Applied to the kept proposal (pure), the result is
 * checked as a whole proposal.
 */

const entryPatch = z.record(z.string().regex(/^m\d{1,5}$/), z.record(z.unknown()));

export const proposalChanges = z
  .object({
    importId: z
      .string()
      .regex(/^[a-f0-9]{16,64}$/, 'is not an import id')
      .describe('Id of the kept proposal (the hash of the file)'),
    /** every measure kept, in order (a merged one is left out, a split one's new key added) */
    order: z
      .array(z.string().regex(/^m\d{1,5}$/))
      .max(5000)
      .describe('Every measure kept, by key, in order (a merged one is left out, a split one’s new key added)'),
    /** changed fields per measure key */
    entries: entryPatch.default({}).describe('Changed fields per measure key'),
    /** measures the clerk added (a split): whole */
    added: z.array(z.record(z.unknown())).max(5000).default([]).describe('Measures the clerk added (a split), whole'),
    year: importProposal.shape.year.optional().describe('Budget year the report is annexed to, when the clerk changes it'),
    templateAction: importProposal.shape.templateAction.optional().describe("Create the year's report template, replace the one the register has, or keep it"),
    template: proposedTemplate.partial().optional().describe('Changed fields of the proposed template'),
    meetings: z.array(proposedMeeting).max(200).optional().describe('Meeting accounts, all of them, when the clerk changed any'),
  })
  .strict();
export type ProposalChanges = z.input<typeof proposalChanges>;

/** The kept proposal with the clerk's changes: validated as a whole proposal by the caller (importProposal). */
export function applyChanges(kept: ImportProposal, changes: z.output<typeof proposalChanges>): unknown {
  const byKey = new Map<string, Record<string, unknown>>(kept.entries.map((e) => [e.key, e]));
  for (const added of changes.added) if (typeof added.key === 'string') byKey.set(added.key, added);
  const entries = changes.order.map((key) => ({ ...(byKey.get(key) ?? { key }), ...(changes.entries[key] ?? {}), key }));
  return {
    ...kept,
    ...(changes.year !== undefined ? { year: changes.year } : {}),
    ...(changes.templateAction ? { templateAction: changes.templateAction } : {}),
    template: { ...kept.template, ...(changes.template ?? {}) },
    ...(changes.meetings ? { meetings: changes.meetings } : {}),
    entries,
  };
}
