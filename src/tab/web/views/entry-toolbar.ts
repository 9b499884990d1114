import { RESTORE_DAYS } from '../../../domain';
import type { SynergyEntry } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorBox, linkButton } from '../ui';

/** An entry's commands, as the person's role allows them: versions (everyone), edit (editor), delete (secretary). */
export function entryToolbar(ctx: AppContext, entry: Stored<SynergyEntry>): HTMLElement {
  const enc = encodeURIComponent(entry.id);
  const title = ctx.text(entry.title).text;
  const slot = h('div', { class: 'toolbar-confirm' });
  const remove = async () => {
    try {
      await ctx.api.send('DELETE', `/entries/${enc}`, undefined, entry.etag);
      ctx.announce(ctx.t('entry.deleted', { title, days: RESTORE_DAYS }), 'success');
      ctx.navigate('#/register');
    } catch (error) {
      replaceChildren(slot, errorBox(ctx, error));
    }
  };
  const confirm = () => {
    replaceChildren(
      slot,
      h(
        'div',
        { class: 'message message-warning', role: 'group', 'aria-label': ctx.t('entry.delete'), 'data-testid': 'delete-confirm' },
        h('p', null, ctx.t('entry.deleteConfirm', { title, days: RESTORE_DAYS })),
        h(
          'div',
          { class: 'button-row' },
          button(ctx.t('entry.deleteYes'), () => void remove(), { appearance: 'accent', testid: 'delete-confirm-yes' }),
          button(ctx.t('versions.cancel'), () => replaceChildren(slot)),
        ),
      ),
    );
    slot.querySelector<HTMLElement>('[data-testid="delete-confirm-yes"]')?.focus();
  };
  return h(
    'div',
    { class: 'entry-toolbar' },
    h(
      'div',
      { class: 'button-row' },
      linkButton(ctx.t('versions.link'), `#/entry/${enc}/versions`, { 'data-testid': 'entry-versions' }),
      ctx.can('edit') ? linkButton(ctx.t('entry.edit'), `#/entry/${enc}/edit`, { 'data-testid': 'edit-entry' }) : null,
      ctx.can('delete') ? button(ctx.t('entry.delete'), confirm, { testid: 'delete-entry' }) : null,
    ),
    slot,
  );
}
