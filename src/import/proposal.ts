import { z } from 'zod';
import { TABLE_COLUMNS } from '../domain';
import { DOMAIN_CODES, FORM_CODES, FORMALISATION_CODES, MEETING_BODY_CODES, SCOPE_CODES, STATUS_CODES } from '../domain';
import { LANGUAGES } from '../domain';

/**
 * What an import proposes before anything is written: the report's template and one entry per measure,
 * each with the clerk's decision (create, add as a mention of an existing entry, skip). The review screen
 * edits this object and sends it back to be confirmed; the schema checks it at that boundary.
 */

const reason = z
  .object({
    code: z.string().min(1).max(40).describe('Why the reader chose this value, as a code'),
    detail: z.string().max(300).optional().describe('The words or cell of the document it was read from'),
  })
  .strict();

/** where a measure was read: a list block, a narrative section, the summary table only, or a meeting's account only */
export const BLOCKS = ['running', 'proposals', 'stopped', 'sections', 'table', 'meetings'] as const;
export type ImportBlock = (typeof BLOCKS)[number];

export const IMPORT_ACTIONS = ['create', 'mention', 'skip'] as const;

export const proposedEntry = z
  .object({
    /** stable within one import: "m1", "m2", … in document order */
    key: z
      .string()
      .regex(/^m\d{1,5}$/, 'must look like m1, m2, …')
      .describe('Stable within one import: "m1", "m2", … in document order'),
    title: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters').describe('Title of the measure as read'),
    description: z.string().max(20000).default('').describe('Text describing the measure as read'),
    /** the language the text is in (an "(NL)" tag in a French annex marks a Dutch text) */
    language: z.enum(LANGUAGES).describe('Language the text is in (an "(NL)" tag in a French annex marks a Dutch text)'),
    block: z.enum(BLOCKS).describe('Where the measure was read: a list block, a narrative section, the summary table only, or a meeting’s account only'),
    /** the section heading it stood under, as printed without its number */
    section: z.string().max(200).nullable().describe('Section heading it stood under, as printed without its number'),
    subheading: z.string().max(200).nullable().describe('Subheading it stood under, if any'),
    italic: z.boolean().describe('Whether it was printed in italics (new that year)'),
    status: z.enum(STATUS_CODES).describe('Status proposed for the entry'),
    statusReason: reason.describe('Why that status was proposed'),
    domain: z.enum(DOMAIN_CODES).describe('Policy domain code proposed for the entry'),
    domainReason: reason.describe('Why that domain was proposed'),
    scope: z.enum(SCOPE_CODES).describe('Who cooperates, as proposed'),
    parties: z.array(z.string().trim().min(1).max(200)).max(50).describe('Partner organisations named in the text'),
    years: z.array(z.number().int().min(1976).max(2100)).max(50).describe('Years named in the text'),
    /** the form of cooperation the table or the words name; the entry's formalisation then follows from it */
    form: z
      .enum(FORM_CODES)
      .nullable()
      .default(null)
      .describe("Form of cooperation the table or the words name; the entry's formalisation then follows from it"),
    formalisation: z.enum(FORMALISATION_CODES).describe('Formalisation proposed for the entry'),
    /** the service carrying it, from a summary table's department column */
    department: z.string().trim().max(200).nullable().default(null).describe("Service carrying it, from a summary table's department column"),
    startYear: z.number().int().min(1976).max(2100).nullable().default(null).describe('Budget year it started, when the document says'),
    action: z.enum(IMPORT_ACTIONS).describe('What confirming does: create a new entry, add a mention to an existing entry, or skip it'),
    /** the existing entry a "mention" goes to */
    entryId: z.string().max(40).nullable().describe('Existing entry a "mention" goes to'),
    /** the same measure in the other language of a bilingual report (its second half) */
    translation: z
      .object({
        language: z.enum(LANGUAGES).describe('Language of the translation'),
        title: z.string().trim().min(1).max(500).describe('Title in that language'),
        description: z.string().max(20000).default('').describe('Description in that language'),
        /** its texts a machine translated in the review and no person edited: the entry keeps them marked unreviewed */
        machine: z
          .array(z.enum(['title', 'description']))
          .max(2)
          .optional()
          .describe(
            'Texts of this translation a machine suggested during the review and no person edited (none when left out): the entry created keeps them marked unreviewed',
          ),
      })
      .strict()
      .nullable()
      .default(null)
      .describe('The same measure in the other language: the second half of a bilingual report, or a translation suggested during the review'),
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
    label: z.string().trim().min(1).max(200).describe('Section heading as printed, without its number'),
    /** the same section's heading in a bilingual report's other language */
    labelOther: z.string().trim().min(1).max(200).nullable().default(null).describe("The same section's heading in a bilingual report's other language"),
    number: z.string().max(20).nullable().describe('Number printed before the heading ("3.2"), if any'),
    block: z.enum(['running', 'proposals', 'stopped', 'sections']).describe('Block the section stood in'),
  })
  .strict();
export type ProposedSection = z.infer<typeof proposedSection>;

export const proposedTemplate = z
  .object({
    title: z.string().max(1000).describe("Report's title as printed"),
    subtitle: z.string().max(1000).nullable().describe("Report's subtitle, if any"),
    municipality: z.string().max(200).nullable().describe('Municipality the report names, if it does'),
    /** the commune in the other language of a bilingual report ("Sint-Amands-Berg" beside "Mont-Saint-Amand") */
    municipalityOther: z
      .string()
      .max(200)
      .nullable()
      .default(null)
      .describe('The commune in the other language of a bilingual report ("Sint-Amands-Berg" beside "Mont-Saint-Amand")'),
    /** gemeente/commune or stad/ville, as the title block names it */
    bodyKind: z
      .enum(['municipality', 'city'])
      .default('municipality')
      .describe('gemeente/commune (municipality) or stad/ville (city), as the title block names it'),
    /** the OCMW/CPAS as the document names it ("OCMW van de Stad Brussel"), when it does */
    ocmwName: z.string().max(300).nullable().default(null).describe('The OCMW/CPAS as the document names it ("OCMW van de Stad Brussel"), when it does'),
    /** Wallonia when the report cites the CDLD (art. L1122-11) or speaks of "synergies à développer" */
    region: z
      .enum(['brussels', 'wallonia'])
      .default('brussels')
      .describe('Wallonia when the report cites the CDLD (art. L1122-11) or speaks of "synergies à développer"; else Brussels'),
    legalCitation: z.string().max(4000).nullable().describe('Legal citation read from the report, if any'),
    intro: z.string().max(20000).describe('Introduction text read from the report'),
    yearText: z.string().max(4000).describe('Text about the budget year read from the report'),
    sections: z.array(proposedSection).max(120).describe('Section headings read, in document order'),
    /** the columns of the report's summary table, when it printed one */
    table: z
      .array(z.enum(TABLE_COLUMNS))
      .max(TABLE_COLUMNS.length)
      .nullable()
      .default(null)
      .describe("Columns of the report's summary table, when it printed one"),
  })
  .strict();
export type ProposedTemplate = z.infer<typeof proposedTemplate>;

/** A meeting account of the report's meetings chapter: written as a meeting, so the year's annex tells it again. */
export const proposedMeeting = z
  .object({
    /** its heading as printed; the measures it tells carry it as their section */
    section: z.string().trim().min(1).max(200).describe('Its heading as printed; the measures it tells carry it as their section'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
      .nullable()
      .describe('Date of the meeting, YYYY-MM-DD; null when the document does not say'),
    body: z.enum(MEETING_BODY_CODES).describe('Body that met'),
    language: z.enum(LANGUAGES).describe('Language the account is written in'),
    summary: z.string().max(20000).default('').describe('The account of the meeting as read'),
    action: z.enum(['create', 'skip']).default('create').describe('create: write it as a meeting of the register; skip: leave it out'),
  })
  .strict();

export const importProposal = z
  .object({
    /** a hash of the file: the same file is the same import, confirmed once */
    importId: z
      .string()
      .regex(/^[a-f0-9]{16,64}$/, 'is not an import id')
      .describe('Hash of the file: the same file is the same import, confirmed once'),
    fileName: z.string().max(300).describe('Name of the uploaded file'),
    language: z.enum(LANGUAGES).describe('Main language of the document'),
    /** the budget year the report is annexed to; null when the document does not say (the clerk then gives it) */
    year: z
      .number({ invalid_type_error: 'must be the budget year of the report' })
      .int()
      .min(2000, 'must be 2000 or later')
      .max(2100, 'must be 2100 or earlier')
      .nullable()
      .describe('Budget year the report is annexed to; null when the document does not say (the clerk then gives it)'),
    yearReason: reason.describe('Why that year was read'),
    shape: z.enum(['list', 'narrative']).describe('list: numbered lists per lifecycle; narrative: sections of running text'),
    template: proposedTemplate.describe('Report template read from the document'),
    /** create the year's report template, replace the one the register has, or keep it */
    templateAction: z.enum(['create', 'replace', 'keep']).describe("Create the year's report template, replace the one the register has, or keep it"),
    entries: z.array(proposedEntry).max(5000, 'holds more than 5000 measures').describe('One proposed entry per measure read, in document order'),
    meetings: z.array(proposedMeeting).max(200).default([]).describe("Meeting accounts of the report's meetings chapter"),
    /** what the reader noticed ("import.warning.<code>"): shown, not acted on */
    warnings: z
      .array(
        z
          .object({
            code: z.enum(['style', 'ignored', 'truncated', 'table_truncated', 'meeting_undated', 'no_structure']).describe('What was noticed'),
            style: z.string().max(100).optional().describe('Word style concerned'),
            max: z.number().int().optional().describe('Limit that was reached'),
            /** the heading of what could not be placed */
            label: z.string().max(200).optional().describe('Heading of what could not be placed'),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe('What the reader noticed ("import.warning.<code>"): shown, not acted on'),
  })
  .strict();
export type ImportProposal = z.infer<typeof importProposal>;
