import type { Poll } from '../../domain';
import { chairIdsOf, mayManage } from '../../domain';
import type { RegisterStore } from '../../store';
import { ForbiddenError, highestRole, type Role } from '../../domain';

/** Who acts on a poll: their Entra object id and, when the surface knows them, their register roles. */
export interface PollActor {
  id: string;
  roles?: readonly Role[];
}

/** A person id alone (no roles known) or a PollActor. */
export type ActorRef = string | PollActor;

export function actorOf(actor: ActorRef): PollActor {
  return typeof actor === 'string' ? { id: actor } : actor;
}

/** The secretariat oversees every focus group's polls (it closes one when the chair is away). */
const OVERSEERS: readonly Role[] = ['secretary', 'admin'];

/** Who manages a poll (closes it, sees who has not voted, reminds): its creator, its focus group's chairs, a secretary or an admin. */
export class PollManagers {
  constructor(private readonly store: RegisterStore) {}

  /** `cached`: the focus group's chairs may come from the read cache (to show buttons; a use is checked fresh). */
  async may(poll: Poll, actor: ActorRef, options: { cached?: boolean } = {}): Promise<boolean> {
    const { id, roles = [] } = actorOf(actor);
    const top = highestRole(roles);
    if (top && OVERSEERS.includes(top)) return true;
    if (mayManage(poll, [], id)) return true;
    return mayManage(poll, chairIdsOf(await this.store.focusGroups.get(poll.focusGroupId, options)), id);
  }

  async require(poll: Poll, actor: ActorRef, what: string): Promise<void> {
    if (!(await this.may(poll, actor)))
      throw new ForbiddenError(`Only the person who started the poll, a chair of its focus group or a secretary can ${what}`, 'poll', 'poll_manager');
  }
}
