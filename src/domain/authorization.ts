import { DECISION_BODIES, type DecisionBody } from './vocabulary';
import { CatalogueError } from './errors';

/**
 * Who may do what in the register: the one policy the API, the tab, the bot and the Word add-in apply.
 *
 * Roles come from Entra ID app roles (the `roles` claim of the caller's token); each role includes the ones
 * below it. The app registration declares one app role per role, with the values in APP_ROLE_VALUES, for users
 * and for applications (an app-only token is refused unless it carries one of them).
 */

export const ROLES = ['reader', 'editor', 'secretary', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The `value` of each app role in the app registration (Agents Toolkit: the Entra manifest's appRoles). */
export const APP_ROLE_VALUES: Readonly<Record<Role, string>> = {
  reader: 'Register.Reader',
  editor: 'Register.Editor',
  secretary: 'Register.Secretary',
  admin: 'Register.Admin',
};

/** Each capability and the least role that has it. */
export const CAPABILITIES = {
  /** see the register, actions, meetings, focus groups, polls, history, the annex */
  read: 'reader',
  /** cast or change one's own ballot in a poll */
  vote: 'reader',
  /** create and edit entries, actions, meetings and focus groups (not their channel) */
  edit: 'editor',
  /** start and close polls; a poll's advisory outcome becomes a focus-group decision */
  poll: 'editor',
  /** record a decision of a council body (College, Vast Bureau, councils, committees) */
  decide: 'secretary',
  /** delete entries, actions, meetings, focus groups */
  delete: 'secretary',
  /** restore an earlier version of an entry, or a deleted entry */
  restore: 'secretary',
  /** the yearly report and its section template */
  template: 'secretary',
  /** close a report year (roll-over) */
  rollOver: 'secretary',
  /** import a report or a spreadsheet into the register */
  import: 'secretary',
  /** see what the weekly action digest would send, and send it at once */
  digests: 'secretary',
  /** the glossary and the monthly character budget of translation suggestions */
  translation: 'secretary',
  /** bind focus groups to Teams channels */
  channels: 'admin',
  /** the app's settings */
  settings: 'admin',
} as const satisfies Record<string, Role>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

const RANK: Record<Role, number> = { reader: 1, editor: 2, secretary: 3, admin: 4 };

/** Why the caller may not do something: each has its own wording in the error catalogue (errors.forbidden_<reason>). */
export type ForbiddenReason = 'no_role' | 'role_needed' | 'poll_manager' | 'sealed';

/** The caller may not do this; `capability` names what was missing. */
export class ForbiddenError extends CatalogueError {
  readonly code = 'forbidden';
  constructor(
    message: string,
    readonly capability?: Capability,
    readonly reason: ForbiddenReason = 'role_needed',
    private readonly values: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
  override messageKey() {
    return `forbidden_${this.reason}`;
  }
  override params() {
    return this.values;
  }
  override details() {
    return this.capability ? { capability: this.capability } : {};
  }
}

/** The highest of the roles (they nest), or undefined for none. */
export function highestRole(roles: readonly Role[]): Role | undefined {
  let best: Role | undefined;
  for (const role of roles) if (!best || RANK[role] > RANK[best]) best = role;
  return best;
}

export function can(roles: readonly Role[], capability: Capability): boolean {
  const top = highestRole(roles);
  return top !== undefined && RANK[top] >= RANK[CAPABILITIES[capability]];
}

/** Every capability with whether the roles grant it: what /api/me tells the surfaces to show or hide. */
export function capabilitiesOf(roles: readonly Role[]): Record<Capability, boolean> {
  return Object.fromEntries(CAPABILITY_NAMES.map((c) => [c, can(roles, c)])) as Record<Capability, boolean>;
}

export function requireCapability(roles: readonly Role[], capability: Capability): void {
  if (!can(roles, capability)) {
    const needed = CAPABILITIES[capability];
    const yours = highestRole(roles);
    throw yours
      ? new ForbiddenError(`This needs the ${needed} role (${APP_ROLE_VALUES[needed]}); you are ${yours}`, capability, 'role_needed', {
          needed: APP_ROLE_VALUES[needed],
          yours: APP_ROLE_VALUES[yours],
        })
      : new ForbiddenError(
          `You have no role in the register; ask your administrator to assign you one (${APP_ROLE_VALUES.reader} or higher)`,
          capability,
          'no_role',
          {
            needed: APP_ROLE_VALUES.reader,
          },
        );
  }
}

/** Only the focus group's advisory outcome (a poll's) is an editor's to record; every other body's is the secretary's. */
export function capabilityToRecordDecision(body: DecisionBody | string | undefined): Capability {
  return body === 'focus_group' ? 'poll' : 'decide';
}

/**
 * A meeting's decisions are its body's, so recording them follows the entry's rule (capabilityToRecordDecision):
 * a consultation committee's or steering group's are the secretary's, a focus group's the editor's, whichever
 * route records them. A meeting without decisions, or of a body that decides nothing for the register
 * (technical, working group, external…), is an editor's to keep.
 */
export function capabilityToRecordMeeting(meeting: unknown): Capability {
  const { body, decisions } = asObject(meeting) as { body?: unknown; decisions?: unknown };
  const decides = Array.isArray(decisions) && decisions.length > 0 && typeof body === 'string' && Object.hasOwn(DECISION_BODIES, body);
  return decides ? capabilityToRecordDecision(body) : 'edit';
}

/**
 * Creating a meeting (`stored` undefined) or changing one: a change that touches its decisions or its body needs
 * what the meeting asks before and after it (so an editor can neither add a committee's decisions nor erase
 * them); any other change is an editor's.
 */
export function capabilityToChangeMeeting(stored: unknown, changes: unknown): Capability {
  const touched = asObject(changes);
  if (!Object.hasOwn(touched, 'decisions') && !Object.hasOwn(touched, 'body')) return 'edit';
  const before = capabilityToRecordMeeting(stored);
  const after = capabilityToRecordMeeting({ ...asObject(stored), ...touched });
  return RANK[CAPABILITIES[before]] > RANK[CAPABILITIES[after]] ? before : after;
}

function asObject(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : {};
}

/** The register's roles named by a token's `roles` claim; unknown values (other apps' roles) are ignored. */
export function rolesFromClaim(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : typeof claim === 'string' ? [claim] : [];
  return ROLES.filter((role) => values.some((v) => v.toLowerCase() === APP_ROLE_VALUES[role].toLowerCase()));
}

export type TokenKind = 'user' | 'app';

/**
 * A delegated (user) token carries `scp`; an app-only token does not (and says `idtyp: app` when the optional
 * claim is configured). Either way only the register's app roles in `roles` grant anything.
 */
export function tokenKindOf(claims: { scp?: unknown; idtyp?: unknown }): TokenKind {
  if (claims.idtyp === 'app') return 'app';
  return typeof claims.scp === 'string' && claims.scp.trim() !== '' ? 'user' : 'app';
}
