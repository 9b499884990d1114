import { scoped } from './catalogue';
import type { Language } from './types';

/** What an annex model says of itself that a reader must check (the annex model's meta, structurally). */
export interface AnnexCompletenessInput {
  year: number;
  counts: { running: number; proposals: number; stopped: number; fallbackTexts: number };
  template: { budgetYear: number | null };
  unplaced: ReadonlyArray<{ id: string; title: string; reason: 'no_section' | 'no_end_year' }>;
}

export interface AnnexCompleteness {
  /** how many measures the annex shows, and which year's template it uses when not its own */
  summary: string;
  /** how many texts fall back to the other language (marked (NL)/(FR)), or that none does */
  fallback: string;
  fallbackCount: number;
  /** the measures of the year the annex leaves out, each with why; the heading only when there are some */
  unplacedHeading?: string;
  unplaced: Array<{ id: string; title: string; reason: string }>;
  /** the label of the link that opens such a measure to fix it */
  fixLabel: string;
}

/**
 * The completeness warnings of an annex, worded once for every screen that offers it (the Word pane's
 * preview and the tab's annex download), in the reader's language: the same sentences everywhere.
 */
export function annexCompleteness(meta: AnnexCompletenessInput, language: Language): AnnexCompleteness {
  const t = scoped('pane', language);
  const { counts } = meta;
  const ownTemplate = meta.template.budgetYear === null || meta.template.budgetYear === meta.year;
  const summary = t('previewCounts', { running: counts.running, proposals: counts.proposals, stopped: counts.stopped });
  return {
    summary: ownTemplate ? summary : `${summary} ${t('templateOf', { year: meta.template.budgetYear! })}`,
    fallback: counts.fallbackTexts
      ? t(counts.fallbackTexts === 1 ? 'fallbackTexts.one' : 'fallbackTexts.other', { count: counts.fallbackTexts })
      : t('noFallback'),
    fallbackCount: counts.fallbackTexts,
    unplacedHeading: meta.unplaced.length ? t(meta.unplaced.length === 1 ? 'unplaced.one' : 'unplaced.other', { count: meta.unplaced.length }) : undefined,
    unplaced: meta.unplaced.map((u) => ({ id: u.id, title: u.title, reason: t(u.reason === 'no_end_year' ? 'unplaced_no_end_year' : 'unplaced_no_section') })),
    fixLabel: t('fixInTab'),
  };
}
