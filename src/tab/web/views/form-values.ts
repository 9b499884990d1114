import type { LocalizedText, SynergyEntry } from '../../../domain';
import { type BenefitRow, benefitsBody, numberOrRaw } from './benefits';

/** The values the form edits, as typed; everything else of an entry is kept as stored (PATCH merges). */
export interface FormValues {
  titleNl: string;
  titleFr: string;
  subheadingNl: string;
  subheadingFr: string;
  descriptionNl: string;
  descriptionFr: string;
  domain: string;
  scope: string;
  departmentNl: string;
  departmentFr: string;
  section: string;
  status: string;
  startYear: string;
  endYear: string;
  parties: string;
  kind: string;
  form: string;
  /** "" = what the form implies (FORMALISATION_OF_FORM, published by /api/vocabulary) */
  formalisation: string;
  /** "true" when the formalisation deliberately differs from the form */
  formalisationOverride: string;
  amountEur: string;
  confidence: string;
  qualitativeNl: string;
  qualitativeFr: string;
  notesNl: string;
  notesFr: string;
  source: string;
  focusGroupId: string;
}

/** The server's rule: the formalisation each form implies. */
export type FormalisationRule = Record<string, string>;

/** An entry's values for the form. Its formalisation shows as "derived" ("") when it is what its form implies. */
export function valuesOf(entry: Partial<SynergyEntry> | undefined, rule: FormalisationRule = {}): FormValues {
  const derived = entry?.form ? rule[entry.form] : undefined;
  const explicit = entry?.formalisation && (entry.formalisationOverride || !derived || derived !== entry.formalisation) ? entry.formalisation : '';
  return {
    titleNl: entry?.title?.nl ?? '',
    titleFr: entry?.title?.fr ?? '',
    subheadingNl: entry?.subheading?.nl ?? '',
    subheadingFr: entry?.subheading?.fr ?? '',
    descriptionNl: entry?.description?.nl ?? '',
    descriptionFr: entry?.description?.fr ?? '',
    domain: entry?.domain ?? '',
    scope: entry?.scope ?? 'gemeente-ocmw',
    departmentNl: entry?.department?.nl ?? '',
    departmentFr: entry?.department?.fr ?? '',
    section: entry?.section ?? '',
    status: entry?.status ?? 'proposed',
    startYear: entry?.startYear ? String(entry.startYear) : '',
    endYear: entry?.endYear ? String(entry.endYear) : '',
    parties: (entry?.parties ?? []).join('\n'),
    kind: entry?.kind ?? 'synergy',
    form: entry?.form ?? '',
    formalisation: explicit,
    formalisationOverride: entry?.formalisationOverride ? 'true' : '',
    amountEur: entry?.financialBenefit?.amountEur != null ? String(entry.financialBenefit.amountEur) : '',
    confidence: entry?.financialBenefit?.confidence ?? 'not_quantified',
    qualitativeNl: entry?.qualitativeBenefit?.nl ?? '',
    qualitativeFr: entry?.qualitativeBenefit?.fr ?? '',
    notesNl: entry?.notes?.nl ?? '',
    notesFr: entry?.notes?.fr ?? '',
    source: entry?.source ?? '',
    focusGroupId: entry?.focusGroupId ?? '',
  };
}

function localizedOf(base: LocalizedText | undefined, nl: string, fr: string): LocalizedText {
  const out: LocalizedText = { ...(base ?? {}) };
  if (nl.trim()) out.nl = nl.trim();
  else delete out.nl;
  if (fr.trim()) out.fr = fr.trim();
  else delete out.fr;
  return out;
}

/** A cleared optional text is sent as "" only when the stored entry has one (so that it is removed). */
const optionalText = (typed: string, stored: string | undefined) => typed.trim() || (stored ? '' : undefined);

/**
 * The JSON body: what the person typed, as the API's fields; the server validates (400 issues).
 * "Derived" formalisation is sent as what the form implies (the same rule as the server), so a form
 * change re-derives it; with no form it is left out for a new entry (the server then asks for one or the other)
 * and kept as it was for a stored one.
 */
export function bodyOf(
  v: FormValues,
  base?: Partial<SynergyEntry>,
  extra: { rule?: FormalisationRule; benefits?: BenefitRow[] } = {},
): Record<string, unknown> {
  // without a form, "derived" keeps the formalisation the entry has (the form it came from is removed: null)
  const formalisation = v.formalisation || (v.form ? extra.rule?.[v.form] : base?.formalisation);
  return {
    title: localizedOf(base?.title, v.titleNl, v.titleFr),
    subheading: localizedOf(base?.subheading, v.subheadingNl, v.subheadingFr),
    description: localizedOf(base?.description, v.descriptionNl, v.descriptionFr),
    domain: v.domain || undefined,
    scope: v.scope || undefined,
    department: localizedOf(base?.department, v.departmentNl, v.departmentFr),
    section: optionalText(v.section, base?.section),
    status: v.status,
    startYear: numberOrRaw(v.startYear),
    endYear: numberOrRaw(v.endYear),
    parties: v.parties
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    kind: v.kind,
    form: v.form || (base?.form ? null : undefined),
    formalisation,
    formalisationOverride: v.formalisationOverride === 'true',
    financialBenefit: { ...(base?.financialBenefit ?? {}), amountEur: numberOrRaw(v.amountEur), confidence: v.confidence },
    ...(extra.benefits ? { benefits: benefitsBody(extra.benefits) } : {}),
    qualitativeBenefit: localizedOf(base?.qualitativeBenefit, v.qualitativeNl, v.qualitativeFr),
    notes: localizedOf(base?.notes, v.notesNl, v.notesFr),
    source: optionalText(v.source, base?.source),
    focusGroupId: v.focusGroupId || null,
  };
}
