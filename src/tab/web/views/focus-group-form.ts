import type { FocusGroup } from '../../../domain';
import { DOMAINS } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h } from '../dom';
import { recordForm } from '../record-form';
import { field, selectOf } from '../ui';

const localizedOf = (nl: string, fr: string) => ({ ...(nl.trim() ? { nl: nl.trim() } : {}), ...(fr.trim() ? { fr: fr.trim() } : {}) });

/** A new focus group: its name in both languages, its domain and mandate; members are added on its card afterwards. */
export function newFocusGroup(ctx: AppContext, created: () => void): HTMLElement {
  const nameNl = field(ctx.t('groupForm.nameNl'), h('input', { type: 'text', autocomplete: 'off' }), 'name');
  const nameFr = field(ctx.t('groupForm.nameFr'), h('input', { type: 'text', autocomplete: 'off' }), 'name.fr');
  const domain = field(ctx.t('entry.domain'), selectOf(ctx, DOMAINS, '', { empty: ctx.t('form.choose') }), 'domain');
  const mandateNl = field(ctx.t('groupForm.mandateNl'), h('textarea', { rows: 3 }), 'mandate');
  const mandateFr = field(ctx.t('groupForm.mandateFr'), h('textarea', { rows: 3 }), 'mandate.fr');
  const form = recordForm<Stored<FocusGroup>>(ctx, {
    labelledBy: 'new-group-title',
    testid: 'group-form',
    body: [
      h(
        'fieldset',
        null,
        h('legend', { class: 'visually-hidden' }, ctx.t('groupForm.add')),
        nameNl.wrapper,
        nameFr.wrapper,
        domain.wrapper,
        mandateNl.wrapper,
        mandateFr.wrapper,
      ),
    ],
    saveLabel: ctx.t('groupForm.create'),
    save: (key) =>
      ctx.api.send<Stored<FocusGroup>>(
        'POST',
        '/focus-groups',
        {
          name: localizedOf(nameNl.control.value, nameFr.control.value),
          domain: domain.control.value || undefined,
          mandate: localizedOf(mandateNl.control.value, mandateFr.control.value),
        },
        undefined,
        { idempotencyKey: key },
      ),
    saved: (group) => {
      ctx.announce(ctx.t('groupForm.created', { name: ctx.text(group.name).text }), 'success');
      created();
    },
  });
  return h('details', { class: 'panel add-group' }, h('summary', { id: 'new-group-title', 'data-testid': 'new-group' }, ctx.t('groupForm.add')), form);
}
