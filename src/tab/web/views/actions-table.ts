import type { Action, SynergyEntry } from '../../../domain';
import { todayInBrussels } from '../../../domain';
import { isOpen, isOverdue } from '../../../domain';
import { ACTION_STATUSES } from '../../../domain';
import type { Stored } from '../../../store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, button, errorText } from '../ui';

/** The measure an action belongs to, by its title (marked with its language when not the page's). */
function entryLink(ctx: AppContext, id: string, entry: Stored<SynergyEntry> | undefined): HTMLElement {
  const title = entry ? ctx.text(entry.title) : undefined;
  return h(
    'a',
    { href: `#/entry/${encodeURIComponent(id)}`, lang: title?.lang && title.lang !== ctx.lang ? title.lang : undefined },
    title?.text || ctx.t('actions.openEntry', { id }),
  );
}

function departmentText(ctx: AppContext, entry: Stored<SynergyEntry> | undefined): HTMLElement | string {
  const d = ctx.text(entry?.department);
  return d.text ? h('span', { lang: d.lang !== ctx.lang ? d.lang : undefined }, d.text) : '—';
}

/**
 * A table of actions with "mark done". The done call sends the eTag it showed: if someone changed the
 * action in between, the conflict is explained and the list reloaded, never overwritten.
 */
export function actionsTable(
  ctx: AppContext,
  actions: Stored<Action>[],
  reload: () => void,
  entryOf?: (id: string) => Stored<SynergyEntry> | undefined,
): HTMLElement {
  const showEntry = entryOf !== undefined;
  // overdue by the Brussels calendar, as the register and the bot count it
  const today = todayInBrussels();
  const feedback = h('div', { class: 'action-feedback', 'aria-live': 'polite' });
  const table = h(
    'table',
    { class: 'data-table stack-narrow', 'data-testid': 'actions-table' },
    h('caption', { class: 'visually-hidden' }, ctx.t('actions.caption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, ctx.t('actions.action')),
        showEntry ? h('th', { scope: 'col' }, ctx.t('actions.entry')) : null,
        showEntry ? h('th', { scope: 'col' }, ctx.t('actions.department')) : null,
        h('th', { scope: 'col' }, ctx.t('actions.owner')),
        h('th', { scope: 'col' }, ctx.t('actions.due')),
        h('th', { scope: 'col' }, ctx.t('actions.status')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, ctx.t('actions.commands'))),
      ),
    ),
    h(
      'tbody',
      null,
      actions.map((a) => {
        const finished = !isOpen(a);
        const overdue = isOverdue(a, today);
        const markDone = async (event: Event) => {
          const btn = event.currentTarget as HTMLElement;
          btn.setAttribute('disabled', '');
          try {
            await ctx.api.send('POST', `/actions/${encodeURIComponent(a.id)}/done`, undefined, a.etag);
            ctx.announce(ctx.t('actions.markedDone', { title: a.title }), 'success');
            reload();
          } catch (error) {
            btn.removeAttribute('disabled');
            if (error instanceof ApiError && error.status === 409) {
              const current = error.current as Stored<Action> | null;
              replaceChildren(
                feedback,
                h(
                  'div',
                  { class: 'message message-warning', role: 'alert', 'data-testid': 'action-conflict' },
                  h('strong', null, ctx.t('actions.conflictTitle')),
                  ' ',
                  current
                    ? ctx.t('actions.conflictNow', { title: current.title, status: ctx.label(ACTION_STATUSES, current.status), owner: current.owner.name })
                    : '',
                  ' ',
                  button(ctx.t('common.reload'), reload),
                ),
              );
            } else {
              replaceChildren(feedback, h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
            }
          }
        };
        return h(
          'tr',
          { 'data-action-id': a.id },
          h('td', { class: 'action-title' }, a.title),
          showEntry ? h('td', { 'data-label': ctx.t('actions.entry') }, a.entryId ? entryLink(ctx, a.entryId, entryOf(a.entryId)) : '—') : null,
          showEntry
            ? h(
                'td',
                { 'data-label': ctx.t('actions.department'), 'data-testid': 'action-department' },
                a.entryId ? departmentText(ctx, entryOf(a.entryId)) : '—',
              )
            : null,
          h('td', { 'data-label': ctx.t('actions.owner') }, a.owner.name),
          h(
            'td',
            { class: overdue ? 'due is-overdue' : 'due', 'data-label': ctx.t('actions.due') },
            a.dueDate ? ctx.date(a.dueDate) : (a.dueLabel ?? '—'),
            overdue ? h('span', null, ' ', badge(ctx.t('actions.overdue'), 'danger')) : null,
          ),
          h(
            'td',
            { 'data-testid': 'action-status', 'data-label': ctx.t('actions.status') },
            ctx.label(ACTION_STATUSES, a.status),
            a.doneDate ? ` (${ctx.date(a.doneDate)})` : '',
          ),
          h(
            'td',
            { class: 'row-commands' },
            finished || !ctx.can('edit')
              ? null
              : button(ctx.t('actions.markDone'), markDone, { ariaLabel: ctx.t('actions.markDoneOf', { title: a.title }), testid: 'mark-done' }),
            ctx.can('edit')
              ? h(
                  'a',
                  {
                    class: 'link-button',
                    href: `#/action/${encodeURIComponent(a.id)}/edit`,
                    'aria-label': ctx.t('actions.editOf', { title: a.title }),
                    'data-testid': 'edit-action',
                  },
                  ctx.t('actions.edit'),
                )
              : null,
          ),
        );
      }),
    ),
  );
  return h('div', { class: 'table-wrap' }, feedback, table);
}
