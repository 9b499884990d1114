import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

export const GRAPH_DEFAULT_SCOPES = ['https://graph.microsoft.com/.default'];

/** Where tokens come from; msal in production, a fake in tests (msal cannot reach Entra ID here). */
export interface TokenSource {
  appOnly(scopes: string[]): Promise<string>;
  onBehalfOf(userAssertion: string, scopes: string[]): Promise<string>;
}

/** The user has not (yet) consented, or must sign in again: the server answers 403 so the tab runs the consent pop-up. */
export class ConsentRequiredError extends Error {
  constructor(
    message: string,
    readonly errorCode: string,
  ) {
    super(message);
    this.name = 'ConsentRequiredError';
  }
}

export interface MsalTokenSourceOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com (the default) or a sovereign cloud's host. */
  authorityHost?: string;
}

export class MsalTokenSource implements TokenSource {
  private readonly app: ConfidentialClientApplication;

  constructor(options: MsalTokenSourceOptions) {
    const host = (options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    this.app = new ConfidentialClientApplication({
      auth: { clientId: options.clientId, clientSecret: options.clientSecret, authority: `${host}/${options.tenantId}` },
    });
  }

  async appOnly(scopes: string[]): Promise<string> {
    return tokenOf(await this.app.acquireTokenByClientCredential({ scopes }));
  }

  async onBehalfOf(userAssertion: string, scopes: string[]): Promise<string> {
    return tokenOf(await this.app.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes }));
  }
}

function tokenOf(result: { accessToken: string } | null): string {
  if (!result?.accessToken) throw new Error('Microsoft Entra ID returned no access token');
  return result.accessToken;
}

const CONSENT_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);

function consentCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errorCode, subError } = error as { errorCode?: unknown; subError?: unknown };
  if (typeof errorCode === 'string' && CONSENT_CODES.has(errorCode)) return errorCode;
  if (typeof subError === 'string' && CONSENT_CODES.has(subError)) return subError;
  return undefined;
}

export interface GraphIdentityOptions {
  /**
   * Call Graph on behalf of the signed-in user instead of as the app: the SSO token of the caller being served
   * (the server reads it from its request context), undefined when there is none. Off by default: the server,
   * which checks each caller's register role, is the lists' only writer (app-only, Sites.Selected on the one
   * site), so users need no SharePoint rights, which would also let them edit the lists behind the register's back.
   */
  onBehalfOf?: () => string | undefined;
}

/**
 * Graph tokens for the app itself (Sites.Selected), or, with `onBehalfOf`, for the caller being served
 * (on-behalf-of its SSO token) when there is one.
 */
export function createGraphAuthProvider(
  source: TokenSource,
  scopes: string[] = GRAPH_DEFAULT_SCOPES,
  options: GraphIdentityOptions = {},
): AuthenticationProvider {
  return {
    async getAccessToken() {
      const assertion = options.onBehalfOf?.();
      if (!assertion) return source.appOnly(scopes);
      try {
        return await source.onBehalfOf(assertion, scopes);
      } catch (error) {
        const code = consentCodeOf(error);
        if (code) throw new ConsentRequiredError("The user must consent to (or sign in again for) the register's access to SharePoint", code);
        throw error;
      }
    },
  };
}
