import type { Meeting } from '../../../domain';
import { MEETING_BODIES } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { errorBox, linkButton, loading, localized } from '../ui';

/** Meetings (steering group, focus groups…), newest first, with their decisions and the entries they concern. */
export async function renderMeetings(ctx: AppContext, root: HTMLElement): Promise<void> {
  replaceChildren(root, loading(ctx));
  let meetings: Stored<Meeting>[];
  try {
    ({ items: meetings } = await ctx.api.get<{ items: Stored<Meeting>[] }>('/meetings'));
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  meetings.sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
  replaceChildren(
    root,
    h(
      'div',
      { class: 'view-header' },
      h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('meetings.title')),
      ctx.can('edit') ? linkButton(ctx.t('meetingForm.add'), '#/meetings/new', { 'data-testid': 'new-meeting' }) : null,
    ),
    h('p', { class: 'summary' }, ctx.plural('meetings.count', meetings.length)),
    meetings.length === 0
      ? h('p', { class: 'empty' }, ctx.t('meetings.none'))
      : h(
          'ul',
          { class: 'card-list' },
          meetings.map((m) => {
            const headingId = `meeting-${m.id}`;
            const group = m.focusGroupId ? ctx.focusGroups.find((g) => g.id === m.focusGroupId) : undefined;
            const title = ctx.text(m.title);
            const summary = ctx.text(m.summary);
            return h(
              'li',
              { class: 'card', 'aria-labelledby': headingId, 'data-meeting-id': m.id },
              h('h3', { id: headingId }, `${ctx.label(MEETING_BODIES, m.body)} — ${ctx.date(m.date)}`, m.held ? '' : ` (${ctx.t('meetings.planned')})`),
              title.text ? h('p', { class: 'card-subtitle', lang: title.lang !== ctx.lang ? title.lang : undefined }, title.text) : null,
              group ? h('p', { class: 'muted' }, ctx.t('meetings.focusGroup', { name: ctx.text(group.name).text })) : null,
              summary.text ? h('p', { class: 'prewrap clamp', lang: summary.lang !== ctx.lang ? summary.lang : undefined }, summary.text) : null,
              m.decisions.length
                ? h(
                    'div',
                    null,
                    h('h4', null, ctx.plural('meetings.decisions', m.decisions.length)),
                    h(
                      'ol',
                      { class: 'decision-list' },
                      m.decisions.map((d) =>
                        h(
                          'li',
                          null,
                          localized(ctx, d.text, 'span'),
                          d.entryIds.length
                            ? h(
                                'span',
                                { class: 'muted' },
                                ' — ',
                                d.entryIds.map((id, i) => [
                                  i ? ', ' : '',
                                  h('a', { href: `#/entry/${encodeURIComponent(id)}` }, ctx.t('meetings.entryLink', { id })),
                                ]),
                              )
                            : null,
                        ),
                      ),
                    ),
                  )
                : h('p', { class: 'muted' }, ctx.t('meetings.noDecisions')),
              m.minutesUrl ? h('a', { href: m.minutesUrl, target: '_blank', rel: 'noopener noreferrer' }, ctx.t('entry.minutes')) : null,
              ctx.can('edit')
                ? h(
                    'p',
                    null,
                    h(
                      'a',
                      {
                        class: 'link-button',
                        href: `#/meeting/${encodeURIComponent(m.id)}/edit`,
                        'aria-label': ctx.t('meetingForm.editOf', { date: ctx.date(m.date) }),
                        'data-testid': 'edit-meeting',
                      },
                      ctx.t('meetings.edit'),
                    ),
                  )
                : null,
            );
          }),
        ),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
