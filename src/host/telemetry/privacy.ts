/**
 * What telemetry may say about a request: its route, status, duration and ids. Never who sent it (address,
 * browser) nor what a query string carried (search words, names): those attributes are dropped and URLs lose
 * their query before a span leaves the process.
 */

/** Attributes naming the caller: dropped. */
const CALLER_ATTRIBUTES = [
  'http.client_ip',
  'client.address',
  'client.port',
  'net.peer.ip',
  'net.sock.peer.addr',
  'network.peer.address',
  'network.peer.port',
  'http.user_agent',
  'user_agent.original',
  'enduser.id',
  'url.query',
];

/** Attributes holding a URL or a request target: kept without their query string. */
const URL_ATTRIBUTES = ['http.url', 'url.full', 'http.target'];

export function withoutQuery(value: string): string {
  const at = value.search(/[?#]/);
  return at < 0 ? value : value.slice(0, at);
}

/** Removes personal data from a span's attributes in place (a span processor calls it as the span ends). */
export function scrubAttributes(attributes: Record<string, unknown>): void {
  for (const name of CALLER_ATTRIBUTES) delete attributes[name];
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value === 'string') attributes[name] = withoutQuery(value);
  }
}

/** The span processor Azure Monitor runs before exporting (its documented way to filter or change spans). */
export const privacySpanProcessor = {
  onStart(): void {},
  onEnd(span: { attributes: Record<string, unknown> }): void {
    scrubAttributes(span.attributes);
  },
  forceFlush: (): Promise<void> => Promise.resolve(),
  shutdown: (): Promise<void> => Promise.resolve(),
};
