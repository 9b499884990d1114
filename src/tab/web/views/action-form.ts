import type { Action, SynergyEntry } from '../../../domain';
import { localDate } from '../../../domain';
import { ACTION_STATUSES } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { knownPeople, peopleList, personOf } from '../people';
import { recordForm } from '../record-form';
import { errorBox, field, linkButton, loading, roleNeeded, selectOf } from '../ui';
import { titleTranslation } from './action-title-translation';

type Entry = Stored<SynergyEntry>;

/**
 * Create (no id) or edit an action: what (and its title in the other language), for which measure, who owns it (a focus-group member with their
 * Microsoft 365 id, or a name and e-mail), by when, and its status. Edits send the eTag they read (If-Match).
 */
export async function renderActionForm(ctx: AppContext, root: HTMLElement, options: { id?: string; entryId?: string }): Promise<void> {
  replaceChildren(root, loading(ctx));
  let action: Stored<Action> | undefined;
  let entries: Entry[];
  try {
    [action, { items: entries }] = await Promise.all([
      options.id ? ctx.api.get<Stored<Action>>(`/actions/${encodeURIComponent(options.id)}`) : Promise.resolve(undefined),
      ctx.api.get<{ items: Entry[] }>('/entries'),
    ]);
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const back = action?.entryId ?? options.entryId;
  const backHref = back ? `#/entry/${encodeURIComponent(back)}` : '#/actions';
  const heading = h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t(action ? 'actionForm.edit' : 'actionForm.new'));
  if (!ctx.can('edit')) {
    replaceChildren(root, h('div', { class: 'view-header' }, heading), roleNeeded(ctx, 'edit'), linkButton(ctx.t('form.cancel'), backHref));
    return;
  }
  const entryId = action ? action.entryId : (options.entryId ?? null);
  const entry = entries.find((e) => e.id === entryId);
  const people = knownPeople(ctx, entry?.focusGroupId);

  const title = field(ctx.t('actionForm.title'), h('input', { type: 'text', value: action?.title ?? '', required: true, autocomplete: 'off' }), 'title');
  const translation = await titleTranslation(ctx, action);
  const entrySelect = h(
    'select',
    null,
    h('option', { value: '' }, ctx.t('actionForm.noEntry')),
    [...entries]
      .sort((a, b) => ctx.text(a.title).text.localeCompare(ctx.text(b.title).text))
      .map((e) => h('option', { value: e.id, selected: e.id === entryId }, ctx.text(e.title).text)),
  );
  const entryField = field(ctx.t('actionForm.entry'), entrySelect, 'entryId');
  const owner = field(
    ctx.t('actionForm.owner'),
    h('input', { type: 'text', value: action?.owner.name ?? '', list: 'action-people', autocomplete: 'off', required: true }),
    'owner',
    ctx.t('actionForm.ownerHint'),
  );
  const email = field(ctx.t('actionForm.ownerEmail'), h('input', { type: 'email', value: action?.owner.email ?? '', autocomplete: 'off' }), 'owner.email');
  const linked = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'owner-linked' });
  const showLinked = () => {
    const p = personOf(people, owner.control.value, email.control.value);
    if (p?.email && !email.control.value) (email.control as HTMLInputElement).value = p.email;
    linked.textContent = p?.id ? ctx.t('actionForm.ownerKnown', { name: p.name }) : '';
  };
  owner.control.addEventListener('change', showLinked);
  owner.wrapper.append(linked);
  const due = field(ctx.t('actionForm.due'), h('input', { type: 'date', value: action?.dueDate ?? '' }), 'dueDate');
  const status = action ? field(ctx.t('actionForm.status'), selectOf(ctx, ACTION_STATUSES, action.status), 'status') : undefined;

  const form = recordForm<Stored<Action>>(ctx, {
    labelledBy: 'view-title',
    testid: 'action-form',
    body: [
      h(
        'fieldset',
        null,
        h('legend', { class: 'visually-hidden' }, heading.textContent ?? ''),
        title.wrapper,
        translation?.wrapper,
        entryField.wrapper,
        owner.wrapper,
        peopleList('action-people', people),
        email.wrapper,
        due.wrapper,
        status?.wrapper,
      ),
    ],
    saveLabel: ctx.t(action ? 'actionForm.save' : 'actionForm.create'),
    cancelHref: backHref,
    save: (key) => {
      const picked = personOf(people, owner.control.value, email.control.value);
      // a known person keeps their Microsoft 365 id (so "my actions" and the bot find them); the server names a missing owner
      const ownerBody = picked ?? { name: '' };
      const statusValue = status?.control.value ?? 'open';
      const body: Record<string, unknown> = {
        title: title.control.value.trim(),
        entryId: entrySelect.value || null,
        owner: ownerBody,
        dueDate: due.control.value || null,
        ...translation?.body(),
      };
      if (action) {
        body.status = statusValue;
        // a done action carries the (Brussels) day it was done, and only a done action does
        body.doneDate = statusValue === 'done' ? (action.doneDate ?? localDate(new Date())) : null;
        return ctx.api.send<Stored<Action>>('PATCH', `/actions/${encodeURIComponent(action.id)}`, body, action.etag);
      }
      return ctx.api.send<Stored<Action>>('POST', '/actions', body, undefined, { idempotencyKey: key });
    },
    saved: (record) => {
      ctx.announce(ctx.t(action ? 'actionForm.saved' : 'actionForm.created', { title: record.title }), 'success');
      ctx.navigate(record.entryId ? `#/entry/${encodeURIComponent(record.entryId)}` : '#/actions');
    },
    reload: () => void renderActionForm(ctx, root, options),
  });
  replaceChildren(root, h('div', { class: 'view-header' }, heading), form);
  showLinked();
  heading.focus();
}
