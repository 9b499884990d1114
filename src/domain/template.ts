import { z } from 'zod';
import { localizedText, requiredLocalizedText } from './model-base';
import { DOMAIN_CODES, SCOPE_CODES } from './vocabulary';

/**
 * A municipality's report template: how the yearly annex is
 * titled, which fixed texts it carries, and which measures go where — ordered blocks per lifecycle
 * (running, proposals, stopped this year), each with ordered sections gathering by domain, by department
 * or by an explicit list of entries. One template per budget year; a year without its own uses the
 * latest earlier one (see templateFor in ./template-rules).
 */

/** Where a measure stands in a year's report: running (new ones in italics), proposed, or stopped that year. */
export const LIFECYCLES = ['running', 'proposals', 'stopped'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Columns the summary table may show, in the order a template lists them. */
export const TABLE_COLUMNS = [
  'domain',
  'department',
  'measure',
  'status',
  'form',
  'parties',
  'benefitEstimated',
  'benefitRealised',
  'contacts',
  'deadline',
  'startYear',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export const DEFAULT_TABLE_COLUMNS: TableColumn[] = ['domain', 'measure', 'status', 'benefitEstimated', 'deadline'];

const KEY = /^[a-z0-9][a-z0-9-]*$/;

const gather = z.discriminatedUnion('by', [
  z
    .object({
      by: z.literal('domain').describe('Gather by policy domain'),
      /** a parent code (SOC) also gathers its children (SOC.HOUS …) */
      domains: z.array(z.enum(DOMAIN_CODES)).min(1).max(60).describe('Domain codes; a parent code (SOC) also gathers its children (SOC.HOUS …)'),
      scopes: z.array(z.enum(SCOPE_CODES)).min(1).default(['gemeente-ocmw']).describe('Only measures of these scopes'),
    })
    .strict(),
  z
    .object({
      by: z.literal('department').describe("Gather by the entries' department"),
      /** matched against the entry's department in any language, ignoring case and accents */
      departments: z
        .array(z.string().trim().min(1).max(200))
        .min(1)
        .max(60)
        .describe("Matched against the entry's department in any language, ignoring case and accents"),
    })
    .strict(),
  z
    .object({
      by: z.literal('entries').describe('Gather the entries listed'),
      /** these entries; others land here only by their own `section` (or a report's printed section) */
      entryIds: z.array(z.string().min(1).max(40)).max(5000).default([]).describe('Ids of the entries; others land here only by their own `section`'),
    })
    .strict(),
]);
export type SectionGather = z.infer<typeof gather>;

export const templateSection = z
  .object({
    /** stable within its block; entries name it in `section`. Made from the title when omitted. */
    key: z
      .string()
      .max(60)
      .regex(KEY, 'lower-case letters, digits and dashes')
      .optional()
      .describe('Stable key within its block; entries name it in `section`. Made from the title when omitted'),
    title: requiredLocalizedText(200).describe('Section heading as printed (without its number)'),
    gather: gather.describe('Which measures the section gathers: by domain, by department, or an explicit list of entries'),
  })
  .strict();

export const templateBlock = z
  .object({
    lifecycles: z
      .array(z.enum(LIFECYCLES))
      .min(1)
      .max(3)
      .describe('Which measures the block holds: running (new ones in italics), proposals, and/or stopped that year'),
    /** the block's heading; omitted: the catalogue's wording for its lifecycle ("SYNERGIEËN", …) */
    heading: localizedText(300).optional().describe('Heading of the block; omitted: the catalogue’s wording for its lifecycle ("SYNERGIEËN", …)'),
    leadIn: localizedText(2000).optional().describe('Text printed under the heading, before the sections'),
    sections: z.array(templateSection).max(80).default([]).describe('Sections of the block, in report order'),
  })
  .strict();

const tableChoice = z
  .object({
    include: z.boolean().default(false).describe('Whether the annex carries a summary table of the measures'),
    columns: z.array(z.enum(TABLE_COLUMNS)).min(1).max(TABLE_COLUMNS.length).default(DEFAULT_TABLE_COLUMNS).describe('Columns of the summary table, in order'),
  })
  .strict();

const templateFields = z
  .object({
    budgetYear: z.number().int().min(2000).max(2100).describe('Budget year the template is for; later years without their own template use it too'),
    municipality: requiredLocalizedText(200).describe('Name of the municipality as the report prints it, in Dutch and/or French'),
    /** gemeente/commune or stad/ville: the wording of titles and texts */
    bodyKind: z
      .enum(['municipality', 'city'])
      .default('municipality')
      .describe('gemeente/commune (municipality) or stad/ville (city): the wording of titles and texts'),
    /** the OCMW/CPAS as the title names it ("OCMW van Sint-Jans-Molenbeek"); omitted: "OCMW van {municipality}" */
    ocmwName: localizedText(300)
      .default({})
      .describe('The OCMW/CPAS as the title names it ("OCMW van Sint-Jans-Molenbeek"); omitted: "OCMW van {municipality}"'),
    region: z
      .enum(['brussels', 'wallonia'])
      .default('brussels')
      .describe('Region whose law the report cites: Brussels (OCMW law art. 26bis) or Wallonia (CDLD art. L1122-11)'),
    /** the preset it started from; "wallonia" flags its fixed wording for checking */
    preset: z
      .enum(['molenbeek-list', 'ukkel-narrative', 'wallonia', 'custom'])
      .default('custom')
      .describe('Preset the template started from; "wallonia" flags its fixed wording for checking'),
    shape: z.enum(['list', 'narrative']).describe('list: blocks of numbered lists per lifecycle; narrative: sections of running text'),
    /** overrides of the catalogue's title and subtitle for this template */
    title: localizedText(600).default({}).describe("Overrides of the catalogue's title for this template"),
    subtitle: localizedText(600).default({}).describe("Overrides of the catalogue's subtitle for this template"),
    /** the legal citation (lead-in and quoted law); omitted: the catalogue's text for the region */
    legalCitation: localizedText(4000).default({}).describe("Legal citation (lead-in and quoted law); omitted: the catalogue's text for the region"),
    introText: localizedText(20000).default({}).describe('Introduction printed before the measures'),
    yearText: localizedText(4000).default({}).describe('Text about the budget year, printed after the introduction'),
    blocks: z.array(templateBlock).max(10).default([]).describe('Ordered blocks of the report, each gathering measures of some lifecycles into sections'),
    table: tableChoice.default({}).describe('Whether and how the annex prints a summary table'),
    /** list: the annex is printed and lists its unreviewed machine translations; refuse: it is not printed until a person reviewed them */
    machineTranslations: z
      .enum(['list', 'refuse'])
      .default('list')
      .describe('Unreviewed machine translations in the annex: list them (the annex is printed) or refuse the Word annex until a person reviewed them'),
  })
  .strict();

/** Templates stored before blocks existed had runningSections/proposalSections of {label, domains, scopes}. */
function fromLegacy(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { runningSections, proposalSections, ...rest } = input as Record<string, unknown>;
  if (runningSections === undefined && proposalSections === undefined) return input;
  type Legacy = { label: unknown; domains?: string[]; scopes?: string[] };
  const convert = (list: unknown) =>
    (Array.isArray(list) ? (list as Legacy[]) : []).map((s) => ({
      title: s.label,
      gather: s.domains?.length ? { by: 'domain', domains: s.domains, scopes: s.scopes ?? ['gemeente-ocmw'] } : { by: 'entries', entryIds: [] },
    }));
  const running = convert(runningSections);
  const proposals = convert(proposalSections);
  const blocks =
    rest.shape === 'narrative'
      ? [{ lifecycles: ['running', 'proposals', 'stopped'], sections: [...running, ...proposals] }]
      : [
          { lifecycles: ['running'], sections: running },
          { lifecycles: ['proposals'], sections: proposals.length ? proposals : running },
          { lifecycles: ['stopped'], sections: running },
        ];
  return { ...rest, blocks: rest.blocks ?? blocks };
}

/** "Human Resources" → "human-resources"; "Synergieën met andere OCMW's" → "synergieen-met-andere-ocmw-s". */
export function sectionKeyOf(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return slug || 'section';
}

export const reportTemplate = z.preprocess(
  fromLegacy,
  templateFields
    .superRefine((t, ctx) => {
      t.blocks.forEach((block, b) => {
        const seen = new Set<string>();
        block.sections.forEach((section, s) => {
          if (!section.key) return;
          if (seen.has(section.key)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ['blocks', b, 'sections', s, 'key'],
              message: 'repeats a key',
              params: { code: 'unique_keys', key: section.key },
            });
          }
          seen.add(section.key);
        });
      });
    })
    .transform((t) => ({
      ...t,
      blocks: t.blocks.map((block) => {
        const used = new Set(block.sections.map((s) => s.key).filter(Boolean));
        return {
          ...block,
          sections: block.sections.map((section) => {
            if (section.key) return { ...section, key: section.key };
            const base = sectionKeyOf(section.title.nl || section.title.fr || section.title.en || '');
            let key = base;
            for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
            used.add(key);
            return { ...section, key };
          }),
        };
      }),
    })),
);
/** The historic name of the collection's schema (the store keeps templates in "reports"). */
/** @alias the same schema under the name the register's records use */
export const annualReport = reportTemplate;
export type AnnualReport = z.output<typeof reportTemplate>;
export type AnnualReportInput = z.input<typeof templateFields>;
export type TemplateBlock = AnnualReport['blocks'][number];
export type TemplateSection = TemplateBlock['sections'][number];
