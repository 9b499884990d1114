import type { Action, BilingualLanguage } from '../../../domain';
import { BILINGUAL_LANGUAGES, otherLanguage } from '../../../domain';
import type { Stored } from '../../../store';
import type { SuggestAnswer } from '../../../translate';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { errorText, field } from '../ui';
import { suggestionSettings, suggestOneButton } from './completeness-suggest';

/** What the action form saves of the title's other language: the text, and whether it is an unreviewed machine translation. */
export interface TitleTranslation {
  wrapper: HTMLElement;
  body(): Pick<Action, 'titleTranslations' | 'titleMachineTranslated'>;
}

/**
 * The action's title in the other language (an action is written in one language; the other may be missing):
 * typed by a person, or suggested from the saved title by the translation service ("suggest", shown only when the
 * server offers suggestions and the action exists). A suggestion saved unchanged keeps the mark "machine
 * translation, not reviewed"; any edit by the person removes it.
 */
export async function titleTranslation(ctx: AppContext, action: Stored<Action> | undefined): Promise<TitleTranslation | undefined> {
  const written = action?.language ?? ctx.lang;
  if (!(BILINGUAL_LANGUAGES as readonly string[]).includes(written)) return undefined;
  const other = otherLanguage(written as BilingualLanguage);
  const initial = action?.titleTranslations?.[other] ?? '';
  const input = h('input', { type: 'text', value: initial, autocomplete: 'off', lang: other, 'data-testid': 'title-translation' });
  if (action?.titleMachineTranslated?.includes(other)) input.dataset.suggested = initial;
  const label = ctx.t(`actionForm.titleIn.${other}`);
  const translated = field(label, input, `titleTranslations.${other}`);
  const feedback = h('div', { 'aria-live': 'polite' });
  const note = h('p', { class: 'machine-note muted', 'data-testid': 'machine-note', hidden: input.dataset.suggested === undefined }, ctx.t('suggest.machine'));
  input.addEventListener('input', () => (note.hidden = input.value.trim() !== input.dataset.suggested?.trim()));
  translated.wrapper.append(note, feedback);

  const settings = action ? await suggestionSettings(ctx) : null;
  if (action && settings) {
    const suggest = suggestOneButton(ctx, label, async () => {
      replaceChildren(feedback, h('p', { class: 'message message-info', role: 'status' }, ctx.t('suggest.busy')));
      try {
        const answer = await ctx.api.send<SuggestAnswer>('POST', '/translations/suggest', {
          from: written,
          to: other,
          texts: [{ actionId: action.id, field: 'title' }],
        });
        const suggestion = answer.suggestions[0];
        if (suggestion) {
          input.value = suggestion.text;
          input.dataset.suggested = suggestion.text;
          note.hidden = false;
        }
        replaceChildren(
          feedback,
          h('p', { class: 'message message-info', role: 'status', 'data-testid': 'suggest-done' }, ctx.plural('suggest.done', suggestion ? 1 : 0)),
        );
      } catch (error) {
        replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
      }
    });
    translated.wrapper.append(h('p', { class: 'field-hint' }, ctx.t('actionForm.suggestHint')), suggest);
  }

  return {
    wrapper: translated.wrapper,
    body() {
      const value = input.value.trim();
      if (!action && !value) return {};
      const titleTranslations = { ...(action?.titleTranslations ?? {}) };
      if (value) titleTranslations[other] = value;
      else delete titleTranslations[other];
      const machine = value !== '' && input.dataset.suggested !== undefined && value === input.dataset.suggested.trim();
      const kept = (action?.titleMachineTranslated ?? []).filter((l) => l !== other);
      return { titleTranslations, titleMachineTranslated: machine ? [...kept, other] : kept };
    },
  };
}
