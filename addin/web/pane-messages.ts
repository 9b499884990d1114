import { AddinError, DocumentError, type RefreshReport } from '../word';
import type { translator } from './i18n';
import type { refreshTranslator } from './refresh-texts';

/** The pane's wording of what happened: an error, in the pane's language, and the summary of a refresh. */

type PaneTexts = ReturnType<typeof translator>;
type RefreshTexts = ReturnType<typeof refreshTranslator>;

/** An error as the pane shows it: Word's document errors in the refresh texts, the add-in's own in the pane's. */
export function describeError(error: unknown, t: PaneTexts, rt: RefreshTexts): string {
  if (error instanceof DocumentError) return rt(error.code, { detail: error.message, count: error.details.count ?? '' });
  if (error instanceof AddinError) return t(error.code, { detail: error.message });
  return t('unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

/** The status line after a refresh: what it did, and that its edits are tracked changes when they are. */
export function refreshSummary(report: RefreshReport, rt: RefreshTexts): string {
  if (report.mode === 'whole') return rt(report.reason === 'asked' ? 'refreshedWholeAsked' : 'refreshedWhole', { items: report.items });
  const c = report.counts;
  const text = rt('refreshedParts', {
    replaced: c.replaced,
    inserted: c.inserted,
    removed: c.removed,
    kept: c.kept + c.orphan,
    conflicts: c.conflict,
    withdrawn: c.withdrawn,
    unchanged: c.unchanged,
  });
  const wrote = c.replaced + c.inserted + c.removed > 0;
  return report.tracked === 'on' && wrote ? `${text} ${rt('trackedOn')}` : text;
}
