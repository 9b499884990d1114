import { z } from 'zod';
import molenbeekFr from './data/translations-fr-molenbeek-2023.json';
import ukkelFr from './data/translations-fr-ukkel-2026.json';

/**
 * The French translations of the demo data (src/seed/data/translations-fr-*.json, written by translators
 * from the Dutch reports): every measure's title, text, sub-head and notes, the section headings, the
 * report texts and every paragraph of the reports. Entries built from them list "fr" in `translations`.
 */
const translationFile = z.object({
  source: z.literal('nl'),
  target: z.literal('fr'),
  translation: z.literal(true),
  records: z.record(z.object({ title: z.string(), text: z.string().nullish(), subheading: z.string().nullish(), notes: z.string().nullish() })),
  sections: z.record(z.string()),
  subheadings: z.record(z.string()),
  reportTexts: z.record(z.unknown()),
  reportParagraphs: z.array(z.object({ line: z.number().int(), nl: z.string(), fr: z.string() })),
});

export const FRENCH = {
  molenbeek: translationFile.parse(molenbeekFr),
  ukkel: translationFile.parse(ukkelFr),
};

export function frenchRecord(id: string) {
  return FRENCH.molenbeek.records[id] ?? FRENCH.ukkel.records[id];
}

const withoutNumber = (heading: string) => heading.replace(/^\d+(\.\d+)*\.?\s+/, '').trim();

/** The French of a printed section heading ("3.1 Human Resources" or just "Human Resources"), without its number. */
export function frenchSection(nlHeading: string): string | undefined {
  const wanted = withoutNumber(nlHeading);
  for (const file of [FRENCH.molenbeek, FRENCH.ukkel]) {
    for (const [nl, fr] of Object.entries(file.sections)) if (withoutNumber(nl) === wanted) return withoutNumber(fr);
  }
  return undefined;
}

export function frenchSubheading(nl: string): string | undefined {
  return FRENCH.molenbeek.subheadings[nl] ?? FRENCH.ukkel.subheadings[nl];
}
