import './tab.css';
import { pages } from '@microsoft/teams-js';
import type { FocusGroup } from '../../domain';
import type { Stored } from '../../store';
import type { Me } from './context';
import { h, replaceChildren } from './dom';
import { detectHost, onThemeChange } from './host';
import type { Language } from './locale';
import { identityBanner, initialLanguage, languageSwitch, makeContext, type PageState, pageApi, readBoot, saveLanguage } from './shell';
import { applyTheme, registerFluent } from './theme';
import { errorBox, errorText, field, roleNeeded } from './ui';
import { focusGroupEntityId } from '../../domain';

/**
 * Configuration page of the channel tab: choose the focus group this channel works for. On save it binds
 * the channel to the focus group (so the bot and the register know it) and points the tab at the register
 * filtered on that group.
 */
async function main(): Promise<void> {
  registerFluent();
  const boot = readBoot();
  const host = await detectHost();
  applyTheme(host.theme);
  onThemeChange(host, applyTheme);
  const state: PageState = { host, boot, lang: initialLanguage(host, boot), api: pageApi(host, boot, () => undefined), focusGroups: [] };
  const root = document.getElementById('app')!;
  let selected = new URLSearchParams(location.search).get('focusGroup') ?? '';
  let bind = true;

  const [me, groups] = await Promise.allSettled([state.api.get<Me>('/me'), state.api.get<{ items: Stored<FocusGroup>[] }>('/focus-groups')]);
  if (me.status === 'fulfilled') state.me = me.value;
  else state.meError = me.reason;
  if (groups.status === 'fulfilled') state.focusGroups = groups.value.items;
  if (!selected) selected = state.focusGroups.find((g) => host.channelId && g.channel?.channelId === host.channelId)?.id ?? '';

  const status = h('div', { 'aria-live': 'polite', id: 'config-status' });

  const render = () => {
    const ctx = makeContext(
      state,
      () => undefined,
      () => undefined,
    );
    document.documentElement.lang = state.lang;
    document.title = ctx.t('config.title');
    root.removeAttribute('aria-busy');
    root.classList.remove('app-loading');
    const select = h(
      'select',
      { required: true },
      h('option', { value: '' }, ctx.t('form.choose')),
      state.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === selected }, ctx.text(g.name).text)),
    );
    const update = () => {
      selected = select.value;
      if (host.inTeams) pages.config.setValidityState(Boolean(selected));
      render();
    };
    select.addEventListener('change', update);
    const bindBox = h('input', { type: 'checkbox', id: 'bind-channel', checked: bind });
    bindBox.addEventListener('change', () => (bind = bindBox.checked));
    const group = state.focusGroups.find((g) => g.id === selected);
    replaceChildren(
      root,
      h(
        'header',
        { class: 'app-header' },
        h('div', { class: 'brand' }, h('h1', null, ctx.t('config.title'))),
        languageSwitch(ctx, (lang: Language) => {
          state.lang = lang;
          saveLanguage(lang);
          render();
        }),
      ),
      identityBanner(ctx, state),
      h(
        'main',
        { id: 'main', class: 'config' },
        h('p', null, ctx.t('config.explain')),
        groups.status === 'rejected' ? errorBox(ctx, groups.reason) : null,
        field(ctx.t('config.focusGroup'), select, 'focusGroupId').wrapper,
        host.inTeams && host.channelId && !ctx.can('channels')
          ? roleNeeded(ctx, 'channels')
          : host.inTeams && host.channelId
            ? h('div', { class: 'check' }, bindBox, h('label', { for: 'bind-channel' }, ctx.t('config.bind', { channel: host.channelName ?? host.channelId })))
            : h('p', { class: 'muted' }, ctx.t('config.outsideTeams')),
        group?.channel && group.channel.channelId !== host.channelId
          ? h('p', { class: 'message message-warning' }, ctx.t('config.alreadyBound', { channel: group.channel.name ?? group.channel.channelId }))
          : null,
        selected
          ? h('p', null, h('a', { href: `/tab?focusGroup=${encodeURIComponent(selected)}`, 'data-testid': 'config-preview' }, ctx.t('config.preview')))
          : null,
        status,
      ),
    );
  };

  if (host.inTeams) {
    pages.config.registerOnSaveHandler(async (event) => {
      const ctx = makeContext(
        state,
        () => undefined,
        () => undefined,
      );
      const group = state.focusGroups.find((g) => g.id === selected);
      if (!group) return event.notifyFailure(ctx.t('config.chooseFirst'));
      try {
        if (bind && ctx.can('channels') && host.teamId && host.channelId) {
          await state.api.send(
            'PATCH',
            `/focus-groups/${encodeURIComponent(group.id)}`,
            { channel: { teamId: host.teamId, channelId: host.channelId, ...(host.channelName ? { name: host.channelName } : {}) } },
            group.etag,
          );
        }
        await pages.config.setConfig({
          entityId: focusGroupEntityId(group.id),
          contentUrl: `${location.origin}/tab?inTeams=1&focusGroup=${encodeURIComponent(group.id)}`,
          websiteUrl: `${location.origin}/tab?focusGroup=${encodeURIComponent(group.id)}`,
          suggestedDisplayName: ctx.text(group.name).text.slice(0, 100),
        });
        event.notifySuccess();
      } catch (error) {
        status.textContent = errorText(ctx, error);
        event.notifyFailure(errorText(ctx, error));
      }
    });
    pages.config.setValidityState(Boolean(selected));
  }
  render();
  document.body.dataset.ready = 'true';
}

main().catch((error) => console.error(error));
