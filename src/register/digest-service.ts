import { latestWeeklySlot, todayInBrussels, type WeeklySlot } from '../domain/brussels-time';
import { actionsForDigest, byFocusGroup, byOwner, DUE_SOON_DAYS, type DigestLine, digestLine } from '../domain/digest-rules';
import type { FocusGroup, LocalizedText } from '../domain/model';
import type { Language } from '../domain/vocabulary';
import type { Stored } from '../store/store';
import type { DeliveryOutcome } from './deliveries';
import type { Register } from './register-service';

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

/**
 * The weekly overdue-action digests: each owner of an open action past (or within three days of) its
 * due date gets one 1:1 message in their language, each focus group's channel one summary, at the
 * configured weekday and time (Brussels). Sent once per week and recipient even across restarts and
 * with several servers: each message is a delivery record taken as a lease before sending. A message
 * Teams refuses is retried later on its own; the others are not sent again.
 */
export class DigestService {
  sender?: DigestSender;

  constructor(
    private readonly register: Register,
    public settings: DigestSettings,
    private readonly defaultLanguage: () => Language,
  ) {}

  async run(now = this.register.clock.now()): Promise<DigestRun> {
    const run: DigestRun = { week: null, owners: {}, channels: {}, unreachable: 0 };
    const sender = this.sender;
    if (!sender || !this.settings.enabled) return run;
    const slot = latestWeeklySlot(now, this.settings);
    if (now.getTime() - slot.at.getTime() > MAX_LATENESS_MS) return run;
    run.week = slot.week;
    const today = todayInBrussels(now);
    const { store } = this.register;
    const actions = actionsForDigest(await this.register.actions.query({ open: true }), today, this.settings.dueSoonDays ?? DUE_SOON_DAYS);
    if (actions.length === 0) return run;
    const entries = await store.entries.list();
    const titleOf = new Map(entries.map((e) => [e.id, e.title]));
    const digestOf = (list: typeof actions, extra: Partial<Digest> = {}): Digest => ({
      week: slot.week,
      today,
      lines: list.map((a) => digestLine(a, today)),
      entryTitles: Object.fromEntries(list.filter((a) => a.entryId && titleOf.has(a.entryId)).map((a) => [a.entryId!, titleOf.get(a.entryId!)!])),
      ...extra,
    });
    const count = (into: DigestRun['owners'], outcome: DeliveryOutcome) => (into[outcome] = (into[outcome] ?? 0) + 1);

    const { owners, unreachable } = byOwner(actions);
    run.unreachable = unreachable.length;
    const deliveries = this.register.deliveries;
    for (const [id, owner] of owners) {
      const language = await this.languageOf(id);
      const outcome = await deliveries.once(`digest:${slot.week}:owner:${id}`, 'digest_owner', async () => {
        await sender.toOwner({ id, name: owner.name }, language, digestOf(owner.actions));
        return `${owner.name}: ${owner.actions.length} action(s) ${owner.actions.map((a) => `#${a.id}`).join(' ')}`;
      });
      count(run.owners, outcome);
    }
    const groups = await store.focusGroups.list();
    for (const [groupId, list] of byFocusGroup(actions, entries, groups)) {
      const group = groups.find((g) => g.id === groupId)!;
      const outcome = await deliveries.once(`digest:${slot.week}:channel:${groupId}`, 'digest_channel', async () => {
        await sender.toChannel(group, this.defaultLanguage(), digestOf(list, { unreachableOwners: list.filter((a) => !a.owner.id).length }));
        return `focus group ${groupId}: ${list.length} action(s)`;
      });
      count(run.channels, outcome);
    }
    return run;
  }

  /** The language of someone's Teams client when they last talked to the bot; the default otherwise. */
  private async languageOf(userId: string): Promise<Language> {
    const [person] = await this.register.store.people.list({ field: 'userId', equals: userId });
    return person?.language ?? this.defaultLanguage();
  }
}
