import type { EntryVersion } from '../../../domain';
import type { SynergyEntry } from '../../../domain';
import { DOMAINS, FORMALISATIONS, FORMS, KINDS, type Labelled, SCOPES, STATUSES } from '../../../domain';
import { sameMeaning } from '../../../domain';
import { fieldLabel } from '../../../i18n';
import type { Stored } from '../../../store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import type { MessageKey } from '../i18n';
import { badge, button, errorBox, linkButton, loading } from '../ui';

/** What a restore leaves as stored (the register keeps decisions and report mentions; see EntryRestore). */
const KEPT = new Set(['updatedAt', 'decisions', 'mentions']);

const CODES: Record<string, Record<string, Labelled>> = {
  domain: DOMAINS,
  status: STATUSES,
  kind: KINDS,
  formalisation: FORMALISATIONS,
  form: FORMS,
  scope: SCOPES,
};

function isLocalized(value: object): value is { nl?: string; fr?: string; en?: string } {
  return Object.keys(value).every((k) => k === 'nl' || k === 'fr' || k === 'en');
}

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A field's value as a person reads it: labels for codes, the page's language for texts, counts for lists. */
export function shownValue(ctx: AppContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return ctx.t('versions.empty');
  if (typeof value === 'string' && CODES[field]) return ctx.label(CODES[field], value);
  if (field === 'focusGroupId' && typeof value === 'string') return ctx.text(ctx.focusGroups.find((g) => g.id === value)?.name).text || value;
  if (typeof value === 'number') return /Year$/.test(field) ? String(value) : ctx.number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return shorten(String(value));
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? shorten(value.join(', ')) || ctx.t('versions.empty') : ctx.plural('versions.items', value.length);
  const object = value as Record<string, unknown>;
  if (field === 'financialBenefit') return typeof object.amountEur === 'number' ? ctx.euro(object.amountEur) : ctx.t('entry.notQuantified');
  if (isLocalized(object)) return shorten(ctx.text(object).text) || ctx.t('versions.empty');
  return shorten(JSON.stringify(value));
}

/** The fields a restore of `version` would change in `current`. */
function fieldsRestoring(current: Record<string, unknown>, version: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(current), ...Object.keys(version)]);
  return [...fields].filter((f) => !KEPT.has(f) && f !== 'id' && f !== 'etag' && !sameMeaning(current[f], version[f]));
}

/** What a version really changed: a value re-saved with the same meaning (empty → empty, same title) is not shown. */
export function realChanges<C extends { from?: unknown; to?: unknown }>(changes: readonly C[]): C[] {
  return changes.filter((c) => !sameMeaning(c.from, c.to));
}

function changeList(ctx: AppContext, version: EntryVersion): HTMLElement | null {
  const changes = realChanges(version.changes);
  if (version.kind === 'created' || (version.kind === 'restored' && changes.length === 0)) return null;
  if (changes.length === 0) return h('p', { class: 'muted' }, ctx.t('versions.noFields'));
  return h(
    'ul',
    { class: 'version-changes' },
    changes.map((c) =>
      h(
        'li',
        null,
        c.field === 'decisions' && !Array.isArray(c.to)
          ? fieldLabel(ctx.lang, 'decisions')
          : ctx.t('versions.change', { field: fieldLabel(ctx.lang, c.field), from: shownValue(ctx, c.field, c.from), to: shownValue(ctx, c.field, c.to) }),
      ),
    ),
  );
}

/** An entry's versions, newest first, with what each change did; an earlier one restored as a new version. */
export async function renderVersions(ctx: AppContext, root: HTMLElement, id: string): Promise<void> {
  replaceChildren(root, loading(ctx));
  const enc = encodeURIComponent(id);
  let entry: Stored<SynergyEntry>;
  let versions: EntryVersion[];
  try {
    [entry, { items: versions }] = await Promise.all([
      ctx.api.get<Stored<SynergyEntry>>(`/entries/${enc}`),
      ctx.api.get<{ items: EntryVersion[] }>(`/entries/${enc}/versions`),
    ]);
  } catch (error) {
    replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
    return;
  }
  const status = h('div', { role: 'status', 'aria-live': 'polite' });

  const restore = async (version: EntryVersion) => {
    try {
      await ctx.api.send('POST', `/entries/${enc}/versions/${encodeURIComponent(version.eventId)}/restore`, undefined, entry.etag);
      ctx.announce(ctx.t('versions.restored', { number: version.number }), 'success');
      ctx.navigate(`#/entry/${enc}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await renderVersions(ctx, root, id);
        ctx.announce(ctx.t('versions.conflict'), 'error');
      } else {
        replaceChildren(status, errorBox(ctx, error));
      }
    }
  };

  const confirmPanel = (version: EntryVersion, slot: HTMLElement) => {
    const fields = fieldsRestoring(entry as unknown as Record<string, unknown>, version.value);
    replaceChildren(
      slot,
      h(
        'div',
        {
          class: 'message message-warning',
          role: 'group',
          'aria-label': ctx.t('versions.confirmTitle', { number: version.number }),
          'data-testid': 'restore-confirm',
        },
        h('strong', null, ctx.t('versions.confirmTitle', { number: version.number })),
        h(
          'p',
          null,
          fields.length ? ctx.t('versions.confirmChanges', { fields: fields.map((f) => fieldLabel(ctx.lang, f)).join(', ') }) : ctx.t('versions.confirmSame'),
        ),
        h(
          'div',
          { class: 'button-row' },
          button(ctx.t('versions.confirm'), () => void restore(version), { appearance: 'accent', testid: 'restore-confirm-yes' }),
          button(ctx.t('versions.cancel'), () => replaceChildren(slot)),
        ),
      ),
    );
    slot.querySelector<HTMLElement>('[data-testid="restore-confirm-yes"]')?.focus();
  };

  const item = (version: EntryVersion) => {
    const slot = h('div');
    return h(
      'li',
      { class: 'version', 'data-testid': 'version', 'data-version': String(version.number), 'aria-current': version.current ? 'true' : undefined },
      h(
        'div',
        { class: 'version-head' },
        h('strong', null, ctx.t('versions.number', { number: version.number })),
        ' ',
        version.current ? badge(ctx.t('versions.current'), 'info') : null,
        ' ',
        ctx.t(`history.${version.kind}` as MessageKey),
        h('span', { class: 'muted' }, ` — ${ctx.t('versions.byOn', { date: ctx.dateTime(version.at), name: version.by.name })}`),
      ),
      changeList(ctx, version),
      version.note ? h('p', { class: 'muted' }, version.note) : null,
      !version.current && ctx.can('edit')
        ? h(
            'div',
            { class: 'button-row' },
            button(ctx.t('versions.restoreOf', { number: version.number }), () => confirmPanel(version, slot), { testid: 'restore-version' }),
          )
        : null,
      slot,
    );
  };

  replaceChildren(
    root,
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': ctx.t('common.breadcrumb') },
      linkButton(ctx.t('common.backToRegister'), '#/register'),
      linkButton(ctx.t('form.backToEntry'), `#/entry/${enc}`),
    ),
    h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('versions.title', { title: ctx.text(entry.title).text })),
    h('p', { class: 'muted' }, ctx.t('versions.intro')),
    status,
    versions.length
      ? h('ol', { class: 'version-list', reversed: true, 'data-testid': 'versions' }, [...versions].reverse().map(item))
      : h('p', { class: 'empty' }, ctx.t('versions.none')),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
