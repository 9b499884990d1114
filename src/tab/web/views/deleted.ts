import type { DeletedEntry } from '../../../register';
import { DOMAINS } from '../../../domain';
import type { SynergyEntry } from '../../../domain';
import type { Stored } from '../../../store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, button, errorBox, loading, localized } from '../ui';

/** Why a restore was refused, in the page's language. */
function restoreError(ctx: AppContext, error: unknown, days: number): HTMLElement {
  if (error instanceof ApiError && error.code === 'restore_expired')
    return h('div', { class: 'message message-error', role: 'alert' }, ctx.t('deleted.expired', { days }));
  if (error instanceof ApiError && error.code === 'not_deleted')
    return h('div', { class: 'message message-error', role: 'alert' }, ctx.t('deleted.notDeleted'));
  return errorBox(ctx, error);
}

/** Entries deleted in the last 30 days, each restorable (with its actions, polls and history) by a secretary. */
export async function renderDeleted(ctx: AppContext, root: HTMLElement): Promise<void> {
  replaceChildren(root, loading(ctx));
  let list: { restoreDays: number; items: DeletedEntry[] };
  try {
    list = await ctx.api.get('/deleted-entries');
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const days = list.restoreDays;
  const item = (d: DeletedEntry) => {
    const status = h('div', { 'aria-live': 'polite' });
    const title = ctx.text(d.title).text || ctx.t('common.untitled');
    const restore = async () => {
      try {
        const entry = await ctx.api.send<Stored<SynergyEntry>>('POST', `/entries/${encodeURIComponent(d.id)}/restore`);
        ctx.announce(ctx.t('deleted.restored', { title }), 'success');
        ctx.navigate(`#/entry/${encodeURIComponent(entry.id)}`);
      } catch (error) {
        replaceChildren(status, restoreError(ctx, error, days));
      }
    };
    return h(
      'li',
      { class: 'card', 'data-testid': 'deleted-entry', 'data-entry-id': d.id },
      localized(ctx, d.title, 'strong'),
      ' ',
      d.domain ? badge(ctx.label(DOMAINS, d.domain), 'info') : null,
      h(
        'p',
        { class: 'muted' },
        ctx.t('deleted.by', { date: ctx.dateTime(d.deletedAt), name: d.deletedBy.name }),
        ' · ',
        ctx.t('deleted.until', { date: ctx.dateTime(d.restorableUntil) }),
      ),
      ctx.can('restore')
        ? h(
            'div',
            { class: 'button-row' },
            button(ctx.t('deleted.restore'), () => void restore(), {
              appearance: 'accent',
              ariaLabel: ctx.t('deleted.restoreOf', { title }),
              testid: 'restore-deleted',
            }),
          )
        : null,
      status,
    );
  };
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('deleted.title'))),
    h('p', { class: 'muted' }, ctx.t('deleted.intro', { days })),
    list.items.length
      ? h('ul', { class: 'card-list', 'data-testid': 'deleted-list' }, list.items.map(item))
      : h('p', { class: 'empty' }, ctx.t('deleted.none', { days })),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
