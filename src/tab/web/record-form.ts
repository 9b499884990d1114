import { describeIssue } from '../../i18n';
import { ApiError, newIdempotencyKey } from './api';
import type { AppContext } from './context';
import { type Child, h, replaceChildren } from './dom';
import { type FieldIssue, groupIssues } from './issues';
import { button, errorText } from './ui';

export interface RecordFormOptions<T> {
  /** the form's accessible name (its heading's id) */
  labelledBy: string;
  testid: string;
  /** the controls, fieldsets and hints, in order */
  body: Child[];
  saveLabel: string;
  /** sends the form: `key` is the one Idempotency-Key of this form (a POST sent twice is one record) */
  save(key: string): Promise<T>;
  /** after a save: announce, navigate, reload */
  saved(record: T): void;
  /** the record changed since the form read it (409): offers to reload it */
  reload?: () => void;
  /** where the server's issue fields point in this form, when the body nests them (e.g. "members.3.email" → "email") */
  fieldOf?: (issueField: string) => string;
  cancelHref?: string;
  cancelLabel?: string;
}

/**
 * A small form of the register (an action, a meeting, a member): one Idempotency-Key for as long as it is
 * on screen, the server's 400 issues beside the controls they name (in the page's language) and listed
 * above Save, a conflict (409, another person saved first) said with a reload instead of an overwrite.
 */
export function recordForm<T>(ctx: AppContext, options: RecordFormOptions<T>): HTMLFormElement {
  const key = newIdempotencyKey();
  const summary = h('div', { 'aria-live': 'polite' });
  const saveButton = button(options.saveLabel, null, { appearance: 'accent', type: 'submit', testid: `${options.testid}-save` });
  const form = h(
    'form',
    { class: 'entry-form record-form', 'aria-labelledby': options.labelledBy, 'data-testid': options.testid, novalidate: true },
    ...options.body,
    summary,
    h(
      'div',
      { class: 'button-row' },
      saveButton,
      options.cancelHref ? h('a', { class: 'link-button', href: options.cancelHref }, options.cancelLabel ?? ctx.t('form.cancel')) : null,
    ),
  );
  const clear = () => {
    for (const el of Array.from(form.querySelectorAll('.field-errors'))) replaceChildren(el);
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    replaceChildren(summary);
  };
  const showIssues = (raw: FieldIssue[]) => {
    const issues = options.fieldOf ? raw.map((i) => ({ ...i, field: options.fieldOf!(i.field) })) : raw;
    const names = Array.from(form.querySelectorAll<HTMLInputElement>('[name]')).map((c) => c.name);
    let first: HTMLElement | undefined;
    for (const [name, reasons] of groupIssues(issues, names, ctx.lang)) {
      if (!name) continue;
      const target = form.querySelector(`.field-errors[data-errors-for="${CSS.escape(name)}"]`);
      if (target)
        replaceChildren(
          target,
          reasons.map((r) => h('p', { class: 'field-error' }, `${ctx.t('form.invalid')}: ${r}`)),
        );
      const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? undefined;
    }
    replaceChildren(
      summary,
      h(
        'div',
        { class: 'message message-error', role: 'alert', 'data-testid': 'validation-summary' },
        ctx.t('form.fixErrors', { count: String(issues.length) }),
        h(
          'ul',
          null,
          issues.map((issue) => h('li', null, describeIssue(ctx.lang, issue))),
        ),
      ),
    );
    first?.focus();
  };
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    clear();
    saveButton.setAttribute('disabled', '');
    options
      .save(key)
      .then((record) => options.saved(record))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 400 && error.issues.length) showIssues(error.issues);
        else if (error instanceof ApiError && error.status === 409 && options.reload) {
          const reload = options.reload;
          replaceChildren(
            summary,
            h(
              'div',
              { class: 'message message-warning', role: 'alert', 'data-testid': 'conflict' },
              ctx.t('error.conflict'),
              ' ',
              button(ctx.t('common.reload'), () => reload()),
            ),
          );
        } else replaceChildren(summary, h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
      })
      .finally(() => {
        busy = false;
        saveButton.removeAttribute('disabled');
      });
  });
  return form;
}
