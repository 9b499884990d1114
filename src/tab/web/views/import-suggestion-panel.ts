import type { BilingualLanguage } from '../../../domain';
import type { ProposedEntry } from '../../../import';
import type { AppContext } from '../context';
import { h } from '../dom';
import { button, field } from '../ui';

type Translation = NonNullable<ProposedEntry['translation']>;
type TextField = 'title' | 'description';

/**
 * A measure's suggested translation on the import review, beside its source: the title and the description in the
 * other language, editable. A text stays a machine's ("machine translation, not reviewed") while it is exactly what
 * the service suggested; the clerk's edit makes it theirs. What the inputs hold is the measure's translation, so the
 * confirmation sends exactly what is shown; "discard" removes it.
 */
export function suggestionPanel(ctx: AppContext, entry: ProposedEntry, discard: () => void): HTMLElement {
  const translation = entry.translation as Translation;
  const language = translation.language;
  // what the service suggested, to tell the clerk's edits from it
  const suggested: Record<TextField, string | undefined> = {
    title: translation.machine?.includes('title') ? translation.title : undefined,
    description: translation.machine?.includes('description') ? translation.description : undefined,
  };
  const title = h('input', { type: 'text', value: translation.title, lang: language, maxlength: '500', 'data-testid': `suggested-title-${entry.key}` });
  const description = h('textarea', { rows: '3', lang: language, maxlength: '20000', 'data-testid': `suggested-description-${entry.key}` });
  description.value = translation.description;
  const note = (f: TextField) =>
    h('p', { class: 'machine-note muted small', 'data-testid': 'machine-note', hidden: suggested[f] === undefined }, ctx.t('suggest.machine'));
  const notes = { title: note('title'), description: note('description') };

  const sync = () => {
    const texts = { title: title.value.trim(), description: description.value.trim() };
    const machine = (['title', 'description'] as const).filter((f) => suggested[f] !== undefined && texts[f] === suggested[f]!.trim());
    for (const f of ['title', 'description'] as const) notes[f].hidden = !machine.includes(f);
    Object.assign(translation, { title: texts.title, description: texts.description, machine });
    // both texts emptied: the measure has no translation (a title left empty beside a description is refused at confirmation)
    entry.translation = texts.title || texts.description ? translation : null;
  };
  title.addEventListener('input', sync);
  description.addEventListener('input', sync);

  const label = (f: TextField) => ctx.t(`complete.in.${language as BilingualLanguage}`, { field: ctx.t(`complete.field.${f}`) });
  const titleField = field(label('title'), title, `translation.title.${entry.key}`);
  const descriptionField = field(label('description'), description, `translation.description.${entry.key}`);
  titleField.wrapper.append(notes.title);
  descriptionField.wrapper.append(notes.description);
  return h(
    'div',
    { class: 'import-suggestion machine-suggested', 'data-testid': `suggestion-${entry.key}` },
    titleField.wrapper,
    descriptionField.wrapper,
    button(ctx.t('import.suggestDiscard'), discard, {
      appearance: 'outline',
      testid: `suggest-discard-${entry.key}`,
      ariaLabel: ctx.t('import.suggestDiscardOf', { key: entry.key }),
    }),
  );
}
