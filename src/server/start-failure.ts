import type { AppConfig } from '../host';

/** The error and its causes, outermost first (a store wraps what the SDKs threw). */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at = error; at !== undefined && at !== null && chain.length < 8; at = (at as { cause?: unknown }).cause) chain.push(at);
  return chain;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 200);
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One line for a start that failed on a service outside this process (Entra ID's token endpoint, Microsoft
 * Graph): the service, its host and the settings that point there, without a stack trace. Undefined for any
 * other failure (a bug: the caller prints its stack).
 */
export function startFailureLine(error: unknown, config: AppConfig): string | undefined {
  const chain = chainOf(error);
  // MSAL's errors carry an errorCode (network_error, endpoints_resolution_error, invalid_client, …)
  const msal = chain.find((e) => typeof (e as { errorCode?: unknown })?.errorCode === 'string') as { errorCode: string } | undefined;
  if (msal) {
    const host = new URL(config.entra.authorityHost).host;
    return (
      `no token from Microsoft Entra ID at ${host} for tenant ${config.entra.tenantId ?? '?'} and app ${config.entra.clientId ?? '?'} ` +
      `(${msal.errorCode}: ${firstLine(msal)}); check AUTHORITY_HOST, TENANT_ID, CLIENT_ID and CLIENT_SECRET`
    );
  }
  if (config.store.kind !== 'graph') return undefined;
  const network = chain.find((e) => NETWORK_CODES.has(String((e as { code?: unknown })?.code)));
  const store = chain.find((e) => e instanceof Error && /^(StoreUnavailableError|GraphCallError|GraphClientError)$/.test(e.name)) as
    (Error & { status?: number }) | undefined;
  const fetchFailed = chain.find((e) => e instanceof TypeError && /fetch failed/.test(e.message));
  const cause = store ?? network ?? fetchFailed;
  if (!cause) return undefined;
  const host = new URL(config.store.baseUrl).host;
  // the store says -1 (or nothing) when no HTTP answer came at all
  const unreachable = network !== undefined || fetchFailed !== undefined || !store?.status || store.status < 0;
  const detail = network ? String((network as { code: string }).code) : firstLine(cause);
  return (
    `Microsoft Graph at ${host} ${unreachable ? 'could not be reached' : 'refused'} while opening the register's lists on site ${config.store.siteId} ` +
    `(${detail}); check GRAPH_BASE_URL, GRAPH_SITE_ID and the app's permission on the site`
  );
}
