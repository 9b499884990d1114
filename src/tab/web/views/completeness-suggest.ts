import type { BilingualField, BilingualLanguage } from '../../../domain';
import { otherLanguage } from '../../../domain';
import type { TextRef } from '../../../domain';
import type { SuggestAnswer, TranslationSettingsView } from '../../../translate';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorText } from '../ui';

/**
 * Translation suggestions in the bilingual-completeness view: a "suggest" button per missing text and one for the
 * whole page fill the inputs with the service's suggestion (editable, marked as a machine translation); nothing is
 * saved until the clerk saves the entry. A suggestion saved unchanged keeps the entry's "machine translation, not
 * reviewed" mark; one the clerk edited first is theirs.
 */

/** One input waiting for a translation: the entry and field it belongs to. */
export interface SuggestTarget {
  entryId: string;
  field: BilingualField;
  control: HTMLInputElement | HTMLTextAreaElement;
}

/** An entry as its card last saved it: its version, and the fields marked confidential. */
export interface SharedEntry {
  id: string;
  etag: string;
  confidential: Set<BilingualField>;
}

/**
 * "Confidential: never sent for translation" for one text: saved at once on the entry (its `confidentialTexts`);
 * while checked, the text's suggest button is disabled and the server never sends it.
 */
export function confidentialToggle(ctx: AppContext, entry: SharedEntry, field: BilingualField, suggest: HTMLElement, feedback: HTMLElement): HTMLElement {
  const box = h('input', { type: 'checkbox', checked: entry.confidential.has(field), 'data-testid': 'confidential' });
  const sync = () => (box.checked ? suggest.setAttribute('disabled', '') : suggest.removeAttribute('disabled'));
  sync();
  box.addEventListener('change', async () => {
    const next = new Set(entry.confidential);
    if (box.checked) next.add(field);
    else next.delete(field);
    try {
      const saved = await ctx.api.send<{ etag: string }>('PATCH', `/entries/${encodeURIComponent(entry.id)}`, { confidentialTexts: [...next] }, entry.etag);
      entry.etag = saved.etag;
      entry.confidential = next;
    } catch (error) {
      box.checked = !box.checked;
      replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
    }
    sync();
  });
  return h('label', { class: 'checkbox-label' }, box, ` ${ctx.t('suggest.confidential')}`);
}

/** Whether this server offers suggestions, with the month's use: null when it does not (the buttons are not shown). */
export async function suggestionSettings(ctx: AppContext): Promise<TranslationSettingsView | null> {
  try {
    const settings = await ctx.api.get<TranslationSettingsView>('/translations/settings');
    return settings.available ? settings : null;
  } catch {
    return null;
  }
}

/** The month's characters, and the budget when the secretary set one. */
export function usageLine(ctx: AppContext, settings: TranslationSettingsView): HTMLElement {
  const vars = { used: ctx.number(settings.charactersUsed), month: settings.month };
  const text =
    settings.monthlyCharacterBudget === null
      ? ctx.t('suggest.usageNoBudget', vars)
      : ctx.t('suggest.usage', { ...vars, budget: ctx.number(settings.monthlyCharacterBudget) });
  return h('p', { class: 'muted', 'data-testid': 'translation-usage' }, text);
}

/** Asks for suggestions for these inputs (missing: the language they are in) and fills them in; says what happened in `feedback`. */
export async function fillSuggestions(ctx: AppContext, missing: BilingualLanguage, targets: readonly SuggestTarget[], feedback: HTMLElement): Promise<void> {
  if (!targets.length) return;
  replaceChildren(feedback, h('p', { class: 'message message-info', role: 'status' }, ctx.t('suggest.busy')));
  let answer: SuggestAnswer;
  try {
    answer = await ctx.api.send<SuggestAnswer>('POST', '/translations/suggest', {
      from: otherLanguage(missing),
      to: missing,
      texts: targets.map((t) => ({ entryId: t.entryId, field: t.field })),
    });
  } catch (error) {
    replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
    return;
  }
  let filled = 0;
  for (const suggestion of answer.suggestions) {
    const target = 'entryId' in suggestion ? targets.find((t) => t.entryId === suggestion.entryId && t.field === suggestion.field) : undefined;
    if (!target) continue;
    target.control.value = suggestion.text;
    target.control.dataset.suggested = suggestion.text;
    target.control.closest('.side-by-side')?.classList.add('machine-suggested');
    const note = target.control.parentElement?.querySelector('.machine-note');
    if (!note)
      target.control.insertAdjacentElement('afterend', h('p', { class: 'machine-note muted', 'data-testid': 'machine-note' }, ctx.t('suggest.machine')));
    filled++;
  }
  const confidential = answer.skipped.filter((s) => s.reason === 'confidential').length;
  replaceChildren(
    feedback,
    h(
      'p',
      { class: 'message message-info', role: 'status', 'data-testid': 'suggest-done' },
      ctx.plural('suggest.done', filled),
      confidential ? ` ${ctx.t('suggest.skipped', { count: confidential })}` : '',
    ),
  );
}

/** The "suggest" button of one text. */
export function suggestOneButton(ctx: AppContext, fieldLabel: string, onClick: () => void): HTMLElement {
  return button(ctx.t('suggest.one'), onClick, { appearance: 'outline', testid: 'suggest-one', ariaLabel: ctx.t('suggest.oneOf', { field: fieldLabel }) });
}

/**
 * The marks to save with an entry's texts: its marks on texts this save does not touch stay; a text saved exactly
 * as the machine suggested it is marked; a text the clerk typed or edited is not.
 */
export function marksToSave(
  existing: readonly TextRef[] | undefined,
  saved: ReadonlyArray<{ field: BilingualField; control: HTMLInputElement | HTMLTextAreaElement }>,
  language: BilingualLanguage,
): TextRef[] {
  const touched = new Set(saved.map((s) => s.field));
  const kept = (existing ?? []).filter((m) => m.language !== language || !touched.has(m.field));
  const machine = saved
    .filter((s) => s.control.dataset.suggested !== undefined && s.control.value.trim() === s.control.dataset.suggested.trim())
    .map((s) => ({ field: s.field, language }));
  return [...kept, ...machine];
}
