import './tab.css';
import { app, authentication } from '@microsoft/teams-js';
import { readBoot } from './shell';

/**
 * The consent pop-up opened by authentication.authenticate(): /tab/auth/start sends the person to the
 * Entra ID authorize endpoint with prompt=consent for the Graph permissions the server uses on their
 * behalf; /tab/auth/end tells Teams how it went. The code in the answer is not used: the consent itself is
 * what the on-behalf-of exchange needed.
 */
const STATE_KEY = 'synergy-register.consent-state';

async function main(): Promise<void> {
  const boot = readBoot();
  const message = (text: string) => {
    const root = document.getElementById('app')!;
    root.removeAttribute('aria-busy');
    root.textContent = text;
  };
  try {
    await app.initialize();
  } catch {
    message('Open this page from the Teams tab. / Ouvrez cette page depuis l’onglet Teams. / Open deze pagina vanuit de Teams-tab.');
    return;
  }
  if (location.pathname.endsWith('/start')) {
    if (!boot.entra) return authentication.notifyFailure('local mode: no consent needed');
    const context = await app.getContext();
    const state = crypto.randomUUID();
    localStorage.setItem(STATE_KEY, state);
    const params = new URLSearchParams({
      client_id: boot.entra.clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: `${location.origin}/tab/auth/end`,
      scope: 'https://graph.microsoft.com/.default openid profile',
      prompt: 'consent',
      state,
      ...(context.user?.loginHint ? { login_hint: context.user.loginHint } : {}),
    });
    location.assign(`${boot.entra.authorityHost}/${encodeURIComponent(boot.entra.tenantId)}/oauth2/v2.0/authorize?${params}`);
    return;
  }
  const answer = new URLSearchParams(location.search);
  const expected = localStorage.getItem(STATE_KEY);
  localStorage.removeItem(STATE_KEY);
  if (answer.get('error')) authentication.notifyFailure(answer.get('error_description') ?? answer.get('error') ?? 'consent refused');
  else if (!expected || answer.get('state') !== expected) authentication.notifyFailure('state mismatch');
  else authentication.notifySuccess('consented');
}

main().catch((error) => {
  try {
    authentication.notifyFailure(String(error));
  } catch {
    /* not in Teams */
  }
});
