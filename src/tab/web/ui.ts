import type { Labelled } from '../../domain';
import { CAPABILITIES, type Capability, ERROR_STATUS } from '../../domain';
import { ApiError } from './api';
import type { AppContext } from './context';
import { type Attrs, type Child, h, uid } from './dom';

/** A Fluent button (keyboard: Tab to focus, Enter/Space to activate; focus ring from Fluent). */
export function button(
  label: string,
  onClick: ((e: Event) => void) | null,
  options: {
    appearance?: 'accent' | 'neutral' | 'outline' | 'stealth' | 'lightweight';
    type?: 'button' | 'submit';
    ariaLabel?: string;
    id?: string;
    testid?: string;
  } = {},
): HTMLElement {
  return h(
    'fluent-button',
    {
      appearance: options.appearance ?? 'neutral',
      type: options.type ?? 'button',
      'aria-label': options.ariaLabel,
      id: options.id,
      'data-testid': options.testid,
      on: onClick ? { click: onClick } : undefined,
    },
    label,
  );
}

/** A link that looks like a button, for navigation. */
export function linkButton(label: string, href: string, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { class: 'link-button', href, ...attrs }, label);
}

export function badge(text: string, kind = 'neutral'): HTMLElement {
  return h('fluent-badge', { class: `badge badge-${kind}`, appearance: 'lightweight' }, text);
}

/** A localized user text, marked with its language when it is not the page's. */
export function localized(
  ctx: AppContext,
  value: { nl?: string; fr?: string; en?: string } | null | undefined,
  tag: 'span' | 'p' | 'div' | 'h2' | 'strong' = 'span',
  attrs: Attrs = {},
): HTMLElement {
  const picked = ctx.text(value);
  return h(tag, { ...attrs, lang: picked.lang && picked.lang !== ctx.lang ? picked.lang : undefined }, picked.text || ctx.t('common.untitled'));
}

export function loading(ctx: AppContext): HTMLElement {
  return h('div', { class: 'loading', role: 'status' }, h('fluent-progress-ring', { 'aria-hidden': 'true' }), h('span', null, ctx.t('common.loading')));
}

/** A human message for a failed API call. */
export function errorText(ctx: AppContext, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return ctx.t('error.unauthorized');
    if (error.status === 403 && error.code === 'forbidden') return ctx.t('error.forbidden');
    if (error.status === 409 && error.code === 'conflict') return ctx.t('error.conflict');
    if (error.code === 'consent_required') return ctx.t('error.consent');
    if (error.status === 404) return ctx.t('error.notFound');
    // another service's refusal from the catalogue (translation not configured) says itself, in the page's language
    if (error.status === 503 && error.code !== 'store_unavailable' && error.code in ERROR_STATUS) return error.message;
    if (error.status === 503) return ctx.t('error.unavailable', { message: error.message });
    if (error.status >= 500) return ctx.t('error.server');
    return error.message;
  }
  return ctx.t('error.network');
}

/** Why a control is not there: the role it needs and the person's own. */
export function roleNeeded(ctx: AppContext, capability: Capability): HTMLElement {
  const yours = ctx.me?.role;
  return h(
    'p',
    { class: 'message message-info', role: 'note', 'data-testid': 'role-needed' },
    ctx.t('role.needed', { role: ctx.t(`role.${CAPABILITIES[capability]}`), yours: yours ? ctx.t(`role.${yours}`) : '—' }),
  );
}

export function errorBox(ctx: AppContext, error: unknown): HTMLElement {
  return h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error));
}

/** A labelled form control with room for its validation messages (aria-describedby). */
export interface Field {
  wrapper: HTMLElement;
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  errors: HTMLElement;
  name: string;
}

export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, name: string, hint?: string): Field {
  const id = control.id || uid('field');
  control.id = id;
  control.name = name;
  const errorsId = `${id}-errors`;
  const hintId = hint ? `${id}-hint` : undefined;
  control.setAttribute('aria-describedby', [hintId, errorsId].filter(Boolean).join(' '));
  const errors = h('div', { class: 'field-errors', id: errorsId, 'data-errors-for': name });
  const wrapper = h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label),
    control,
    hint ? h('div', { class: 'field-hint', id: hintId }, hint) : null,
    errors,
  );
  return { wrapper, control, errors, name };
}

export function selectOf(
  ctx: AppContext,
  table: Record<string, Labelled>,
  value: string | null | undefined,
  options: { empty?: string; counts?: Record<string, number>; codes?: readonly string[] } = {},
): HTMLSelectElement {
  const codes = options.codes ?? Object.keys(table);
  return h(
    'select',
    null,
    options.empty !== undefined ? h('option', { value: '' }, options.empty) : null,
    codes.map((code) => {
      const count = options.counts ? ` (${ctx.number(options.counts[code] ?? 0)})` : '';
      return h('option', { value: code, selected: code === value }, `${ctx.label(table, code)}${count}`);
    }),
  );
}

export function definition(term: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', null, term), h('dd', null, ...value)];
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h3', { id }, title), ...children);
}
