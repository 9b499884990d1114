import type { AnnualReport } from '../../../domain';
import type { AppContext } from '../context';
import { h } from '../dom';

const CHOICES = ['list', 'refuse'] as const;

/** The template's choice about unreviewed machine translations, edited in place on `work`: list them, or refuse the Word annex. */
export function machineTranslationSettings(ctx: AppContext, work: AnnualReport): HTMLElement {
  const t = ctx.t;
  return h(
    'fieldset',
    { class: 'wide checks', id: 'tpl-machine-translations' },
    h('legend', null, t('tpl.machineTranslations')),
    CHOICES.map((choice) => {
      const radio = h('input', {
        type: 'radio',
        name: 'machineTranslations',
        id: `tpl-mt-${choice}`,
        value: choice,
        checked: work.machineTranslations === choice,
      });
      radio.addEventListener('change', () => {
        if (radio.checked) work.machineTranslations = choice;
      });
      return h('div', { class: 'check' }, radio, h('label', { for: radio.id }, t(`tpl.machineTranslations.${choice}`)));
    }),
  );
}
