import { z } from 'zod';
import { TABLE_COLUMNS } from '../domain';
import { DOMAIN_CODES, FORM_CODES, FORMALISATION_CODES, MEETING_BODY_CODES, SCOPE_CODES, STATUS_CODES } from '../domain';

/**
 * What an import proposes before anything is written: the report's template and one entry per measure,
 * each with the clerk's decision (create, add as a mention of an existing entry, skip). The review screen
 * edits this object and sends it back to be confirmed; the schema checks it at that boundary.
 */

const reason = z.object({ code: z.string().min(1).max(40), detail: z.string().max(300).optional() }).strict();

/** where a measure was read: a list block, a narrative section, the summary table only, or a meeting's account only */
export const BLOCKS = ['running', 'proposals', 'stopped', 'sections', 'table', 'meetings'] as const;
export type ImportBlock = (typeof BLOCKS)[number];

export const IMPORT_ACTIONS = ['create', 'mention', 'skip'] as const;

export const proposedEntry = z
  .object({
    /** stable within one import: "m1", "m2", … in document order */
    key: z.string().regex(/^m\d{1,5}$/, 'must look like m1, m2, …'),
    title: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    description: z.string().max(20000).default(''),
    /** the language the text is in (an "(NL)" tag in a French annex marks a Dutch text) */
    language: z.enum(['nl', 'fr', 'en']),
    block: z.enum(BLOCKS),
    /** the section heading it stood under, as printed without its number */
    section: z.string().max(200).nullable(),
    subheading: z.string().max(200).nullable(),
    italic: z.boolean(),
    status: z.enum(STATUS_CODES),
    statusReason: reason,
    domain: z.enum(DOMAIN_CODES),
    domainReason: reason,
    scope: z.enum(SCOPE_CODES),
    parties: z.array(z.string().trim().min(1).max(200)).max(50),
    years: z.array(z.number().int().min(1976).max(2100)).max(50),
    /** the form of cooperation the table or the words name; the entry's formalisation then follows from it */
    form: z.enum(FORM_CODES).nullable().default(null),
    formalisation: z.enum(FORMALISATION_CODES),
    /** the service carrying it, from a summary table's department column */
    department: z.string().trim().max(200).nullable().default(null),
    startYear: z.number().int().min(1976).max(2100).nullable().default(null),
    action: z.enum(IMPORT_ACTIONS),
    /** the existing entry a "mention" goes to */
    entryId: z.string().max(40).nullable(),
    /** the same measure in the other language of a bilingual report (its second half) */
    translation: z
      .object({ language: z.enum(['nl', 'fr', 'en']), title: z.string().trim().min(1).max(500), description: z.string().max(20000).default('') })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .refine((e) => e.action !== 'mention' || Boolean(e.entryId), {
    message: 'a mention needs the entry it belongs to',
    path: ['entryId'],
    params: { code: 'mention_needs_entry' },
  });
export type ProposedEntry = z.infer<typeof proposedEntry>;

export const proposedSection = z
  .object({
    label: z.string().trim().min(1).max(200),
    /** the same section's heading in a bilingual report's other language */
    labelOther: z.string().trim().min(1).max(200).nullable().default(null),
    number: z.string().max(20).nullable(),
    block: z.enum(['running', 'proposals', 'stopped', 'sections']),
  })
  .strict();
export type ProposedSection = z.infer<typeof proposedSection>;

export const proposedTemplate = z
  .object({
    title: z.string().max(1000),
    subtitle: z.string().max(1000).nullable(),
    municipality: z.string().max(200).nullable(),
    /** the commune in the other language of a bilingual report ("Sint-Amands-Berg" beside "Mont-Saint-Amand") */
    municipalityOther: z.string().max(200).nullable().default(null),
    /** gemeente/commune or stad/ville, as the title block names it */
    bodyKind: z.enum(['municipality', 'city']).default('municipality'),
    /** the OCMW/CPAS as the document names it ("OCMW van de Stad Brussel"), when it does */
    ocmwName: z.string().max(300).nullable().default(null),
    /** Wallonia when the report cites the CDLD (art. L1122-11) or speaks of "synergies à développer" */
    region: z.enum(['brussels', 'wallonia']).default('brussels'),
    legalCitation: z.string().max(4000).nullable(),
    intro: z.string().max(20000),
    yearText: z.string().max(4000),
    sections: z.array(proposedSection).max(120),
    /** the columns of the report's summary table, when it printed one */
    table: z.array(z.enum(TABLE_COLUMNS)).max(TABLE_COLUMNS.length).nullable().default(null),
  })
  .strict();
export type ProposedTemplate = z.infer<typeof proposedTemplate>;

/** A meeting account of the report's meetings chapter: written as a meeting, so the year's annex tells it again. */
export const proposedMeeting = z
  .object({
    /** its heading as printed; the measures it tells carry it as their section */
    section: z.string().trim().min(1).max(200),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
      .nullable(),
    body: z.enum(MEETING_BODY_CODES),
    language: z.enum(['nl', 'fr', 'en']),
    summary: z.string().max(20000).default(''),
    action: z.enum(['create', 'skip']).default('create'),
  })
  .strict();

export const importProposal = z
  .object({
    /** a hash of the file: the same file is the same import, confirmed once */
    importId: z.string().regex(/^[a-f0-9]{16,64}$/, 'is not an import id'),
    fileName: z.string().max(300),
    language: z.enum(['nl', 'fr', 'en']),
    /** the budget year the report is annexed to; null when the document does not say (the clerk then gives it) */
    year: z
      .number({ invalid_type_error: 'must be the budget year of the report' })
      .int()
      .min(2000, 'must be 2000 or later')
      .max(2100, 'must be 2100 or earlier')
      .nullable(),
    yearReason: reason,
    shape: z.enum(['list', 'narrative']),
    template: proposedTemplate,
    /** create the year's report template, replace the one the register has, or keep it */
    templateAction: z.enum(['create', 'replace', 'keep']),
    entries: z.array(proposedEntry).max(5000, 'holds more than 5000 measures'),
    meetings: z.array(proposedMeeting).max(200).default([]),
    /** what the reader noticed ("import.warning.<code>"): shown, not acted on */
    warnings: z
      .array(
        z
          .object({
            code: z.enum(['style', 'ignored', 'truncated', 'table_truncated', 'meeting_undated', 'no_structure']),
            style: z.string().max(100).optional(),
            max: z.number().int().optional(),
            /** the heading of what could not be placed */
            label: z.string().max(200).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export type ImportProposal = z.infer<typeof importProposal>;
