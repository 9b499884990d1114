import type { FocusGroup } from '../../../domain';
import { ADMINISTRATIONS } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { recordForm } from '../record-form';
import { badge, button, errorText, field, selectOf } from '../ui';

type Group = Stored<FocusGroup>;
type Member = FocusGroup['members'][number];

const patchMembers = (ctx: AppContext, group: Group, members: Member[]) =>
  ctx.api.send<Group>('PATCH', `/focus-groups/${encodeURIComponent(group.id)}`, { members }, group.etag);

/**
 * A focus group's roster: chairs (contact persons) first, each member with whether they can vote in a
 * members-only poll (only a member with a Microsoft 365 id can), a remove button, and a form to add one.
 * Every change sends the group's eTag: a roster someone else changed meanwhile is reloaded, never overwritten.
 */
export function memberRoster(ctx: AppContext, group: Group, changed: () => void): HTMLElement {
  const groupName = ctx.text(group.name).text;
  const feedback = h('div', { 'aria-live': 'polite' });
  const members = [...group.members].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'contact' ? -1 : 1));
  const remove = (member: Member) => async () => {
    if (!window.confirm(ctx.t('members.removeConfirm', { name: member.name, group: groupName }))) return;
    try {
      await patchMembers(
        ctx,
        group,
        group.members.filter((m) => m !== member),
      );
      ctx.announce(ctx.t('members.removed', { name: member.name, group: groupName }), 'success');
      changed();
    } catch (error) {
      replaceChildren(feedback, h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
    }
  };
  const list = members.length
    ? h(
        'ul',
        { class: 'member-list', 'data-testid': 'members' },
        members.map((m) =>
          h(
            'li',
            { 'data-member': m.name },
            m.name,
            ` — ${ctx.label(ADMINISTRATIONS, m.administration)}`,
            m.function ? `, ${m.function}` : '',
            m.role === 'contact' ? h('span', null, ' ', badge(ctx.t('focusGroups.contact'), 'accent')) : null,
            ' ',
            h('span', { class: 'muted' }, `(${ctx.t(m.id ? 'members.canVote' : 'members.noAccount')})`),
            ctx.can('edit')
              ? h(
                  'span',
                  null,
                  ' ',
                  button(ctx.t('members.remove'), () => void remove(m)(), { appearance: 'stealth', ariaLabel: ctx.t('members.removeOf', { name: m.name }) }),
                )
              : null,
          ),
        ),
      )
    : h('p', { class: 'muted' }, ctx.t('focusGroups.noMembers'));
  return h('div', null, list, feedback, ctx.can('edit') ? addMember(ctx, group, changed) : null);
}

function addMember(ctx: AppContext, group: Group, changed: () => void): HTMLElement {
  const groupName = ctx.text(group.name).text;
  const headingId = `add-member-${group.id}`;
  const name = field(ctx.t('members.name'), h('input', { type: 'text', autocomplete: 'off', required: true }), 'name');
  const email = field(ctx.t('members.email'), h('input', { type: 'email', autocomplete: 'off' }), 'email');
  const entraId = field(ctx.t('members.entraId'), h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' }), 'id', ctx.t('members.entraHint'));
  const administration = field(ctx.t('members.administration'), selectOf(ctx, ADMINISTRATIONS, 'gemeente'), 'administration');
  const fn = field(ctx.t('members.function'), h('input', { type: 'text', autocomplete: 'off' }), 'function');
  const role = field(
    ctx.t('members.role'),
    h('select', null, h('option', { value: 'member' }, ctx.t('members.role.member')), h('option', { value: 'contact' }, ctx.t('members.role.contact'))),
    'role',
  );
  let added = '';
  const form = recordForm<Group>(ctx, {
    labelledBy: headingId,
    testid: 'member-form',
    body: [
      h(
        'fieldset',
        null,
        h('legend', { class: 'visually-hidden' }, ctx.t('members.addTo', { group: groupName })),
        name.wrapper,
        email.wrapper,
        entraId.wrapper,
        administration.wrapper,
        fn.wrapper,
        role.wrapper,
      ),
    ],
    saveLabel: ctx.t('members.save'),
    save: () => {
      added = name.control.value.trim();
      const member: Record<string, string> = { name: added, administration: administration.control.value, role: role.control.value };
      if (email.control.value.trim()) member.email = email.control.value.trim();
      if (entraId.control.value.trim()) member.id = entraId.control.value.trim();
      if (fn.control.value.trim()) member.function = fn.control.value.trim();
      return patchMembers(ctx, group, [...group.members, member as Member]);
    },
    saved: () => {
      ctx.announce(ctx.t('members.added', { name: added, group: groupName }), 'success');
      changed();
    },
    reload: changed,
    // the new member is the roster's last: the server names its fields "members.<n>.<field>"
    fieldOf: (f) => f.replace(new RegExp(`^members\\.${group.members.length}\\.`), ''),
  });
  return h('details', { class: 'add-member' }, h('summary', { id: headingId }, ctx.t('members.addTo', { group: groupName })), form);
}
