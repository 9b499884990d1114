import { GraphError } from '@microsoft/microsoft-graph-client';
import { StoreUnavailableError } from '../errors';
import { graphErrorBody } from './wire';

/** What any failed Graph call boils down to, whether it came as a top-level error or an inner batch response. */
export interface GraphFailure {
  status: number;
  code: string;
  message: string;
}

export function failureFromBody(status: number, body: unknown): GraphFailure {
  const parsed = graphErrorBody.safeParse(typeof body === 'string' ? safeJson(body) : body);
  return parsed.success
    ? { status, code: parsed.data.error.code, message: parsed.data.error.message }
    : { status, code: '', message: typeof body === 'string' ? body : '' };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A unique column refused a value. Graph documents no one status for it: SharePoint answers 409, and also 400 or
 * 500 whose message says "duplicate values" (SPDuplicateValuesFoundException).
 */
export function isDuplicateValue(failure: GraphFailure): boolean {
  if (failure.status === 409 && failure.code !== 'resourceModified') return true;
  return (failure.status === 400 || failure.status === 500) && /duplicate value/i.test(failure.message);
}

export function failureOf(error: unknown): GraphFailure | undefined {
  if (!(error instanceof GraphError)) return undefined;
  return { status: error.statusCode, code: error.code ?? '', message: error.message };
}

/** The advice people need for each refusal; the store is only ever used against one site. */
function adviceFor(failure: GraphFailure, siteId: string): string {
  switch (failure.status) {
    case -1:
    case 0:
      return 'Microsoft Graph could not be reached; check the network and the Graph base URL';
    case 401:
      return 'the access token was rejected; check the app registration (client id, secret, tenant)';
    case 403:
      return `the app lacks the Sites.Selected grant on site ${siteId} (write for items, manage to create lists and columns)`;
    case 429:
    case 503:
    case 504:
      return 'SharePoint is throttling or unavailable and kept refusing after the retries; try again in a few minutes';
    default:
      return failure.status >= 500 ? 'SharePoint failed; try again later' : `the request was not accepted on site ${siteId}`;
  }
}

/** Anything we do not answer precisely: a readable message, never a stack. */
export function unavailable(failure: GraphFailure, siteId: string, what: string): StoreUnavailableError {
  const code = failure.code ? ` ${failure.code}` : '';
  const detail = failure.message ? ` (${failure.message})` : '';
  return new StoreUnavailableError(
    `SharePoint refused ${what} (${failure.status}${code}): ${adviceFor(failure, siteId)}${detail}`,
    failure.status,
    failure.code || undefined,
  );
}
