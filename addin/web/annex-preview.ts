import type { AnnexMeta } from '../../src/annex/model/types';

/**
 * What the annex for the chosen options holds, said before anything goes into Word (issue 8 §5 and "bad
 * input"): how many measures, how many texts fall back to the other language (tagged "(NL)"/"(FR)"), and the
 * measures of the year that find no section, each with a link to fix it in the register's tab. Texts from the
 * register go in with textContent only.
 */

type Translate = (key: PreviewKey, values?: Record<string, string | number>) => string;
type PreviewKey = 'previewCounts' | 'fallbackTexts.one' | 'fallbackTexts.other' | 'noFallback' | 'unplaced.one' | 'unplaced.other' | 'unplaced_no_section' | 'unplaced_no_end_year' | 'fixInTab' | 'templateOf';

function li(...children: Array<Node | string>): HTMLLIElement {
  const item = document.createElement('li');
  item.append(...children);
  return item;
}

export function renderPreview(target: HTMLElement, meta: AnnexMeta, t: Translate, tabUrl: (entryId: string) => string): void {
  const lines: HTMLElement[] = [];
  const summary = document.createElement('p');
  summary.textContent = t('previewCounts', { running: meta.counts.running, proposals: meta.counts.proposals, stopped: meta.counts.stopped });
  if (meta.template.budgetYear !== null && meta.template.budgetYear !== meta.year) summary.append(' ', t('templateOf', { year: meta.template.budgetYear }));
  lines.push(summary);
  const fallback = document.createElement('p');
  fallback.dataset.testid = 'fallback-count';
  fallback.textContent = meta.counts.fallbackTexts ? t(meta.counts.fallbackTexts === 1 ? 'fallbackTexts.one' : 'fallbackTexts.other', { count: meta.counts.fallbackTexts }) : t('noFallback');
  lines.push(fallback);
  if (meta.unplaced.length) {
    const heading = document.createElement('p');
    heading.className = 'warning';
    heading.textContent = t(meta.unplaced.length === 1 ? 'unplaced.one' : 'unplaced.other', { count: meta.unplaced.length });
    const list = document.createElement('ul');
    list.dataset.testid = 'unplaced';
    for (const u of meta.unplaced) {
      const link = document.createElement('a');
      link.href = tabUrl(u.id);
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = t('fixInTab');
      list.append(li(`${u.title} (${t(u.reason === 'no_end_year' ? 'unplaced_no_end_year' : 'unplaced_no_section')}) `, link));
    }
    lines.push(heading, list);
  }
  target.replaceChildren(...lines);
  target.hidden = false;
}
