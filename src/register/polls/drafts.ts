import * as model from '../../domain';
import type { PersonRef, Poll, RosterMember } from '../../domain';
import { recordsDecision } from '../../domain';
import { checkPollDraft, optionsFromLabels } from '../../domain';
import type { Language } from '../../domain';
import type { RegisterStore, Stored } from '../../store';
import { type FieldIssue, fieldIssue, ValidationError } from '../errors';
import type { PollPublisher } from './publisher';
import { type ParsedPollRequest, pollRequest } from './request';
import type { Clock } from '../register-service';

/** Who starts a poll: `id` is the Entra object id; `teamsId` the Teams user id when started in Teams. */
export type Creator = PersonRef & { teamsId?: string };

/**
 * A poll stored by an earlier version gets the fields added since when it is next written: the default
 * language, a request key of its own (the unique column must not see two empty keys), the new settings' defaults.
 */
export function upgradedPoll(value: Poll, id: string, defaultLanguage: Language): Poll {
  const stored = value as Partial<Poll>;
  return model.poll.parse({ ...value, language: stored.language ?? defaultLanguage, requestKey: stored.requestKey || `poll:${id}` });
}

/** The request for a new poll with an earlier one's question, options and settings (and its roster). */
export function duplicateRequestOf(source: Poll, changes: Partial<ParsedPollRequest>): Record<string, unknown> {
  return {
    focusGroupId: source.focusGroupId,
    entryId: source.entryId,
    question: source.question,
    options: source.options.map((o) => o.label),
    multipleChoice: source.multipleChoice,
    anonymous: source.anonymous,
    sealed: source.sealed,
    roster: source.roster,
    quorum: source.quorum,
    reminderTime: source.reminderTime,
    ...(source.recordDecision !== undefined ? { recordDecision: source.recordDecision } : {}),
    language: source.language,
    ...changes,
  };
}

/** Turns a poll request into the poll to store: validated, options numbered, roster fixed, scheduled or open. */
export class PollDrafts {
  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
  ) {}

  async build(
    input: unknown,
    by: Creator,
    requestKey: string,
    defaultLanguage: Language,
    publisher: PollPublisher | undefined,
  ): Promise<{ poll: Poll; rosterSkipped: string[] }> {
    const parsed = pollRequest.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const req = parsed.data;
    const now = this.clock.now();
    const options = optionsFromLabels(req.options);
    const group = await this.store.focusGroups.get(req.focusGroupId);
    const problems: FieldIssue[] = [];
    if (!group) problems.push(fieldIssue('focusGroupId', 'focus_group_missing', { id: req.focusGroupId }));
    if (req.entryId && !(await this.store.entries.get(req.entryId))) problems.push(fieldIssue('entryId', 'entry_missing', { id: req.entryId }));
    const { roster, skipped } = group ? await this.rosterOf(req.roster, group, publisher) : { roster: null, skipped: [] };
    problems.push(
      ...checkPollDraft({ options, closesAt: req.closesAt, opensAt: req.opensAt, roster, quorum: req.quorum, reminderTime: req.reminderTime }, now),
    );
    if (problems.length) throw new ValidationError(problems);
    const scheduled = req.opensAt !== null && Date.parse(req.opensAt) > now.getTime();
    const poll = model.poll.parse({
      focusGroupId: req.focusGroupId,
      entryId: req.entryId,
      question: req.question,
      options,
      multipleChoice: req.multipleChoice,
      anonymous: req.anonymous,
      sealed: req.sealed,
      opensAt: req.opensAt,
      closesAt: req.closesAt,
      status: scheduled ? 'scheduled' : 'open',
      roster,
      quorum: req.quorum,
      reminderTime: req.reminderTime,
      recordDecision: req.recordDecision ?? recordsDecision({ options, multipleChoice: req.multipleChoice }),
      createdBy: { name: by.name, ...(by.id ? { id: by.id } : {}), ...(by.email ? { email: by.email } : {}) },
      ...(by.teamsId ? { creatorTeamsId: by.teamsId } : {}),
      createdAt: now.toISOString(),
      closedAt: null,
      message: null,
      language: req.language ?? defaultLanguage,
      requestKey,
    });
    return { poll, rosterSkipped: skipped };
  }

  /** The roster a request asks for, fixed now: named people, the group's members with an Entra id, or its channel's members. */
  private async rosterOf(
    spec: ParsedPollRequest['roster'],
    group: Stored<model.FocusGroup>,
    publisher: PollPublisher | undefined,
  ): Promise<{ roster: RosterMember[] | null; skipped: string[] }> {
    if (spec === null) return { roster: null, skipped: [] };
    if (Array.isArray(spec)) return { roster: spec, skipped: [] };
    if (spec === 'focusGroup') {
      return {
        roster: group.members.filter((m) => m.id).map((m) => ({ id: m.id!, name: m.name })),
        skipped: group.members.filter((m) => !m.id).map((m) => m.name),
      };
    }
    if (!group.channel) throw new ValidationError([fieldIssue('roster', 'roster_no_channel')]);
    if (!publisher) throw new ValidationError([fieldIssue('roster', 'roster_no_bot')]);
    try {
      return { roster: await publisher.channelMembers(group), skipped: [] };
    } catch (error) {
      throw new ValidationError([fieldIssue('roster', 'roster_unreadable', { message: (error as Error).message })]);
    }
  }
}
