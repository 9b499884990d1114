import type { GlossaryTerm } from '../../../domain';
import type { TranslationSettingsView } from '../../../translate';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { groupIssues } from '../issues';
import { button, errorText, field } from '../ui';

/**
 * The secretary's panel for translation suggestions: the glossary (one "Dutch = French" pair a line, the words
 * every suggestion uses) and the monthly character budget (empty: none), with the month's characters beside it.
 */
export function translationSettingsPanel(ctx: AppContext, settings: TranslationSettingsView): HTMLElement {
  const t = ctx.t;
  const glossary = h('textarea', { rows: 8, 'data-testid': 'glossary' });
  glossary.value = settings.glossary.map((g) => `${g.nl} = ${g.fr}`).join('\n');
  const budget = h('input', { type: 'number', min: '0', step: '1000', inputmode: 'numeric', 'data-testid': 'budget' });
  budget.value = settings.monthlyCharacterBudget === null ? '' : String(settings.monthlyCharacterBudget);
  const feedback = h('div', { 'aria-live': 'polite' });
  let etag = settings.etag;
  const save = async () => {
    const lines = glossary.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = lines.findIndex((l) => l.split('=').length !== 2);
    if (bad >= 0) {
      replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, t('glossary.badLine', { line: ctx.number(bad + 1) })));
      return;
    }
    const terms: GlossaryTerm[] = lines.map((l) => {
      const [nl, fr] = l.split('=');
      return { nl: nl!.trim(), fr: fr!.trim() };
    });
    try {
      const saved = await ctx.api.send<TranslationSettingsView>(
        'PUT',
        '/translations/settings',
        { glossary: terms, monthlyCharacterBudget: budget.value.trim() ? Number(budget.value) : null },
        etag ?? undefined,
      );
      etag = saved.etag;
      replaceChildren(feedback, h('p', { class: 'message message-success', role: 'status', 'data-testid': 'glossary-saved' }, t('glossary.saved')));
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 400 && error.issues.length
          ? [...groupIssues(error.issues, [], ctx.lang).values()].flat().join(' ')
          : errorText(ctx, error);
      replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, message));
    }
  };
  return h(
    'details',
    { class: 'card', 'data-testid': 'translation-settings' },
    h('summary', null, t('glossary.title')),
    field(t('glossary.terms'), glossary, 'glossary', t('glossary.hint')).wrapper,
    field(t('glossary.budget'), budget, 'monthlyCharacterBudget', t('glossary.budgetHint')).wrapper,
    h(
      'div',
      { class: 'button-row' },
      button(t('glossary.save'), () => void save(), { appearance: 'accent', testid: 'glossary-save' }),
    ),
    feedback,
  );
}
