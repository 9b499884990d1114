import type { LocalizedText } from '../../domain';
import { languageOrder, LOCALE_OF } from '../../domain';
import type { Language } from '../../domain';
import { annexText } from './texts';
import type { AnnexLanguage, AnnexRun } from './types';

/** "2022-09-14" → "14/09/2022", "2022-12-07" → "7/12/2022" (d/mm/jjjj as in the Molenbeek report). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${m[2]}/${m[1]}`;
}

/** "6.500 euro" (nl, as Molenbeek writes it) / "6 500 €" (fr); decimals only when there are cents. */
export function formatEuro(amount: number, language: AnnexLanguage): string {
  if (language === 'fr') {
    return new Intl.NumberFormat(LOCALE_OF.fr, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
  }
  return `${new Intl.NumberFormat(LOCALE_OF.nl, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount)} euro`;
}

export interface PickedText {
  text: string;
  /** set when the text is not in the chosen language */
  from?: Language;
}

/** The first non-empty text among the candidates, trying each candidate in the chosen language before any fallback. */
export function pickText(language: AnnexLanguage, ...candidates: Array<LocalizedText | undefined>): PickedText | undefined {
  for (const lang of languageOrder(language)) {
    for (const candidate of candidates) {
      const value = candidate?.[lang]?.trim();
      if (value) return lang === language ? { text: value } : { text: value, from: lang };
    }
  }
  return undefined;
}

/** "(NL) " before a text shown in another language than the annex's. */
export function fallbackTag(language: AnnexLanguage, from: Language): string {
  return annexText(language, 'fallbackTag', { language: from.toUpperCase() });
}

/** Runs for a picked text: a "(NL) " marker run first when it fell back to another language. */
export function textRuns(picked: PickedText, language: AnnexLanguage, style: Omit<AnnexRun, 'text' | 'marker'> = {}): AnnexRun[] {
  const runs: AnnexRun[] = [];
  if (picked.from) runs.push({ text: fallbackTag(language, picked.from), marker: 'language-fallback' });
  runs.push({ text: picked.text, ...style });
  return runs;
}

/**
 * List punctuation: ";" after every item but the last, "." after the last. Existing end
 * punctuation is normalised; "…", "..." "?" and "!" at the end of the last item are kept.
 */
export function punctuateItem(text: string, isLast: boolean, language: AnnexLanguage): string {
  let t = text.replace(/[\s\u00a0\u202f]+$/u, '').replace(/[\s\u00a0\u202f]*[;,:]+$/u, '');
  if (isLast) {
    return /[.!?…]$/u.test(t) ? t : `${t}.`;
  }
  if (/[^.]\.$/u.test(t)) t = t.slice(0, -1);
  return `${t}${annexText(language, 'listSeparator')}`;
}
