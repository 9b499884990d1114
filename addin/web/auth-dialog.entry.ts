/// <reference types="office-js" />
import { PublicClientApplication } from '@azure/msal-browser';
import type { DialogBoot } from './api';
import type { DialogAnswer } from './dialog-sign-in';

/**
 * The sign-in dialog the Word pane opens where Office SSO is not available: MSAL.js signs the user in with a
 * redirect (the only flow an Office dialog allows) and the access token for the register API goes back to the
 * pane with Office.context.ui.messageParent. The dialog keeps nothing: MSAL's cache is this dialog's session.
 */

function send(answer: DialogAnswer): void {
  Office.context.ui.messageParent(JSON.stringify(answer));
}

async function signIn(boot: DialogBoot): Promise<void> {
  const msal = new PublicClientApplication({
    auth: { clientId: boot.clientId, authority: boot.authority, redirectUri: `${location.origin}${location.pathname}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  const result = await msal.handleRedirectPromise();
  if (!result) return msal.loginRedirect({ scopes: [boot.scope] });
  send({ token: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? 0 });
}

void Office.onReady(() => {
  const boot = JSON.parse(document.getElementById('dialog-boot')?.textContent ?? '{}') as Partial<DialogBoot>;
  if (!boot.clientId || !boot.authority || !boot.scope) return send({ error: 'not_configured' });
  signIn(boot as DialogBoot).catch((error: unknown) => send({ error: (error as { errorCode?: string }).errorCode ?? String(error) }));
});
