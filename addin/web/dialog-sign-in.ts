/// <reference types="office-js" />
import { AddinError } from '../word';

/**
 * Signing in through an Office dialog where Office SSO is not available (Word on iPad, older Office, error
 * 13000/13012/50001): Microsoft's documented fallback. The dialog (auth-dialog.html, same origin) signs in with
 * MSAL.js and sends the access token back with Office.context.ui.messageParent; the pane keeps it in memory
 * until shortly before it expires, so one dialog serves many calls.
 */

/** The part of office.js's dialog API the pane uses: Office.context.ui. */
export type OfficeDialogUi = Pick<Office.UI, 'displayDialogAsync'>;

/** What auth-dialog.entry.ts sends the pane: the token and when it expires (ms since 1970), or why not. */
export type DialogAnswer = { token: string; expiresOn: number } | { error: string };

/** The page the dialog opens (same origin as the pane, as messageParent requires). */
export const DIALOG_PATH = '/addin/auth-dialog.html';

/** A token is used until this long before it expires. */
export const TOKEN_MARGIN_MS = 5 * 60_000;

/** Dialog API errors (Office.context.ui.displayDialogAsync / DialogEventReceived) that mean something to the user. */
const DIALOG_CLOSED = 12006;
const DIALOG_ALREADY_OPEN = 12007;

/** Opens the sign-in dialog and resolves with what it sends back. */
export function openSignInDialog(ui: OfficeDialogUi, url: string): Promise<{ token: string; expiresOn: number }> {
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        const code = result.error?.code;
        reject(
          new AddinError(
            code === DIALOG_ALREADY_OPEN ? 'sso_busy' : 'sso_failed',
            `${code ?? ''}: ${result.error?.message ?? 'the sign-in dialog did not open'}`,
          ),
        );
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
        dialog.close();
        let answer: DialogAnswer;
        try {
          answer = JSON.parse('message' in event ? event.message : '') as DialogAnswer;
        } catch {
          return reject(new AddinError('sso_failed', 'the sign-in dialog sent an unreadable answer'));
        }
        if ('token' in answer && typeof answer.token === 'string' && answer.token) resolve({ token: answer.token, expiresOn: Number(answer.expiresOn) || 0 });
        else reject(new AddinError('sso_failed', 'error' in answer ? String(answer.error) : 'no token'));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
        const code = 'error' in event ? event.error : undefined;
        reject(code === DIALOG_CLOSED ? new AddinError('sso_cancelled', String(code)) : new AddinError('sso_failed', `dialog ${code}`));
      });
    });
  });
}

/** Tokens from the dialog, reused until TOKEN_MARGIN_MS before they expire; one dialog at a time. */
export function dialogTokens(ui: () => OfficeDialogUi | undefined, url: () => string, now: () => number = Date.now): () => Promise<string> {
  let held: { token: string; expiresOn: number } | undefined;
  let open: Promise<{ token: string; expiresOn: number }> | undefined;
  return async () => {
    if (held && held.expiresOn - TOKEN_MARGIN_MS > now()) return held.token;
    const dialogs = ui();
    if (typeof dialogs?.displayDialogAsync !== 'function') throw new AddinError('sso_unsupported', 'Office.context.ui.displayDialogAsync (DialogApi 1.1)');
    open ??= openSignInDialog(dialogs, url()).finally(() => (open = undefined));
    held = await open;
    return held.token;
  };
}

/** The pane's dialog sign-in: office.js's dialog API, the dialog page on the pane's own origin. */
export function officeDialogTokens(): () => Promise<string> {
  return dialogTokens(
    () => Office.context.ui,
    () => `${location.origin}${DIALOG_PATH}`,
  );
}
