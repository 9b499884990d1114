import { STATUSES } from '../../../domain';
import { translate } from '../../../i18n';
import type { Changes, DiffPart, EntryChange } from '../../../changes';
import { CHANGE_KINDS } from '../../../domain';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorBox, field, loading } from '../ui';

/** What changed between two report years: added, stopped, status and text changes, the changed words marked. */

function diffView(ctx: AppContext, parts: readonly DiffPart[]): HTMLElement {
  return h(
    'p',
    { class: 'diff' },
    parts.map((p) =>
      p.op === 'same' ? p.text : h(p.op === 'added' ? 'ins' : 'del', { title: ctx.t(p.op === 'added' ? 'changes.added' : 'changes.removed') }, p.text),
    ),
  );
}

function changeItem(ctx: AppContext, change: EntryChange): HTMLElement {
  const title = ctx.text(change.to?.text ?? change.from?.text ?? change.title);
  const link = h('a', { href: `#/entry/${encodeURIComponent(change.entryId)}`, lang: title.lang !== ctx.lang ? title.lang : undefined }, title.text);
  const status = (s: string) => ctx.label(STATUSES, s);
  switch (change.kind) {
    case 'added':
      return h('li', null, link, ` — ${status(change.to!.status)}`);
    case 'stopped':
      return h('li', null, link, change.to ? ` — ${status(change.to.status)}` : '');
    case 'status':
      return h('li', null, link, ' — ', h('span', { class: 'muted' }, status(change.from!.status)), ' → ', h('strong', null, status(change.to!.status)));
    case 'text': {
      const parts = change.diff?.[ctx.lang] ?? Object.values(change.diff ?? {})[0] ?? [];
      return h('li', null, link, diffView(ctx, parts));
    }
  }
}

export async function renderChanges(ctx: AppContext, root: HTMLElement, years: { from?: number; to?: number } = {}): Promise<void> {
  const thisYear = new Date().getFullYear();
  const to = h('input', { type: 'number', min: '2000', max: '2100', value: years.to ?? thisYear, 'data-testid': 'changes-to' });
  const from = h('input', { type: 'number', min: '2000', max: '2100', value: years.from ?? Number(to.value) - 1, 'data-testid': 'changes-from' });
  const result = h('div', { 'data-testid': 'changes-result' });
  const show = async () => {
    replaceChildren(result, loading(ctx));
    try {
      const c = await ctx.api.get<Changes>(`/changes?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
      replaceChildren(
        result,
        c.toIsOpen ? h('p', { class: 'muted' }, ctx.t('changes.openYear', { year: c.to })) : null,
        c.changes.length === 0
          ? h('p', { class: 'empty' }, ctx.t('changes.none', { from: c.from, to: c.to }))
          : CHANGE_KINDS.filter((k) => c.counts[k] > 0).map((k) =>
              h(
                'section',
                { class: 'panel', 'aria-labelledby': `changes-${k}`, 'data-kind': k },
                h('h3', { id: `changes-${k}` }, `${translate(ctx.lang, `import.changes.kind.${k}`)} (${ctx.number(c.counts[k])})`),
                h(
                  'ul',
                  { class: 'change-list' },
                  c.changes.filter((x) => x.kind === k).map((x) => changeItem(ctx, x)),
                ),
              ),
            ),
      );
    } catch (error) {
      replaceChildren(result, errorBox(ctx, error));
    }
  };
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('changes.title'))),
    h(
      'div',
      { class: 'filters' },
      field(ctx.t('changes.from'), from, 'from').wrapper,
      field(ctx.t('changes.to'), to, 'to').wrapper,
      button(ctx.t('changes.show'), () => void show(), { testid: 'changes-show' }),
    ),
    result,
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
  await show();
}
