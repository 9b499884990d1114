import { z } from 'zod';
import type { LocalizedText, SynergyEntryInput } from '../domain';
import { CLOSED_STATUSES, DOMAIN_CODES, type DomainCode, FORMALISATION_OF_FORM, FORM_CODES, KIND_CODES, SCOPE_CODES, STATUS_CODES } from '../domain';
import molenbeekRecords from './data/records-molenbeek-2023.json';
import ukkelRecords from './data/records-ukkel-2026.json';
import { both } from './localized';
import { frenchRecord, frenchSubheading } from './translations';
import { narrativeDescriptions } from './ukkel-narrative';

/** The transcribed report records (./data) and how each becomes a register entry. */

/** The transcription's record format (shared/domain/records-*.json), checked at the boundary. */
const sourceRecord = z.object({
  id: z.string(),
  src: z.string(),
  line: z.number(),
  section: z.string(),
  domain: z.enum(DOMAIN_CODES),
  subheading: z.string().nullish(),
  title: z.string(),
  text: z.string().nullish(),
  quote: z.string().nullish(),
  status: z.enum(STATUS_CODES),
  italic_new: z.boolean().nullish(),
  year: z.number().nullable(),
  report_year: z.number(),
  parties: z.array(z.string()),
  scope: z.enum(SCOPE_CODES),
  kind: z.enum(KIND_CODES),
  form: z.enum(FORM_CODES),
  figures: z.record(z.unknown()).nullish(),
  notes: z.string().nullish(),
});
export type SourceRecord = z.infer<typeof sourceRecord>;

/** Records of this section prefix are the meetings chapter, not a list section. */
export const MEETINGS_PREFIX = '2. Vergaderingen';
const REPORT_NAMES: Record<string, string> = { '000': 'Molenbeek 2023', '001': 'Ukkel 2026' };

/** "3.1 Human Resources" → "Human Resources"; meeting sections are not list sections. */
function printedSection(section: string): string | undefined {
  if (section.startsWith(MEETINGS_PREFIX)) return undefined;
  return section.replace(/^\d+(\.\d+)*\.?\s+/, '');
}

/** The Ukkel report's own paragraphs per measure (its narrative annex prints them whole). */
let ukkelTexts: Map<string, LocalizedText> | undefined;
function narrativeTextOf(record: SourceRecord): LocalizedText | undefined {
  if (record.src !== '001') return undefined;
  ukkelTexts ??= narrativeDescriptions(ukkelRecords.map((r) => ({ id: r.id, line: r.line, section: r.section })));
  return ukkelTexts.get(record.id);
}

export function entryFromRecord(record: SourceRecord, focusGroupIdOf: (domain: DomainCode) => string | null): SynergyEntryInput {
  const verbatim = record.text ?? record.quote;
  const section = printedSection(record.section);
  const fr = frenchRecord(record.id);
  const narrative = narrativeTextOf(record);
  return {
    title: both(record.title, fr?.title),
    description: narrative ?? (verbatim && verbatim !== record.title ? both(verbatim, fr?.text) : {}),
    domain: record.domain,
    ...(record.subheading ? { subheading: both(record.subheading, fr?.subheading ?? frenchSubheading(record.subheading)) } : {}),
    ...(record.notes ? { notes: both(record.notes, fr?.notes) } : {}),
    translations: fr ? ['fr'] : [],
    scope: record.scope,
    status: record.status,
    startYear: record.year,
    // a report that says a measure stopped (or was not retained) is its last: later years do not list it
    endYear: CLOSED_STATUSES.includes(record.status) ? record.report_year : null,
    parties: record.parties,
    kind: record.kind,
    form: record.form,
    formalisation: FORMALISATION_OF_FORM[record.form],
    focusGroupId: focusGroupIdOf(record.domain),
    mentions: [
      {
        reportYear: record.report_year,
        status: record.status,
        italic: record.italic_new ?? false,
        listed: section !== undefined,
        ...(section ? { section } : {}),
      },
    ],
    source: `${record.id} · ${REPORT_NAMES[record.src] ?? record.src}, ${record.section}, r. ${record.line}`,
  };
}

export function sourceRecords(): SourceRecord[] {
  return z.array(sourceRecord).parse([...molenbeekRecords, ...ukkelRecords]);
}
