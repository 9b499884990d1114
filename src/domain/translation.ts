import { z } from 'zod';
import { BILINGUAL_FIELDS, BILINGUAL_LANGUAGES, type BilingualLanguage } from './bilingual';
import { DOMAINS_LABELS } from './vocabulary-labels';

/**
 * Machine translation of the register's texts: what an entry keeps about it (which texts came from a machine and
 * are not reviewed yet, which texts may never leave the register), the administration's glossary every request
 * applies, the monthly character budget, and how texts are cut into requests within the service's limits.
 */

/**
 * Where the administration's Translator resource is and how the server gets in: its key, or the web app's managed
 * identity (system-assigned, or user-assigned by client id) with the resource's id.
 */
export type TranslatorSettings = { endpoint: string; region: string } & ({ key: string } | { managedIdentity: { resourceId: string; clientId?: string } });

/** One text of an entry in one language: "the French title". */
export const textRef = z
  .object({
    field: z.enum(BILINGUAL_FIELDS).describe('Field of the entry (title, description…)'),
    language: z.enum(BILINGUAL_LANGUAGES).describe('Language of the text'),
  })
  .strict();
export type TextRef = z.infer<typeof textRef>;

/** Texts a machine wrote and no person reviewed yet: kept until a person edits or confirms them. */
export const machineTranslatedTexts = z.array(textRef).max(BILINGUAL_FIELDS.length * BILINGUAL_LANGUAGES.length);
/** Fields a person marked confidential: none of their texts is ever sent to a translation service. */
export const confidentialTexts = z.array(z.enum(BILINGUAL_FIELDS)).max(BILINGUAL_FIELDS.length);

/**
 * After a change to an entry: a machine-translated text stays marked only while nobody touched it. A change that
 * sets the marks itself (accepting a suggestion, confirming one) says what they are; any other change to the text
 * of a marked field and language removes that mark, since a person then wrote it.
 */
export function marksAfterChange(
  stored: readonly TextRef[] | undefined,
  changes: Record<string, unknown>,
  before: Record<string, unknown>,
): TextRef[] | undefined {
  if ('machineTranslated' in changes) return changes.machineTranslated as TextRef[] | undefined;
  if (!stored?.length) return stored as TextRef[] | undefined;
  return stored.filter((mark) => {
    const changed = changes[mark.field] as Record<string, string | undefined> | undefined;
    if (!changed || !(mark.language in changed)) return true;
    const previous = before[mark.field] as Record<string, string | undefined> | undefined;
    return changed[mark.language] === previous?.[mark.language];
  });
}

/**
 * The same rule for an action's title in other languages: a change that names `titleMachineTranslated` says the
 * marks; any other change to a marked language's `titleTranslations` text removes that language's mark.
 */
export function titleMarksAfterChange(
  stored: readonly BilingualLanguage[] | undefined,
  changes: Record<string, unknown>,
  before: Partial<Record<string, string>> | undefined,
): BilingualLanguage[] | undefined {
  if ('titleMachineTranslated' in changes) return changes.titleMachineTranslated as BilingualLanguage[] | undefined;
  const changed = changes.titleTranslations as Partial<Record<string, string>> | undefined;
  if (!stored?.length || !changed) return stored as BilingualLanguage[] | undefined;
  return stored.filter((language) => changed[language] === before?.[language]);
}

/** One pair of the glossary: the administration's word in Dutch and in French. */
export const glossaryTerm = z
  .object({
    nl: z.string().trim().min(1, 'is required').max(200).describe('The term in Dutch'),
    fr: z.string().trim().min(1, 'is required').max(200).describe('The term in French'),
  })
  .strict();
export type GlossaryTerm = z.infer<typeof glossaryTerm>;

/** The terms every administration shares before its secretary adds its own: OCMW/CPAS, the consultation committee, the domains. */
export const DEFAULT_GLOSSARY: GlossaryTerm[] = [
  { nl: 'OCMW', fr: 'CPAS' },
  { nl: 'Overlegcomité', fr: 'Comité de concertation' },
  { nl: 'Vast Bureau', fr: 'Bureau permanent' },
  { nl: 'College van burgemeester en schepenen', fr: 'Collège des bourgmestre et échevins' },
  ...Object.values(DOMAINS_LABELS).map((label) => ({ nl: label.nl, fr: label.fr })),
];

export const TRANSLATION_KEY = 'translation';

/** The month's characters as YYYY-MM (Brussels calendar). */
const month = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month written YYYY-MM');

/** The register's translation settings (one record): the glossary, the monthly budget and this month's use. */
export const translationSettings = z
  .object({
    key: z.literal(TRANSLATION_KEY).default(TRANSLATION_KEY).describe('The one translation settings record: always "translation"'),
    glossary: z
      .array(glossaryTerm)
      .max(500)
      .default(DEFAULT_GLOSSARY)
      .describe("The administration's words, Dutch beside French, that every translation request applies"),
    /** characters a month the secretary allows; null: no limit of the register's own */
    monthlyCharacterBudget: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000)
      .nullable()
      .default(null)
      .describe("Characters a month the secretary allows to be translated; null: no limit of the register's own"),
    usage: z
      .object({
        month: month.describe('Month counted, YYYY-MM (Brussels calendar)'),
        characters: z.number().int().min(0).describe('Characters sent that month'),
      })
      .strict()
      .optional()
      .describe('Characters translated in the current month'),
  })
  .strict();
export type TranslationSettings = z.infer<typeof translationSettings>;

/** What a secretary sends: the glossary and the budget (the count of characters is the server's). */
export const translationSettingsInput = translationSettings.pick({ glossary: true, monthlyCharacterBudget: true }).strict();

const entryText = z
  .object({
    entryId: z.string().min(1).max(40).describe('Id of the entry'),
    field: z.enum(BILINGUAL_FIELDS).describe('Field of the entry to translate'),
  })
  .strict();
/** An action has one text to translate: its title (from `language`, or `titleTranslations` in the source language). */
const actionText = z
  .object({
    actionId: z.string().min(1).max(40).describe('Id of the action'),
    field: z.literal('title').describe("The action's title"),
  })
  .strict();
/** The fixed texts of a report template a suggestion can translate. */
export const TEMPLATE_TEXT_FIELDS = ['title', 'subtitle', 'legalCitation', 'introText', 'yearText'] as const;
const templateText = z
  .object({
    templateId: z.string().min(1).max(40).describe('Id of the report template'),
    field: z.enum(TEMPLATE_TEXT_FIELDS).describe('Fixed text of the template to translate'),
  })
  .strict();
/** The texts of a measure under import review a suggestion can translate (the review is the clerk's until confirmed). */
const IMPORT_TEXT_FIELDS = ['title', 'description'] as const;
/**
 * A measure of an import under review: its text travels with the request, as the clerk sees it now (the review is
 * edited in the browser and nothing of it is stored before the confirmation).
 */
const importText = z
  .object({
    importId: z
      .string()
      .regex(/^[a-f0-9]{16,64}$/, 'is not an import id')
      .describe('Id of the import under review (the hash of its file)'),
    key: z
      .string()
      .regex(/^m\d{1,5}$/, 'must look like m1, m2, …')
      .describe('Key of the measure within the import'),
    // a refinement, not an enum: a wrong field then names itself instead of failing the whole union of texts
    field: z
      .string()
      .refine((f): f is (typeof IMPORT_TEXT_FIELDS)[number] => (IMPORT_TEXT_FIELDS as readonly string[]).includes(f), {
        message: `must be one of ${IMPORT_TEXT_FIELDS.join(', ')}`,
        params: { code: 'invalid_option', options: IMPORT_TEXT_FIELDS.join(', ') },
      })
      .describe('Text of the measure to translate: title or description'),
    text: z.string().max(20000, 'must be at most 20000 characters').describe('The source text as the review shows it now'),
  })
  .strict();
type ImportText = z.infer<typeof importText>;
/** Which text: an entry's field, an action's title, a template's fixed text, or a measure's text in an import review (its text not repeated). */
export type TextOf = z.infer<typeof entryText> | z.infer<typeof actionText> | z.infer<typeof templateText> | Omit<ImportText, 'text'>;

/**
 * A suggestion asked for: texts of entries (by entry and field), actions' titles, templates' fixed texts or the
 * measures of an import under review (with their text), from one language into the other.
 */
export const suggestRequest = z
  .object({
    from: z.enum(BILINGUAL_LANGUAGES).describe('Language to translate from (the source text)'),
    to: z.enum(BILINGUAL_LANGUAGES).describe('Language to translate into; must differ from `from`'),
    texts: z
      .array(z.union([entryText, actionText, templateText, importText]))
      .min(1)
      .max(1000)
      .describe(
        'Texts to translate, named by entry and field, by action (its title), by template and fixed text, or by import, measure key and field with the text itself; at most 1000',
      ),
  })
  .strict()
  .refine((r) => r.from !== r.to, { message: 'must differ from the source language', path: ['to'], params: { code: 'same_language' } });
export type SuggestRequest = z.infer<typeof suggestRequest>;

export type Suggestion = TextOf & { source: string; text: string };

/** Why a text got no suggestion: it is confidential, it has no source text, or the entry, action or template does not exist. */
export type Skipped = TextOf & { reason: 'confidential' | 'no_source' | 'not_found' };

/**
 * Translator's dynamic dictionary: `<mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>` makes the
 * service use the administration's word. Longer terms first, so "Overlegcomité" wins over a shorter term inside it;
 * whole words only; a term written the same in both languages needs no markup (it costs characters); the markup
 * needs the source language stated in the request (no auto-detection).
 */
export function withGlossary(text: string, glossary: readonly GlossaryTerm[], from: BilingualLanguage, to: BilingualLanguage): string {
  const pairs = glossary
    .map((t) => ({ source: t[from], target: t[to] }))
    .filter((p) => p.source && p.target && p.source !== p.target)
    .sort((a, b) => b.source.length - a.source.length);
  if (!pairs.length) return text;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${pairs.map((p) => escape(p.source)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const targetOf = new Map(pairs.map((p) => [p.source, p.target]));
  return text.replace(pattern, (found) => `<mstrans:dictionary translation="${targetOf.get(found)!.replace(/"/g, '&quot;')}">${found}</mstrans:dictionary>`);
}

/** The service's documented limits for one translate request: array elements and characters (all targets together). */
export const TRANSLATE_LIMITS = { texts: 1000, characters: 50_000 } as const;

/** Characters as the service counts them: Unicode code points. */
export const charactersOf = (text: string) => [...text].length;

/**
 * Cuts texts into requests within the limits, keeping their order. A single text over the character limit is
 * refused by the caller before this (the register's own texts are far shorter).
 */
export function batches<T>(items: readonly T[], textOf: (item: T) => string, limits: { texts: number; characters: number } = TRANSLATE_LIMITS): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const n = charactersOf(textOf(item));
    if (current.length && (current.length >= limits.texts || size + n > limits.characters)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += n;
  }
  if (current.length) out.push(current);
  return out;
}
