import './tab.css';
import type { FocusGroup } from '../../domain';
import type { Stored } from '../../store';
import { ApiError } from './api';
import type { AppContext, Me } from './context';
import { h, replaceChildren } from './dom';
import { detectHost, onThemeChange } from './host';
import type { MessageKey } from './i18n';
import type { Language } from './locale';
import {
  announcer,
  consentBanner,
  identityBanner,
  initialLanguage,
  languageSwitch,
  makeContext,
  type PageState,
  pageApi,
  readBoot,
  roleBanner,
  saveLanguage,
} from './shell';
import { applyTheme, registerFluent } from './theme';
import { renderActionForm } from './views';
import { renderAnnex } from './views';
import { renderMeetingForm } from './views';
import { type ActionFilters, actionFiltersFromQuery, defaultActionFilters, renderActions } from './views';
import { renderChanges } from './views';
import { renderDeleted } from './views';
import { renderCompleteness } from './views';
import { renderDetail } from './views';
import { renderFocusGroups } from './views';
import { renderForm } from './views';
import { renderImport } from './views';
import { renderMeetings } from './views';
import { renderPoll } from './views';
import { renderPollForm } from './views';
import { renderTemplate, renderTemplates } from './views';
import { emptyFilters, filtersFromQuery, type RegisterFilters, renderRegister } from './views';
import { renderVersions } from './views';
import { renderSettings, type SettingsView } from './views';
import type { Capability } from '../../domain';
import { focusGroupOfEntityId, parseDeepLink, tabHashOf } from '../../domain';

const NAV: Array<{ hash: string; key: MessageKey; match: RegExp; needs?: Capability }> = [
  { hash: '#/register', key: 'nav.register', match: /^#\/(register|entry|new|poll)\b|^#\/?$/ },
  { hash: '#/actions', key: 'nav.actions', match: /^#\/actions?\b/ },
  { hash: '#/meetings', key: 'nav.meetings', match: /^#\/meetings?\b/ },
  { hash: '#/focus-groups', key: 'nav.focusGroups', match: /^#\/focus-groups/ },
  { hash: '#/changes', key: 'nav.changes', match: /^#\/changes/ },
  { hash: '#/annex', key: 'nav.annex', match: /^#\/annex/ },
  { hash: '#/import', key: 'nav.import', match: /^#\/import/ },
  { hash: '#/deleted', key: 'nav.deleted', match: /^#\/deleted/, needs: 'restore' },
  { hash: '#/translations', key: 'nav.translations', match: /^#\/translations/ },
  { hash: '#/templates', key: 'nav.templates', match: /^#\/templates/, needs: 'template' },
  { hash: '#/settings', key: 'nav.settings', match: /^#\/settings/, needs: 'settings' },
];

/** The channel tab's focus group: ?focusGroup=, the tab's entityId "fg-<id>", or the group bound to this channel. */
function boundFocusGroup(state: PageState): string | undefined {
  const fromQuery = new URLSearchParams(location.search).get('focusGroup');
  if (fromQuery && state.focusGroups.some((g) => g.id === fromQuery)) return fromQuery;
  const entity = focusGroupOfEntityId(state.host.entityId);
  if (entity && state.focusGroups.some((g) => g.id === entity)) return entity;
  if (state.host.channelId) return state.focusGroups.find((g) => g.channel?.channelId === state.host.channelId)?.id;
  return undefined;
}

/** A link from a bot card: ?entry=12 / ?poll=3 in the browser, or the Teams deep link's subEntityId. */
function deepLinkHash(host: Awaited<ReturnType<typeof detectHost>>): string | undefined {
  const target = parseDeepLink(host.context?.page?.subPageId, new URLSearchParams(location.search));
  return target ? tabHashOf(target) : undefined;
}

async function main(): Promise<void> {
  registerFluent();
  const boot = readBoot();
  const host = await detectHost();
  applyTheme(host.theme);
  const deepLink = deepLinkHash(host);
  if (deepLink && !location.hash) history.replaceState(null, '', deepLink);
  if (!host.inTeams) console.info(`[synergy-register] not in Teams (${host.reason}): local mode`);

  let consentNeeded = false;
  let settings: SettingsView | undefined;
  const state: PageState = {
    host,
    boot,
    lang: initialLanguage(host, boot),
    api: undefined as never,
    focusGroups: [],
  };
  state.api = pageApi(host, boot, () => {
    if (!consentNeeded) {
      consentNeeded = true;
      renderShell();
    }
  });

  const [me, groups, commune] = await Promise.allSettled([
    state.api.get<Me>('/me'),
    state.api.get<{ items: Stored<FocusGroup>[] }>('/focus-groups'),
    state.api.get<SettingsView>('/settings'),
  ]);
  if (me.status === 'fulfilled') state.me = me.value;
  else state.meError = me.reason;
  if (groups.status === 'fulfilled') state.focusGroups = groups.value.items;
  // the register's own commune names the tab; a new register opens on the first-run screen for whoever sets it up
  settings = commune.status === 'fulfilled' ? commune.value : undefined;
  if (settings?.firstRun && state.me?.capabilities?.settings && !deepLink && (!location.hash || location.hash === '#/register'))
    history.replaceState(null, '', '#/settings');
  state.boundFocusGroupId = boundFocusGroup(state);

  const registerFilters: RegisterFilters = { ...emptyFilters(), focusGroupId: state.boundFocusGroupId ?? '' };
  const actionFilters: ActionFilters = defaultActionFilters();
  const { el: announcerEl, announce: show } = announcer();
  // a message belongs to the view it was said in, or to the one the app then opens itself ("saved" → the
  // entry); any other view change clears it
  let routes = 0;
  let announcedIn = -1;
  let carriedTo = -1;
  const announce: typeof show = (message, kind) => {
    announcedIn = routes;
    show(message, kind);
  };
  const root = document.getElementById('app')!;
  const main = h('main', { id: 'main', tabindex: '-1' });
  let ctx: AppContext;

  const navigate = (hash: string) => {
    if (announcedIn === routes) carriedTo = routes + 1;
    if (location.hash === hash) void route();
    else location.hash = hash;
  };

  const route = async () => {
    performance.mark('synergy:route');
    routes++;
    if (carriedTo !== routes) replaceChildren(announcerEl);
    ctx = makeContext(state, announce, navigate);
    const hash = location.hash || '#/register';
    const query = new URLSearchParams(hash.split('?')[1] ?? '');
    for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('nav.main-nav a'))) {
      const item = NAV.find((n) => n.hash === a.getAttribute('href'));
      if (item && item.match.test(hash)) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    let m: RegExpMatchArray | null;
    if ((m = hash.match(/^#\/entry\/([^/?]+)\/edit$/))) await renderForm(ctx, main, decodeURIComponent(m[1]));
    else if ((m = hash.match(/^#\/entry\/([^/?]+)\/versions$/))) await renderVersions(ctx, main, decodeURIComponent(m[1]));
    else if ((m = hash.match(/^#\/entry\/([^/?]+)$/))) await renderDetail(ctx, main, decodeURIComponent(m[1]));
    else if ((m = hash.match(/^#\/entry\/([^/?]+)\/poll\/new(?:\?from=([^&]+))?$/)))
      await renderPollForm(ctx, main, decodeURIComponent(m[1]), m[2] ? decodeURIComponent(m[2]) : undefined);
    else if ((m = hash.match(/^#\/poll\/([^/?]+)$/))) await renderPoll(ctx, main, decodeURIComponent(m[1]));
    else if (hash === '#/new') await renderForm(ctx, main);
    else if ((m = hash.match(/^#\/action\/([^/?]+)\/edit$/))) await renderActionForm(ctx, main, { id: decodeURIComponent(m[1]) });
    else if (hash.startsWith('#/actions/new')) await renderActionForm(ctx, main, { entryId: query.get('entry') ?? undefined });
    else if (hash.startsWith('#/actions')) {
      if (hash.includes('?')) Object.assign(actionFilters, actionFiltersFromQuery(query));
      await renderActions(ctx, main, actionFilters);
    } else if ((m = hash.match(/^#\/meeting\/([^/?]+)\/edit$/))) await renderMeetingForm(ctx, main, decodeURIComponent(m[1]));
    else if (hash.startsWith('#/meetings/new')) await renderMeetingForm(ctx, main);
    else if (hash.startsWith('#/meetings')) await renderMeetings(ctx, main);
    else if (hash.startsWith('#/focus-groups')) await renderFocusGroups(ctx, main);
    else if (hash.startsWith('#/import')) renderImport(ctx, main);
    else if (hash.startsWith('#/annex')) await renderAnnex(ctx, main);
    else if (hash.startsWith('#/deleted')) await renderDeleted(ctx, main);
    else if ((m = hash.match(/^#\/templates\/([^/?]+)$/))) await renderTemplate(ctx, main, decodeURIComponent(m[1]));
    else if (hash.startsWith('#/templates')) await renderTemplates(ctx, main);
    else if (hash.startsWith('#/settings')) {
      await renderSettings(ctx, main, (saved) => {
        settings = saved;
        renderShell();
        navigate('#/register');
      });
    } else if (hash.startsWith('#/translations')) {
      const missing = query.get('missing') === 'nl' || (query.get('missing') !== 'fr' && state.lang === 'nl') ? 'nl' : 'fr';
      await renderCompleteness(ctx, main, missing, Number(query.get('page')) || 0);
    } else if (hash.startsWith('#/changes')) {
      await renderChanges(ctx, main, { from: Number(query.get('from')) || undefined, to: Number(query.get('to')) || undefined });
    } else {
      const fg = query.get('focusGroup');
      if (fg !== null) Object.assign(registerFilters, emptyFilters(), { focusGroupId: fg });
      else if (hash.includes('?')) Object.assign(registerFilters, filtersFromQuery(query));
      renderRegister(ctx, main, registerFilters);
    }
  };

  const switchLanguage = (lang: Language) => {
    state.lang = lang;
    saveLanguage(lang);
    renderShell();
    void route();
    ctx.announce(ctx.t('nav.languageChanged'));
    root.querySelector<HTMLElement>(`.lang-button[data-lang="${lang}"]`)?.focus();
  };

  function renderShell() {
    ctx = makeContext(state, announce, navigate);
    document.documentElement.lang = state.lang;
    document.title = ctx.t('app.title');
    root.classList.remove('app-loading');
    root.removeAttribute('aria-busy');
    const names = settings?.configured ? settings.municipality : boot.municipality;
    const municipality = (state.lang === 'fr' ? (names.fr ?? names.nl) : (names.nl ?? names.fr)) ?? '';
    replaceChildren(
      root,
      h(
        'a',
        {
          class: 'skip-link',
          href: '#main',
          on: {
            click: (e: Event) => {
              e.preventDefault();
              main.focus();
            },
          },
        },
        ctx.t('nav.skip'),
      ),
      h(
        'header',
        { class: 'app-header' },
        h('div', { class: 'brand' }, h('h1', null, ctx.t('app.title')), municipality ? h('span', { class: 'muted' }, municipality) : null),
        h(
          'nav',
          { class: 'main-nav', 'aria-label': ctx.t('nav.label') },
          NAV.filter((n) => !n.needs || ctx.can(n.needs)).map((n) => h('a', { href: n.hash }, ctx.t(n.key))),
        ),
        languageSwitch(ctx, switchLanguage),
      ),
      identityBanner(ctx, state),
      roleBanner(ctx, state),
      consentNeeded
        ? consentBanner(ctx, () => {
            consentNeeded = false;
            renderShell();
            void route();
          })
        : null,
      announcerEl,
      main,
      h(
        'footer',
        { class: 'app-footer' },
        h(
          'nav',
          { 'aria-label': ctx.t('footer.label') },
          (['privacy', 'terms', 'accessibility'] as const).map((page) =>
            h('a', { href: `/legal/${page}?lang=${state.lang}`, target: '_blank', rel: 'noopener' }, ctx.t(`footer.${page}`)),
          ),
        ),
      ),
    );
  }

  onThemeChange(host, (theme) => applyTheme(theme));
  window.addEventListener('hashchange', () => void route());
  renderShell();
  await route();
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  console.error(error);
  const root = document.getElementById('app');
  if (root) {
    root.removeAttribute('aria-busy');
    replaceChildren(
      root,
      h('div', { class: 'message message-error', role: 'alert' }, 'Synergieregister: ', error instanceof ApiError ? error.message : String(error)),
    );
  }
});
