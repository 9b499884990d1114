import { latestWeeklySlot, todayInBrussels, type WeeklySlot } from '../domain';
import { actionsForDigest, byFocusGroup, byOwner, DUE_SOON_DAYS, type DigestLine, digestLine } from '../domain';
import type { FocusGroup, LocalizedText } from '../domain';
import type { Language } from '../domain';
import type { Stored } from '../store';
import type { DeliveryOutcome } from './deliveries';
import type { Register } from './register-service';
import type { PortSlots } from './ports';

export interface DigestSettings extends WeeklySlot {
  enabled: boolean;
  /** actions due within this many days are named too (besides the overdue ones) */
  dueSoonDays?: number;
}

/** What one message tells: the week it is for, the actions, and the titles of their entries. */
export interface Digest {
  week: string;
  today: string;
  lines: DigestLine[];
  entryTitles: Record<string, LocalizedText>;
  /** channel summaries: how many of the actions have an owner the bot cannot write to */
  unreachableOwners?: number;
}

/** The port through which digests reach people (the Teams bot implements it); throws when Teams refuses. */
export interface DigestSender {
  toOwner(owner: { id: string; name: string }, language: Language, digest: Digest): Promise<void>;
  toChannel(group: Stored<FocusGroup>, language: Language, digest: Digest): Promise<void>;
}

export interface DigestRun {
  week: string | null;
  owners: Partial<Record<DeliveryOutcome, number>>;
  channels: Partial<Record<DeliveryOutcome, number>>;
  /** actions in the digest whose owner has no Entra id */
  unreachable: number;
}

/** Mondays at 08:00 Brussels time, unless configured otherwise. */
export const DEFAULT_DIGESTS: DigestSettings = { enabled: true, weekday: 1, time: '08:00' };

/** A slot missed by more than this (the server was down all day) waits for next week. */
const MAX_LATENESS_MS = 24 * 3_600_000;

/** One message a digest run sends: to an owner (1:1) or to a focus group's channel. */
export type DigestMessage =
  | { to: 'owner'; owner: { id: string; name: string }; language: Language; digest: Digest }
  | { to: 'channel'; group: Stored<FocusGroup>; language: Language; digest: Digest };

/** What a run would send at a moment: the messages, and the actions whose owner cannot be written to. */
export interface DigestPlan {
  today: string;
  messages: DigestMessage[];
  unreachable: number;
}

/**
 * The weekly overdue-action digests: each owner of an open action past (or within three days of) its
 * due date gets one 1:1 message in their language, each focus group's channel one summary, at the
 * configured weekday and time (Brussels). Sent once per week and recipient even across restarts and
 * with several servers: each message is a delivery record taken as a lease before sending. A message
 * Teams refuses is logged and retried later on its own; the others are not sent again. A secretary may
 * see what would go out (preview) and send it at once (sendNow: once per recipient and Brussels day).
 */
export class DigestService {
  constructor(
    private readonly register: Register,
    public settings: DigestSettings,
    private readonly defaultLanguage: () => Language,
    private readonly ports: PortSlots,
  ) {}

  /** Who sends the digests (the bot, when it runs on this server). */
  get sender(): DigestSender | undefined {
    return this.ports.digestSender;
  }

  /** The messages a run would send at `now`, sending nothing. */
  async preview(now = this.register.clock.now()): Promise<DigestPlan> {
    const today = todayInBrussels(now);
    const { store } = this.register;
    const actions = actionsForDigest(await this.register.actions.query({ open: true }), today, this.settings.dueSoonDays ?? DUE_SOON_DAYS);
    if (actions.length === 0) return { today, messages: [], unreachable: 0 };
    const entries = await store.entries.list();
    const titleOf = new Map(entries.map((e) => [e.id, e.title]));
    const week = latestWeeklySlot(now, this.settings).week;
    const digestOf = (list: typeof actions, extra: Partial<Digest> = {}): Digest => ({
      week,
      today,
      lines: list.map((a) => digestLine(a, today)),
      entryTitles: Object.fromEntries(list.filter((a) => a.entryId && titleOf.has(a.entryId)).map((a) => [a.entryId!, titleOf.get(a.entryId!)!])),
      ...extra,
    });
    const messages: DigestMessage[] = [];
    const { owners, unreachable } = byOwner(actions);
    for (const [id, owner] of owners)
      messages.push({ to: 'owner', owner: { id, name: owner.name }, language: await this.languageOf(id), digest: digestOf(owner.actions) });
    const groups = await store.focusGroups.list();
    for (const [groupId, list] of byFocusGroup(actions, entries, groups)) {
      const group = groups.find((g) => g.id === groupId)!;
      messages.push({
        to: 'channel',
        group,
        language: this.defaultLanguage(),
        digest: digestOf(list, { unreachableOwners: list.filter((a) => !a.owner.id).length }),
      });
    }
    return { today, messages, unreachable: unreachable.length };
  }

  /** The weekly run: at the configured slot, each message once per week. */
  async run(now = this.register.clock.now()): Promise<DigestRun> {
    const run: DigestRun = { week: null, owners: {}, channels: {}, unreachable: 0 };
    if (!this.sender || !this.settings.enabled) return run;
    const slot = latestWeeklySlot(now, this.settings);
    if (now.getTime() - slot.at.getTime() > MAX_LATENESS_MS) return run;
    run.week = slot.week;
    return this.send(await this.preview(now), `digest:${slot.week}`, run);
  }

  /** Sends the digest now, whatever the weekly slot: each message at most once per recipient and Brussels day. */
  async sendNow(now = this.register.clock.now()): Promise<DigestRun> {
    const run: DigestRun = { week: latestWeeklySlot(now, this.settings).week, owners: {}, channels: {}, unreachable: 0 };
    if (!this.sender) return run;
    return this.send(await this.preview(now), `digest:now:${todayInBrussels(now)}`, run);
  }

  private async send(plan: DigestPlan, keyPrefix: string, run: DigestRun): Promise<DigestRun> {
    const sender = this.sender!;
    run.unreachable = plan.unreachable;
    const count = (into: DigestRun['owners'], outcome: DeliveryOutcome) => (into[outcome] = (into[outcome] ?? 0) + 1);
    for (const message of plan.messages) {
      const ids = message.digest.lines.map((l) => `#${l.actionId}`).join(' ');
      const [key, kind, who] =
        message.to === 'owner'
          ? ([`${keyPrefix}:owner:${message.owner.id}`, 'digest_owner', message.owner.name] as const)
          : ([`${keyPrefix}:channel:${message.group.id}`, 'digest_channel', `focus group ${message.group.id}`] as const);
      const outcome = await this.register.deliveries.once(key, kind, async () => {
        try {
          if (message.to === 'owner') await sender.toOwner(message.owner, message.language, message.digest);
          else await sender.toChannel(message.group, message.language, message.digest);
        } catch (error) {
          this.ports.onError(`the digest for ${who} (${key}) was not delivered; it is tried again later`, error);
          throw error;
        }
        return `${who}: ${message.digest.lines.length} action(s) ${ids}`;
      });
      count(message.to === 'owner' ? run.owners : run.channels, outcome);
    }
    return run;
  }

  /** The language of someone's Teams client when they last talked to the bot; the default otherwise. */
  private async languageOf(userId: string): Promise<Language> {
    const [person] = await this.register.store.people.list({ field: 'userId', equals: userId });
    return person?.language ?? this.defaultLanguage();
  }
}
