import './settings.css';
import type { CommuneSettings } from '../../../domain';
import { describeIssues } from '../../../i18n';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button, errorText, field, roleNeeded } from '../ui';
import { BILINGUAL_LANGUAGES } from '../../../domain';

/**
 * The commune's settings, set up once: the first-run screen a new register opens on (for whoever may change them),
 * and the same form later from the navigation. What the server proposes before the first save is shown as such.
 */

export interface SettingsView extends CommuneSettings {
  configured: boolean;
  etag: string | null;
  firstRun: boolean;
}

function input(value: string | undefined, testid: string, lang: string): HTMLInputElement {
  return h('input', { type: 'text', value: value ?? '', maxlength: '200', lang, 'data-testid': testid });
}

function radios<T extends string>(ctx: AppContext, name: string, value: T, options: Array<[T, string]>): { el: HTMLElement; get: () => T } {
  const inputs = options.map(([code]) =>
    h('input', { type: 'radio', name, value: code, checked: code === value, id: `${name}-${code}`, 'data-testid': `${name}-${code}` }),
  );
  const el = h(
    'div',
    { class: 'settings-choice', role: 'radiogroup', 'aria-labelledby': `${name}-label` },
    h('span', { id: `${name}-label`, class: 'settings-label' }, ctx.t(`settings.${name}` as never)),
    options.map(([code, label], i) => h('label', { for: `${name}-${code}` }, inputs[i], ` ${label}`)),
  );
  return { el, get: () => (inputs.find((i) => i.checked)?.value ?? value) as T };
}

export async function renderSettings(ctx: AppContext, root: HTMLElement, onSaved: (settings: SettingsView) => void): Promise<void> {
  const current = await ctx.api.get<SettingsView>('/settings');
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'settings-status' });
  const nl = input(current.municipality.nl, 'settings-municipality-nl', 'nl');
  const fr = input(current.municipality.fr, 'settings-municipality-fr', 'fr');
  const ocmwNl = input(current.ocmwName.nl, 'settings-ocmw-nl', 'nl');
  const ocmwFr = input(current.ocmwName.fr, 'settings-ocmw-fr', 'fr');
  const bodyKind = radios(ctx, 'bodyKind', current.bodyKind, [
    ['municipality', ctx.t('settings.bodyKind.municipality')],
    ['city', ctx.t('settings.bodyKind.city')],
  ]);
  const region = radios(ctx, 'region', current.region, [
    ['brussels', ctx.t('settings.region.brussels')],
    ['wallonia', ctx.t('settings.region.wallonia')],
  ]);
  const langs = BILINGUAL_LANGUAGES.map((l) =>
    h('input', { type: 'checkbox', value: l, checked: current.languages.includes(l), id: `settings-lang-${l}`, 'data-testid': `settings-lang-${l}` }),
  );
  const save = async () => {
    const text = (nlValue: string, frValue: string) => ({
      ...(nlValue.trim() ? { nl: nlValue.trim() } : {}),
      ...(frValue.trim() ? { fr: frValue.trim() } : {}),
    });
    const body = {
      municipality: text(nl.value, fr.value),
      bodyKind: bodyKind.get(),
      ocmwName: text(ocmwNl.value, ocmwFr.value),
      region: region.get(),
      languages: langs.filter((l) => l.checked).map((l) => l.value),
    };
    try {
      const saved = await ctx.api.send<SettingsView>('PUT', '/settings', body, current.etag ?? undefined);
      onSaved(saved);
      ctx.announce(ctx.t('settings.saved'), 'success');
    } catch (error) {
      const message = error instanceof ApiError && error.status === 400 && error.issues.length ? describeIssues(ctx.lang, error.issues) : errorText(ctx, error);
      replaceChildren(status, h('div', { class: 'message message-error', role: 'alert' }, message));
    }
  };
  const editable = ctx.can('settings');
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t(current.configured ? 'settings.title' : 'settings.firstRun'))),
    current.configured ? null : h('p', { class: 'message message-info', 'data-testid': 'settings-proposed' }, ctx.t('settings.proposed')),
    editable
      ? h(
          'form',
          {
            class: 'settings-form panel',
            on: {
              submit: (e: Event) => {
                e.preventDefault();
                void save();
              },
            },
          },
          h(
            'div',
            { class: 'form-grid' },
            field(ctx.t('settings.municipality.nl'), nl, 'municipality.nl').wrapper,
            field(ctx.t('settings.municipality.fr'), fr, 'municipality.fr').wrapper,
          ),
          bodyKind.el,
          h(
            'div',
            { class: 'form-grid' },
            field(ctx.t('settings.ocmw.nl'), ocmwNl, 'ocmwName.nl').wrapper,
            field(ctx.t('settings.ocmw.fr'), ocmwFr, 'ocmwName.fr').wrapper,
          ),
          region.el,
          h(
            'fieldset',
            { class: 'settings-choice' },
            h('legend', { class: 'settings-label' }, ctx.t('settings.languages')),
            langs.map((l) => h('label', { for: l.id }, l, ` ${ctx.t(`settings.language.${l.value}` as never)}`)),
          ),
          status,
          h('div', { class: 'form-actions' }, button(ctx.t('settings.save'), null, { appearance: 'accent', type: 'submit', testid: 'settings-save' })),
        )
      : roleNeeded(ctx, 'settings'),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
