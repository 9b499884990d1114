import type { AnnexMeta } from '../../../annex/model';
import type { BilingualField } from '../../../domain';
import { defaultAnnexYear } from '../../../domain';
import { annexCompleteness } from '../../../i18n';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorBox, errorText, field, loading } from '../ui';
import { annexLanguageFor, BILINGUAL_LANGUAGES } from '../../../domain';

/** GET /api/annex/options, as far as this screen reads it. */
interface AnnexOptions {
  years: number[];
  comingYear: number;
  defaultYear: number;
}

/** Saves a file the page fetched (with the person's sign-in) under the given name. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The measures whose texts in the annex's language a machine translated and nobody reviewed yet: each links to its
 * form (editing a text reviews it) and, for those who may edit, confirms the texts as they are.
 */
function unreviewedList(ctx: AppContext, meta: AnnexMeta, refresh: () => void): HTMLElement | null {
  const list = meta.machineTranslated ?? [];
  if (!list.length) return null;
  const confirm = async (id: string) => {
    try {
      const entry = await ctx.api.get<{ etag: string; machineTranslated?: Array<{ field: string; language: string }> }>(`/entries/${encodeURIComponent(id)}`);
      const others = (entry.machineTranslated ?? []).filter((m) => m.language !== meta.language);
      await ctx.api.send('PATCH', `/entries/${encodeURIComponent(id)}`, { machineTranslated: others }, entry.etag);
      refresh();
    } catch (error) {
      ctx.announce(errorText(ctx, error), 'error');
    }
  };
  return h(
    'div',
    { class: 'message message-warning', 'data-testid': 'machine-translated' },
    h('p', null, ctx.plural('suggest.unreviewed', list.length)),
    h(
      'ul',
      null,
      list.map((m) =>
        h(
          'li',
          null,
          `${m.title} (${m.fields.map((f) => ctx.t(`complete.field.${f as BilingualField}`)).join(', ')}) `,
          h('a', { href: `#/entry/${encodeURIComponent(m.id)}/edit` }, ctx.t('suggest.review')),
          ctx.can('edit')
            ? button(ctx.t('suggest.confirm'), () => void confirm(m.id), {
                appearance: 'lightweight',
                testid: 'confirm-translation',
                ariaLabel: ctx.t('suggest.confirmOf', { title: m.title }),
              })
            : null,
        ),
      ),
    ),
  );
}

/**
 * The annex of a budget year as a Word document, straight from the tab: the year (the coming budget year
 * first), the language and the shape, and before the download the same completeness warnings as the Word
 * pane (measures no section takes, texts shown in the other language).
 */
export async function renderAnnex(ctx: AppContext, root: HTMLElement): Promise<void> {
  replaceChildren(root, loading(ctx));
  let options: AnnexOptions;
  try {
    options = await ctx.api.get<AnnexOptions>('/annex/options');
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const chosen = options.years.includes(options.defaultYear) ? options.defaultYear : defaultAnnexYear(options.years, new Date());
  const year = h(
    'select',
    { 'data-testid': 'annex-year' },
    options.years.map((y) =>
      h('option', { value: String(y), selected: y === chosen }, y === options.comingYear ? ctx.t('annex.comingYear', { year: String(y) }) : String(y)),
    ),
  );
  const lang = h(
    'select',
    { 'data-testid': 'annex-lang' },
    BILINGUAL_LANGUAGES.map((l) => h('option', { value: l, selected: l === annexLanguageFor(ctx.lang) }, ctx.t(`annex.lang.${l}`))),
  );
  const shape = h(
    'select',
    { 'data-testid': 'annex-shape' },
    h('option', { value: '' }, ctx.t('annex.shape.template')),
    h('option', { value: 'list' }, ctx.t('annex.shape.list')),
    h('option', { value: 'narrative' }, ctx.t('annex.shape.narrative')),
  );
  const check = h('div', { id: 'annex-check', 'aria-live': 'polite', 'data-testid': 'annex-check' });
  const query = () => {
    const p = new URLSearchParams({ year: year.value, lang: lang.value });
    if (shape.value) p.set('shape', shape.value);
    return p.toString();
  };
  let asked = 0;
  const preview = async () => {
    const mine = ++asked;
    replaceChildren(check, loading(ctx));
    try {
      const { meta } = await ctx.api.get<{ meta: AnnexMeta }>(`/annex?${query()}`);
      if (mine !== asked) return;
      const worded = annexCompleteness(meta, ctx.lang);
      replaceChildren(
        check,
        h('p', { 'data-testid': 'annex-summary' }, worded.summary),
        h('p', { class: worded.fallbackCount ? 'message message-warning' : undefined, 'data-testid': 'fallback-count' }, worded.fallback),
        worded.unplacedHeading
          ? h(
              'div',
              { class: 'message message-warning', 'data-testid': 'unplaced' },
              h('p', null, worded.unplacedHeading),
              h(
                'ul',
                null,
                worded.unplaced.map((u) =>
                  h('li', null, `${u.title} (${u.reason}) `, h('a', { href: `#/entry/${encodeURIComponent(u.id)}/edit` }, worded.fixLabel)),
                ),
              ),
            )
          : null,
        unreviewedList(ctx, meta, () => void preview()),
      );
    } catch (error) {
      if (mine === asked) replaceChildren(check, errorBox(ctx, error));
    }
  };
  for (const control of [year, lang, shape]) control.addEventListener('change', () => void preview());
  const feedback = h('div', { 'aria-live': 'polite' });
  const download = async (event: Event) => {
    const btn = event.currentTarget as HTMLElement;
    btn.setAttribute('disabled', '');
    replaceChildren(feedback);
    try {
      const { blob, fileName } = await ctx.api.file(`/annex.docx?${query()}`);
      const name = fileName ?? ctx.t('annex.fileName', { year: year.value, lang: lang.value });
      saveBlob(blob, name);
      ctx.announce(ctx.t('annex.downloaded', { file: name }), 'success');
    } catch (error) {
      replaceChildren(feedback, h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
    } finally {
      btn.removeAttribute('disabled');
    }
  };
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('annex.title'))),
    h('p', null, ctx.t('annex.explain')),
    h(
      'div',
      { class: 'filters annex-options' },
      field(ctx.t('annex.year'), year, 'year').wrapper,
      field(ctx.t('annex.language'), lang, 'lang').wrapper,
      field(ctx.t('annex.shape'), shape, 'shape').wrapper,
    ),
    h('section', { class: 'panel', 'aria-labelledby': 'annex-check-title' }, h('h3', { id: 'annex-check-title' }, ctx.t('annex.check')), check),
    h(
      'div',
      { class: 'button-row' },
      button(ctx.t('annex.download'), (e) => void download(e), { appearance: 'accent', testid: 'annex-download' }),
    ),
    feedback,
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
  await preview();
}
