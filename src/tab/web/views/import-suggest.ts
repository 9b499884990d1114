import type { BilingualLanguage } from '../../../domain';
import { BILINGUAL_LANGUAGES, batches, otherLanguage } from '../../../domain';
import type { ImportProposal, ProposedEntry } from '../../../import';
import type { SuggestAnswer, TranslationSettingsView } from '../../../translate';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorText } from '../ui';
import { suggestionSettings, usageLine } from './completeness-suggest';
import { suggestionPanel } from './import-suggestion-panel';

/**
 * Translation suggestions on the import review: "suggest <other language> for all measures without it" at the top and
 * "suggest" on each measure's card ask the service for the measure's title and description as the review shows them
 * now. Each suggestion appears beside the source, editable, marked "machine translation, not reviewed" until the
 * clerk edits it; it goes into the register only with the confirmation of the import. Only measures that become new
 * entries are sent: never one the clerk skips, nor a mention (it keeps its entry's texts).
 */

export interface ImportSuggestions {
  /** the bar above the measures; null when the server offers no suggestions or the report's language has no other */
  bar: HTMLElement | null;
  /** a measure's part of its card: its suggestion to edit, or its "suggest" button; null when there is nothing to offer */
  part(entry: ProposedEntry): HTMLElement | null;
  /** whether the measure's translation was suggested in this review (then its part edits it) */
  suggested(entry: ProposedEntry): boolean;
}

/** One request's texts stay well inside the API's 1 MB body (a character may take several bytes and escapes). */
const REQUEST_LIMITS = { texts: 1000, characters: 200_000 } as const;

const isBilingual = (language: string): language is BilingualLanguage => (BILINGUAL_LANGUAGES as readonly string[]).includes(language);

/** The texts of the measures to send: the title, and the description when there is one. */
function textsOf(importId: string, entries: readonly ProposedEntry[]) {
  return entries.flatMap((e) => [
    { importId, key: e.key, field: 'title' as const, text: e.title.trim() },
    ...(e.description.trim() ? [{ importId, key: e.key, field: 'description' as const, text: e.description }] : []),
  ]);
}

export function importSuggestions(ctx: AppContext, proposal: ImportProposal, settings: TranslationSettingsView | null): ImportSuggestions {
  const keys = new Set<string>();
  const slots = new Map<string, { content: HTMLElement; feedback: HTMLElement }>();
  const say = (feedback: HTMLElement, kind: 'info' | 'error', ...text: string[]) =>
    replaceChildren(
      feedback,
      h('p', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'suggest-feedback' }, text.join(' ')),
    );

  /** What the measure's slot shows: its suggestion, or the button that asks for one, or nothing. */
  const fill = (entry: ProposedEntry) => {
    const slot = slots.get(entry.key);
    if (!slot) return;
    if (keys.has(entry.key) && entry.translation) {
      const discard = () => {
        entry.translation = null;
        keys.delete(entry.key);
        replaceChildren(slot.feedback);
        fill(entry);
      };
      replaceChildren(slot.content, suggestionPanel(ctx, entry, discard));
    } else if (!entry.translation && settings && isBilingual(entry.language)) {
      replaceChildren(
        slot.content,
        button(ctx.t('suggest.one'), () => void suggest(entry.language as BilingualLanguage, [entry], slot.feedback), {
          appearance: 'outline',
          testid: `suggest-${entry.key}`,
          ariaLabel: ctx.t('import.suggestOf', { key: entry.key }),
        }),
      );
    } else replaceChildren(slot.content);
  };

  const usage = h('div', null, settings ? usageLine(ctx, settings) : null);
  let busy = false;
  /** Asks for the measures' other language, in requests within the limits; keeps what came before a refusal. */
  const suggest = async (from: BilingualLanguage, asked: readonly ProposedEntry[], feedback: HTMLElement) => {
    if (busy) return say(feedback, 'info', ctx.t('suggest.busy'));
    // only a new entry takes the translation (a mention keeps its entry's texts): a skipped measure is never sent
    const entries = asked.filter((e) => e.action === 'create' && !e.translation && e.language === from && e.title.trim());
    if (!entries.length)
      return say(feedback, 'info', ctx.t(asked.length === 1 && asked[0].action !== 'create' ? 'import.suggestSkipped' : 'import.suggestNothing'));
    busy = true;
    say(feedback, 'info', ctx.t('suggest.busy'));
    const to = otherLanguage(from);
    let filled = 0;
    let characters = 0;
    let requests = 0;
    let failure: unknown;
    for (const texts of batches(textsOf(proposal.importId, entries), (t) => t.text, REQUEST_LIMITS)) {
      try {
        const answer = await ctx.api.send<SuggestAnswer>('POST', '/translations/suggest', { from, to, texts });
        characters += answer.characters;
        requests += answer.requests;
        filled += apply(answer, to);
      } catch (error) {
        failure = error;
        break;
      }
    }
    busy = false;
    const cost = ctx.t('import.suggestCost', { characters: ctx.number(characters), requests: ctx.number(requests) });
    const done = ctx.plural('import.suggestDone', filled);
    if (failure) say(feedback, 'error', errorText(ctx, failure), ...(filled ? [done, cost] : []));
    else say(feedback, 'info', done, cost);
    const now = await suggestionSettings(ctx);
    if (now) replaceChildren(usage, usageLine(ctx, now));
  };

  /** Each measure answered gets its suggested translation, shown in its card; the number of measures filled. */
  const apply = (answer: SuggestAnswer, to: BilingualLanguage): number => {
    const byKey = new Map<string, { title?: string; description?: string }>();
    for (const s of answer.suggestions) {
      if (!('importId' in s) || s.importId !== proposal.importId) continue;
      byKey.set(s.key, { ...byKey.get(s.key), [s.field]: s.text });
    }
    let filled = 0;
    for (const [key, texts] of byKey) {
      const entry = proposal.entries.find((e) => e.key === key);
      if (!entry || entry.translation || !texts.title) continue;
      const machine = (['title', 'description'] as const).filter((f) => texts[f] !== undefined);
      entry.translation = { language: to, title: texts.title, description: texts.description ?? '', machine };
      keys.add(key);
      fill(entry);
      filled++;
    }
    return filled;
  };

  const from = isBilingual(proposal.language) ? proposal.language : null;
  const feedback = h('div', { 'aria-live': 'polite', 'data-testid': 'suggest-all-feedback' });
  const bar =
    settings && from
      ? h(
          'div',
          { class: 'import-suggest-bar', 'data-testid': 'import-suggest-bar' },
          h('p', { class: 'muted' }, ctx.t('import.suggestHint')),
          button(ctx.t(`import.suggestAll.${otherLanguage(from)}`), () => void suggest(from, proposal.entries, feedback), {
            appearance: 'outline',
            testid: 'suggest-all',
          }),
          usage,
          feedback,
        )
      : null;

  return {
    bar,
    suggested: (entry) => keys.has(entry.key) && entry.translation !== null,
    part(entry) {
      if (!settings && !keys.has(entry.key)) return null;
      const slot = { content: h('div', null), feedback: h('div', { 'aria-live': 'polite' }) };
      slots.set(entry.key, slot);
      fill(entry);
      return h('div', { class: 'import-suggest-part', 'data-testid': `suggest-part-${entry.key}` }, slot.content, slot.feedback);
    },
  };
}
