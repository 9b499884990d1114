/**
 * The one home of the links into the register's tab: what a bot card, the channel configuration page and the
 * tab itself write and read. A place in the tab is a `TabTarget`; Teams carries it as the personal tab's
 * `subEntityId` ("12", "poll:3", "changes:2026:2025") and a channel tab's `entityId` ("fg-<focus group>"); a
 * browser carries it as `?entry=12`, `?poll=3` or the hash.
 */
export type TabTarget = { view: 'entry'; id: string } | { view: 'poll'; id: string } | { view: 'changes'; to: number; from: number };

/** The personal tab's entity id in the app manifest (staticTabs). */
export const REGISTER_TAB_ENTITY = 'register';

export function subEntityIdOf(target: TabTarget): string {
  if (target.view === 'poll') return `poll:${target.id}`;
  if (target.view === 'changes') return `changes:${target.to}:${target.from}`;
  return target.id;
}

/** Where a Teams deep link's subEntityId, or the browser's `?entry=` / `?poll=`, points in the tab. */
export function parseDeepLink(subEntityId: string | undefined, search: URLSearchParams = new URLSearchParams()): TabTarget | undefined {
  const sub = subEntityId ?? '';
  const changes = /^changes:(\d{4}):(\d{4})$/.exec(sub);
  if (changes) return { view: 'changes', to: Number(changes[1]), from: Number(changes[2]) };
  const poll = search.get('poll') ?? (sub.startsWith('poll:') ? sub.slice('poll:'.length) : null);
  if (poll) return { view: 'poll', id: poll };
  const entry = search.get('entry') ?? (sub && !sub.includes(':') ? sub : null);
  if (entry) return { view: 'entry', id: entry };
  return undefined;
}

/** The tab's own route (its hash) for a target. */
export function tabHashOf(target: TabTarget): string {
  if (target.view === 'changes') return `#/changes?to=${target.to}&from=${target.from}`;
  return `#/${target.view}/${encodeURIComponent(target.id)}`;
}

/** The tab in a browser, opened on a target. */
export function browserTabUrl(publicUrl: string, target: TabTarget): string {
  const base = `${publicUrl.replace(/\/$/, '')}/tab`;
  if (target.view === 'changes') return `${base}${tabHashOf(target)}`;
  return `${base}?${target.view}=${encodeURIComponent(target.id)}`;
}

/**
 * The Teams deep link to the register's personal tab opened on a target:
 * https://teams.microsoft.com/l/entity/{appId}/register?webUrl=…&label=…&context={"subEntityId":"12"}
 */
export function teamsDeepLink(teamsAppId: string, publicUrl: string, target: TabTarget, label: string): string {
  const context = JSON.stringify({ subEntityId: subEntityIdOf(target) });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${REGISTER_TAB_ENTITY}` +
    `?webUrl=${encodeURIComponent(browserTabUrl(publicUrl, target))}&label=${encodeURIComponent(label.slice(0, 100))}&context=${encodeURIComponent(context)}`
  );
}

/** A channel tab bound to a focus group carries the group in its entity id. */
export function focusGroupEntityId(focusGroupId: string): string {
  return `fg-${focusGroupId}`;
}

export function focusGroupOfEntityId(entityId: string | undefined): string | undefined {
  return entityId?.match(/^fg-(.+)$/)?.[1];
}
