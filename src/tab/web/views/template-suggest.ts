import type { BilingualLanguage } from '../../../domain';
import { BILINGUAL_LANGUAGES, otherLanguage, TEMPLATE_TEXT_FIELDS } from '../../../domain';
import type { SuggestAnswer } from '../../../translate';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { errorText } from '../ui';
import { suggestionSettings, suggestOneButton } from './completeness-suggest';

type FixedText = (typeof TEMPLATE_TEXT_FIELDS)[number];

/**
 * "Suggest" beside each language of a saved template's fixed texts (title, subtitle, legal citation, introduction,
 * year text): the translation service translates the saved text of the other language and fills the input, editable
 * and marked as a machine translation; nothing is saved until the secretary saves the template. Returns undefined
 * when the server offers no suggestions or the template is not saved yet (there is no saved text to translate).
 */
export async function templateSuggestions(
  ctx: AppContext,
  templateId: string | undefined,
): Promise<((field: FixedText, label: string, pair: HTMLElement[]) => HTMLElement[]) | undefined> {
  if (!templateId || !(await suggestionSettings(ctx))) return undefined;
  return (field, label, pair) => {
    BILINGUAL_LANGUAGES.forEach((to, i) => {
      const wrapper = pair[i];
      const control = wrapper?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
      if (!wrapper || !control) return;
      const feedback = h('div', { 'aria-live': 'polite' });
      const fieldLabel = ctx.t(to === 'nl' ? 'tpl.inNl' : 'tpl.inFr', { label });
      const suggest = suggestOneButton(ctx, fieldLabel, () => void fill(ctx, templateId, field, to, control, feedback));
      wrapper.append(suggest, feedback);
    });
    return pair;
  };
}

async function fill(
  ctx: AppContext,
  templateId: string,
  field: FixedText,
  to: BilingualLanguage,
  control: HTMLInputElement | HTMLTextAreaElement,
  feedback: HTMLElement,
): Promise<void> {
  replaceChildren(feedback, h('p', { class: 'message message-info', role: 'status' }, ctx.t('suggest.busy')));
  try {
    const answer = await ctx.api.send<SuggestAnswer>('POST', '/translations/suggest', { from: otherLanguage(to), to, texts: [{ templateId, field }] });
    const suggestion = answer.suggestions[0];
    if (suggestion) {
      control.value = suggestion.text;
      // the editor keeps the template in sync on input: the suggestion is part of the next save
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    replaceChildren(
      feedback,
      suggestion
        ? h('p', { class: 'machine-note muted', 'data-testid': 'suggest-done' }, ctx.t('suggest.machine'))
        : h('p', { class: 'message message-info', role: 'status', 'data-testid': 'suggest-done' }, ctx.t('suggest.noSource')),
    );
  } catch (error) {
    replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
  }
}
