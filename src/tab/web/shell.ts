import type { FocusGroup } from '../../domain';
import type { Stored } from '../../store';
import type { TabBootConfig } from '../page';
import { type Api, ApiError, createApi } from './api';
import { type AppContext, canOf, makeFormatting, type Me } from './context';
import { h, replaceChildren } from './dom';
import { type Host, runConsent, tokenProvider } from './host';
import { intlLocale, type Language, resolveLanguage } from './locale';
import { button } from './ui';

export function readBoot(): TabBootConfig {
  const el = document.getElementById('tab-boot');
  const fallback: TabBootConfig = { authMode: 'local', defaultLanguage: 'nl', municipality: { nl: '', fr: '' }, entra: null };
  try {
    return { ...fallback, ...(JSON.parse(el?.textContent ?? '{}') as Partial<TabBootConfig>) };
  } catch {
    return fallback;
  }
}

const STORAGE_KEY = 'synergy-register.language';

export function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be blocked in a third-party frame: the choice then lasts for this page only */
  }
}

export function initialLanguage(host: Host, boot: TabBootConfig): Language {
  return resolveLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    saved: savedLanguage(),
    teamsLocale: host.inTeams ? host.locale : undefined,
    browser: navigator.language,
    fallback: boot.defaultLanguage,
  });
}

/** Shared state of a page (survives a language switch). */
export interface PageState {
  host: Host;
  boot: TabBootConfig;
  lang: Language;
  api: Api;
  me?: Me;
  meError?: unknown;
  focusGroups: Stored<FocusGroup>[];
  boundFocusGroupId?: string;
  onConsentNeeded?: () => void;
}

/** The API client, with consent-required errors surfaced to the page. */
export function pageApi(host: Host, boot: TabBootConfig, onConsent: () => void): Api {
  const api = createApi(tokenProvider(host, boot));
  const watch = <T>(p: Promise<T>): Promise<T> =>
    p.catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'consent_required') onConsent();
      throw error;
    });
  return {
    get: (path, signal) => watch(api.get(path, signal)),
    send: (m, path, body, etag, options) => watch(api.send(m, path, body, etag, options)),
    upload: (path, file, signal) => watch(api.upload(path, file, signal)),
    download: (path) => watch(api.download(path)),
    file: (path) => watch(api.file(path)),
  };
}

export function makeContext(state: PageState, announce: AppContext['announce'], navigate: AppContext['navigate']): AppContext {
  const locale = intlLocale(state.lang, state.host.inTeams ? state.host.locale : navigator.language);
  const ctx: AppContext = {
    api: state.api,
    host: state.host,
    boot: state.boot,
    lang: state.lang,
    locale,
    me: state.me,
    can: canOf(state.me),
    get focusGroups() {
      return state.focusGroups;
    },
    boundFocusGroupId: state.boundFocusGroupId,
    ...makeFormatting(state.lang, locale),
    announce,
    navigate,
    async reloadFocusGroups() {
      state.focusGroups = (await state.api.get<{ items: Stored<FocusGroup>[] }>('/focus-groups')).items;
    },
  };
  return ctx;
}

/** The identity banner: local mode is always clearly marked; outside Teams in tenant mode, how to sign in. */
export function identityBanner(ctx: AppContext, state: PageState): HTMLElement | null {
  if (state.me?.local) {
    return h(
      'div',
      { class: 'banner banner-local', role: 'note', 'data-testid': 'local-banner' },
      h('strong', null, ctx.t('banner.localMode')),
      ' ',
      ctx.t('banner.localIdentity', { name: state.me.name, email: state.me.email ?? '' }),
    );
  }
  if (!state.host.inTeams && state.boot.authMode === 'entra' && !state.me) {
    return h('div', { class: 'banner banner-warning', role: 'alert', 'data-testid': 'signin-banner' }, ctx.t('banner.openInTeams'));
  }
  if (state.meError) {
    return h('div', { class: 'banner banner-warning', role: 'alert' }, ctx.t('error.unauthorized'));
  }
  return null;
}

/** A person who may only read (or not even that) is told so once, with whom to ask, instead of meeting refusals. */
export function roleBanner(ctx: AppContext, state: PageState): HTMLElement | null {
  if (!state.me) return null;
  if (!ctx.can('read')) return h('div', { class: 'banner banner-warning', role: 'alert', 'data-testid': 'role-banner' }, ctx.t('role.none'));
  if (!ctx.can('edit'))
    return h('div', { class: 'banner banner-info', role: 'note', 'data-testid': 'role-banner' }, ctx.t('role.readOnly', { role: ctx.t('role.editor') }));
  return null;
}

export function consentBanner(ctx: AppContext, onDone: () => void): HTMLElement {
  const status = h('span', { 'aria-live': 'polite' });
  return h(
    'div',
    { class: 'banner banner-warning', role: 'alert', 'data-testid': 'consent-banner' },
    ctx.t('consent.needed'),
    ' ',
    ctx.host.inTeams
      ? button(
          ctx.t('consent.give'),
          async () => {
            try {
              await runConsent();
              onDone();
            } catch (error) {
              status.textContent = ctx.t('consent.failed', { reason: error instanceof Error ? error.message : String(error) });
            }
          },
          { appearance: 'accent' },
        )
      : ctx.t('banner.openInTeams'),
    status,
  );
}

/** The NL/FR switch: two toggle buttons, the current one pressed. */
export function languageSwitch(ctx: AppContext, onSwitch: (lang: Language) => void): HTMLElement {
  const langs: Array<{ code: Language; short: string; name: string }> = [
    { code: 'nl', short: 'NL', name: 'Nederlands' },
    { code: 'fr', short: 'FR', name: 'Français' },
  ];
  return h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': ctx.t('nav.language') },
    langs.map((l) =>
      h(
        'button',
        {
          type: 'button',
          class: 'lang-button',
          lang: l.code,
          'aria-pressed': String(ctx.lang === l.code),
          'data-lang': l.code,
          on: { click: () => onSwitch(l.code) },
        },
        // the visible "NL" starts the accessible name ("NL Nederlands"), so a voice command "click NL" works
        l.short,
        h('span', { class: 'visually-hidden' }, ` ${l.name}`),
      ),
    ),
  );
}

export function announcer(): { el: HTMLElement; announce: AppContext['announce'] } {
  const el = h('div', { class: 'announcer', id: 'announcer', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
  return {
    el,
    announce(message, kind = 'info') {
      replaceChildren(el, h('div', { class: `message message-${kind === 'error' ? 'error' : kind === 'success' ? 'success' : 'info'}` }, message));
      setTimeout(() => {
        if (el.textContent === message) replaceChildren(el);
      }, 8000);
    },
  };
}
