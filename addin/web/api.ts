import { describeIssue } from '../../src/i18n';
import type { Language } from '../../src/i18n';
import { AddinError, type AddinErrorCode } from '../word';
import type { ApiErrorBody } from '../../src/domain';

/**
 * The task pane's calls to the register API. In tenant mode (AUTH_MODE=entra) every call first asks Office
 * for a fresh SSO token (Office.auth.getAccessToken, which Office caches and renews itself) and sends it as
 * `Authorization: Bearer`; the page never keeps a token. In local mode no token is asked for or sent.
 */

export type AuthMode = 'local' | 'entra';

/** What the server tells the page (a JSON block in taskpane.html); nothing secret. */
export interface PaneBoot {
  authMode: AuthMode;
}

/** What the server tells the sign-in dialog (auth-dialog.html), in tenant mode: the app registration's public ids. */
export interface DialogBoot {
  clientId: string;
  /** https://login.microsoftonline.com/<tenant id> */
  authority: string;
  /** the register API's scope: <Application ID URI>/access_as_user */
  scope: string;
}

/** The boot block's text to a boot config; anything unreadable is local mode (the server then needs no token). */
export function readPaneBoot(text: string | null | undefined): PaneBoot {
  try {
    const parsed = JSON.parse(text ?? '{}') as Partial<PaneBoot>;
    return { authMode: parsed.authMode === 'entra' ? 'entra' : 'local' };
  } catch {
    return { authMode: 'local' };
  }
}

/** The part of office.js's Office.auth (IdentityAPI 1.3) the pane uses. */
export interface OfficeAuthOptions {
  allowSignInPrompt?: boolean;
  allowConsentPrompt?: boolean;
  forMSGraphAccess?: boolean;
}
export interface OfficeAuth {
  getAccessToken(options?: OfficeAuthOptions): Promise<string>;
}

/** Office may show its sign-in and consent prompts: the pane cannot do anything without the user. */
export const SSO_OPTIONS: Readonly<OfficeAuthOptions> = Object.freeze({ allowSignInPrompt: true, allowConsentPrompt: true });

/**
 * getAccessToken's documented error codes ("Troubleshoot error messages for single sign-on") to the pane's
 * messages. There is no silent retry: a retry loop is what makes Office throttle (13013).
 */
export function ssoErrorCode(code: number): AddinErrorCode {
  switch (code) {
    case 13001: // not signed in to Office
      return 'sso_not_signed_in';
    case 13002: // the user cancelled sign-in or consent
      return 'sso_cancelled';
    case 13003: // not a work/school or Microsoft account (e.g. an on-premises domain account)
      return 'sso_account';
    case 13004: // invalid resource: the manifest's Resource does not match the add-in's domain
    case 13005: // invalid grant: Office not pre-authorised, or consent to profile missing/revoked
    case 13007: // Office could not get a token for the add-in's API (registration, consent, account type)
      return 'sso_configuration';
    case 13006: // client error (Office on the web): sign out, restart the browser session
      return 'sso_client_error';
    case 13008: // a previous getAccessToken has not finished
    case 13013: // called too often in a short time: throttled
      return 'sso_busy';
    case 13010: // Edge: Microsoft 365 and login.microsoftonline.com in different security zones
      return 'sso_browser_zones';
    case 13000: // this Office or this manifest does not support the API
    case 13012: // this platform does not support it (e.g. iPad, "Edit in Teams")
    case 50001: // office.js too old (or cached)
      return 'sso_unsupported';
    default:
      return 'sso_failed';
  }
}

/** An Office SSO rejection ({ code, message }) as the pane's error; the code stays in the detail for support. */
export function ssoError(error: unknown): AddinError {
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : Number.NaN;
  const message = (error as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' && message ? message : String(error);
  if (!Number.isFinite(code)) return new AddinError('sso_failed', text);
  const kind = ssoErrorCode(code);
  return new AddinError(kind, kind === 'sso_failed' ? `${code}: ${text}` : String(code));
}

/** Gives a fresh token for each call in tenant mode, undefined in local mode. */
export type TokenSource = () => Promise<string | undefined>;

function globalOffice(): { auth?: Partial<OfficeAuth> } | undefined {
  return (globalThis as { Office?: { auth?: Partial<OfficeAuth> } }).Office;
}

/**
 * The token for the register API. `inWord` says whether office.js reported the Word host: outside Word
 * there is no Office sign-in to ask. `office` is the Office global (read at each call). Where this Word
 * has no Office SSO (`sso_unsupported`), `fallback` signs in another way (dialog-sign-in.ts) from then on.
 */
export function officeTokenSource(
  boot: PaneBoot,
  inWord: () => boolean,
  office: () => { auth?: Partial<OfficeAuth> } | undefined = globalOffice,
  fallback?: () => Promise<string>,
): TokenSource {
  if (boot.authMode !== 'entra') return async () => undefined;
  let ssoUnavailable = false;
  const sso = async () => {
    const auth = office()?.auth;
    if (typeof auth?.getAccessToken !== 'function') throw new AddinError('sso_unsupported', 'Office.auth.getAccessToken (IdentityAPI 1.3)');
    try {
      return await auth.getAccessToken({ ...SSO_OPTIONS });
    } catch (error) {
      throw ssoError(error);
    }
  };
  return async () => {
    if (!inWord()) throw new AddinError('sso_outside_word', 'Office sign-in is only available inside Word');
    if (ssoUnavailable && fallback) return fallback();
    try {
      return await sso();
    } catch (error) {
      if (!fallback || !(error instanceof AddinError) || error.code !== 'sso_unsupported') throw error;
      try {
        const token = await fallback();
        ssoUnavailable = true;
        return token;
      } catch (fallbackError) {
        // no dialog either: the message names what this Word lacks first (its SSO error)
        if (fallbackError instanceof AddinError && fallbackError.code === 'sso_unsupported') throw error;
        ssoUnavailable = true;
        throw fallbackError;
      }
    }
  };
}

export interface PaneApi {
  getJson<T>(path: string): Promise<T>;
  /** a file (the annex .docx) with the name the server gives it */
  getFile(path: string): Promise<{ blob: Blob; fileName: string }>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `language`: the pane's language, in which a refused option is explained (from the catalogue, not the server's English). */
export function createPaneApi(getToken: TokenSource, fetchImpl: Fetch = (input, init) => fetch(input, init), language: () => Language = () => 'nl'): PaneApi {
  async function call(path: string, accept: string): Promise<Response> {
    const token = await getToken();
    const headers: Record<string, string> = { accept };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetchImpl(path, { headers, credentials: 'same-origin' });
    } catch (error) {
      throw new AddinError('register_unreachable', (error as Error).message || 'network error');
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
    if (response.status === 400) {
      throw new AddinError('invalid_options', (body.error?.issues ?? []).map((i) => describeIssue(language(), i)).join('; ') || 'bad request');
    }
    // signed in, but the register gave this person no role (an admin assigns Register.Reader or higher)
    if (response.status === 403 && body.error?.code === 'forbidden') throw new AddinError('no_role', body.error.message ?? 'HTTP 403');
    if (token && (response.status === 401 || response.status === 403)) {
      throw new AddinError('sign_in_refused', `HTTP ${response.status}${body.error?.message ? `: ${body.error.message}` : ''}`);
    }
    throw new AddinError('register_unreachable', `HTTP ${response.status}`);
  }
  return {
    async getJson<T>(path: string): Promise<T> {
      return (await (await call(path, 'application/json')).json()) as T;
    },
    async getFile(path: string) {
      const response = await call(path, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'synergy-annex.docx';
      return { blob: await response.blob(), fileName };
    },
  };
}
