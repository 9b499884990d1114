import type { FocusGroup } from '../../../domain';
import { DOMAINS } from '../../../domain';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, errorBox, linkButton, loading } from '../ui';
import { newFocusGroup } from './focus-group-form';
import { memberRoster } from './focus-group-members';

/** A bound channel by its name: the stored one, else Teams' own when the tab runs in that channel; never its raw id. */
function channelName(ctx: AppContext, channel: FocusGroup['channel']): string {
  if (!channel) return ctx.t('focusGroups.noChannel');
  const here = ctx.host.channelId === channel.channelId ? ctx.host.channelName : undefined;
  return channel.name ?? here ?? ctx.t('focusGroups.unnamedChannel');
}

/** Focus groups: domain, mandate, members (chairs and contact persons first, added and removed here) and the Teams channel bound to each. */
export async function renderFocusGroups(ctx: AppContext, root: HTMLElement): Promise<void> {
  replaceChildren(root, loading(ctx));
  try {
    await ctx.reloadFocusGroups();
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const groups = ctx.focusGroups;
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('focusGroups.title'))),
    ctx.can('edit') ? newFocusGroup(ctx, () => void renderFocusGroups(ctx, root)) : null,
    groups.length === 0
      ? h('p', { class: 'empty' }, ctx.t('focusGroups.none'))
      : h(
          'ul',
          { class: 'card-list' },
          groups.map((g) => {
            const headingId = `fg-${g.id}`;
            const mandate = ctx.text(g.mandate);
            return h(
              'li',
              { class: 'card', 'aria-labelledby': headingId, 'data-focus-group-id': g.id },
              h('h3', { id: headingId }, ctx.text(g.name).text),
              h('p', null, badge(ctx.label(DOMAINS, g.domain), 'info')),
              mandate.text ? h('p', { class: 'prewrap', lang: mandate.lang !== ctx.lang ? mandate.lang : undefined }, mandate.text) : null,
              h('p', { 'data-testid': 'channel' }, ctx.t('focusGroups.channelIs', { name: channelName(ctx, g.channel) })),
              h('h4', null, ctx.plural('focusGroups.members', g.members.length)),
              memberRoster(ctx, g, () => void renderFocusGroups(ctx, root)),
              linkButton(ctx.t('focusGroups.showEntries'), `#/register?focusGroup=${encodeURIComponent(g.id)}`),
            );
          }),
        ),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
