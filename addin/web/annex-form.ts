import type { PaneLanguage } from './i18n';
import { $ } from './pane-dom';

/** The annex options form: filled from the register's options, read into the query of the annex and its download link. */

export interface AnnexOptions {
  years: number[];
  defaultYear: number;
  domains: Array<{ code: string; nl: string; fr: string; en: string }>;
}

export function query(): URLSearchParams {
  const params = new URLSearchParams();
  params.set('year', $<HTMLSelectElement>('year').value);
  params.set('lang', $<HTMLSelectElement>('lang').value);
  const shape = $<HTMLSelectElement>('shape').value;
  if (shape) params.set('shape', shape);
  const domains = Array.from(document.querySelectorAll<HTMLInputElement>('#domains input:checked')).map((i) => i.value);
  if (domains.length) params.set('domains', domains.join(','));
  params.set('table', String($<HTMLInputElement>('table').checked));
  return params;
}

export function updateDownloadLink() {
  $<HTMLAnchorElement>('download').href = `/api/annex.docx?${query().toString()}`;
}

export function fillOptions(options: AnnexOptions, language: PaneLanguage) {
  const year = $<HTMLSelectElement>('year');
  year.replaceChildren(
    ...options.years.map((y) => {
      const o = document.createElement('option');
      o.value = String(y);
      o.textContent = String(y);
      return o;
    }),
  );
  year.value = String(options.defaultYear);
  const box = $('domains');
  const legend = box.querySelector('legend');
  box.replaceChildren(
    ...(legend ? [legend] : []),
    ...options.domains.map((d) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = d.code;
      const span = document.createElement('span');
      span.textContent = d[language] || d.en;
      label.append(input, span);
      return label;
    }),
  );
  $<HTMLSelectElement>('lang').value = language === 'fr' ? 'fr' : 'nl';
}
