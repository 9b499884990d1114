import type { app } from '@microsoft/teams-js';
import type { TabBootConfig } from '../page';

/**
 * teams-js is loaded only in a frame (where Teams may be the host): on its own, loading it asks Microsoft's CDN
 * for the list of valid Teams domains, a request that has no use outside Teams and fails on a closed network.
 */
const teams = () => import('@microsoft/teams-js');

export type Theme = 'default' | 'dark' | 'contrast';

/** Where the page runs: inside Teams (with its context) or in a plain browser (local mode). */
export interface Host {
  inTeams: boolean;
  /** why we are not in Teams, for the console */
  reason?: string;
  context?: app.Context;
  theme: Theme;
  locale?: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
  /** the tab instance's entityId (channel tabs: "fg-<focus group id>") */
  entityId?: string;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms));
}

export function themeOf(value: string | null | undefined): Theme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/**
 * Initialises teams-js. Outside Teams, app.initialize() rejects ("No Parent window found") or, in a
 * foreign frame, never answers: a timeout catches that. Then the page runs in local mode.
 */
export async function detectHost(): Promise<Host> {
  const params = new URLSearchParams(location.search);
  const queryTheme = themeOf(params.get('theme'));
  const framed = window.parent !== window || Boolean(window.opener);
  if (!framed) return { inTeams: false, reason: 'not framed', theme: queryTheme };
  try {
    const { app } = await teams();
    await Promise.race([app.initialize(), timeout(params.get('inTeams') ? 6000 : 2500)]);
    const context = await Promise.race([app.getContext(), timeout(6000)]);
    app.notifySuccess();
    return {
      inTeams: true,
      context,
      theme: themeOf(context.app.theme),
      locale: context.app.locale,
      teamId: context.team?.groupId ?? context.team?.internalId,
      channelId: context.channel?.id,
      channelName: context.channel?.displayName,
      entityId: context.page?.id,
    };
  } catch (error) {
    return { inTeams: false, reason: error instanceof Error ? error.message : String(error), theme: queryTheme };
  }
}

export function onThemeChange(host: Host, handler: (theme: Theme) => void): void {
  if (host.inTeams) void teams().then(({ app }) => app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme))));
}

/**
 * The token for our API: in Teams with Entra auth, a fresh SSO token for every call (Teams caches and
 * renews it; the page never keeps one). In local mode: none.
 */
export function tokenProvider(host: Host, boot: TabBootConfig): () => Promise<string | undefined> {
  if (!host.inTeams || boot.authMode !== 'entra') return async () => undefined;
  return async () => (await teams()).authentication.getAuthToken();
}

/** The consent pop-up (tenant mode): /tab/auth/start sends the person to Entra ID and back to /tab/auth/end. */
export async function runConsent(): Promise<void> {
  const { authentication } = await teams();
  await authentication.authenticate({ url: `${location.origin}/tab/auth/start`, width: 600, height: 640 });
}
