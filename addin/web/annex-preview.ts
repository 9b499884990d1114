import type { AnnexMeta } from '../../src/annex/model';
import { annexCompleteness } from '../../src/i18n';
import type { PaneLanguage } from './i18n';

/**
 * What the annex for the chosen options holds, said before anything goes into Word: how many measures, how
 * many texts fall back to the other language (tagged "(NL)"/"(FR)"), and the measures of the year that find
 * no section, each with a link to fix it in the register's tab. The sentences are the ones the tab's annex
 * screen shows (src/i18n/annex-completeness.ts). Texts from the register go in with textContent only.
 */

function li(...children: Array<Node | string>): HTMLLIElement {
  const item = document.createElement('li');
  item.append(...children);
  return item;
}

export function renderPreview(target: HTMLElement, meta: AnnexMeta, language: PaneLanguage, tabUrl: (entryId: string) => string): void {
  const worded = annexCompleteness(meta, language);
  const lines: HTMLElement[] = [];
  const summary = document.createElement('p');
  summary.textContent = worded.summary;
  lines.push(summary);
  const fallback = document.createElement('p');
  fallback.dataset.testid = 'fallback-count';
  fallback.textContent = worded.fallback;
  lines.push(fallback);
  if (worded.unplacedHeading) {
    const heading = document.createElement('p');
    heading.className = 'warning';
    heading.textContent = worded.unplacedHeading;
    const list = document.createElement('ul');
    list.dataset.testid = 'unplaced';
    for (const u of worded.unplaced) {
      const link = document.createElement('a');
      link.href = tabUrl(u.id);
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = worded.fixLabel;
      list.append(li(`${u.title} (${u.reason}) `, link));
    }
    lines.push(heading, list);
  }
  target.replaceChildren(...lines);
  target.hidden = false;
}
