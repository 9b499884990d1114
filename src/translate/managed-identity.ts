import { ManagedIdentityApplication } from '@azure/msal-node';

/** Azure AI services accept tokens for this resource (the client's scope is its `/.default`). */
const COGNITIVE_SERVICES = 'https://cognitiveservices.azure.com';

/** What the Translator client asks of a credential (the shape of @azure/core-auth's TokenCredential). */
export interface TokenSource {
  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/**
 * The web app's managed identity (system-assigned, or user-assigned by its client id) as a token source for
 * Translator, through MSAL's ManagedIdentityApplication, which finds the host's identity endpoint and caches the token.
 */
export function managedIdentityTokens(userAssignedClientId?: string): TokenSource {
  const app = new ManagedIdentityApplication(userAssignedClientId ? { managedIdentityIdParams: { userAssignedClientId } } : undefined);
  return {
    async getToken() {
      const result = await app.acquireToken({ resource: COGNITIVE_SERVICES });
      // MSAL always says when a managed identity token expires; a missing date is treated as already expired
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? 0 };
    },
  };
}
