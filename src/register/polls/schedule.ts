import type { Poll, RosterMember } from '../../domain';
import { isPastLocalTime, localDate } from '../../domain';
import { isDueToOpen, isPastClosing, nonVoters, phaseOf } from '../../domain';
import type { Stored } from '../../store';
import type { DeliveryOutcome } from '../deliveries';
import type { ActorRef } from './managers';
import { type PollService, publishKeyOf } from './service';

export type ReminderOutcome = DeliveryOutcome | 'not_open' | 'no_roster' | 'everyone_voted' | 'not_posted' | 'no_bot';

export interface ReminderResult {
  outcome: ReminderOutcome;
  /** the roster members who have not voted (those a reminder mentions) */
  members: RosterMember[];
}

/**
 * Reminders and the timetable of polls. A reminder is one message in the poll's thread mentioning the
 * roster members who have not voted, never those who have; at most one per poll per Brussels day,
 * whether asked for or scheduled, across restarts and servers (a delivery record per poll and day).
 * A reminder Teams refuses is retried by a later sweep.
 */
export class PollSchedule {
  constructor(private readonly polls: PollService) {}

  /** A reminder on request, by one of the poll's managers. */
  async remind(pollId: string, by: ActorRef): Promise<ReminderResult> {
    const poll = await this.polls.get(pollId);
    await this.polls.requireManager(poll, by, 'send a reminder');
    return this.remindNow(poll);
  }

  private async remindNow(poll: Stored<Poll>): Promise<ReminderResult> {
    const now = this.polls.clock.now();
    if (phaseOf(poll, now) !== 'open') return { outcome: 'not_open', members: [] };
    if (!poll.roster) return { outcome: 'no_roster', members: [] };
    const members = nonVoters(poll, await this.polls.votes(poll.id, { fresh: true }));
    if (members.length === 0) return { outcome: 'everyone_voted', members };
    const publisher = this.polls.publisher;
    if (!publisher) return { outcome: 'no_bot', members };
    if (!poll.message) return { outcome: 'not_posted', members };
    const outcome = await this.polls.deliveries.once(`poll:${poll.id}:reminder:${localDate(now)}`, 'poll_reminder', async () => {
      await publisher.remind(poll, members);
      return `${members.length} reminded: ${members.map((m) => m.name).join(', ')}`;
    });
    return { outcome, members };
  }

  /**
   * One pass of the timetable: scheduled polls whose time came are opened and posted, polls past their
   * closing time are closed, daily reminders whose hour passed are sent, posts that failed are retried.
   * Returns what it did, for the log and the tests.
   */
  async sweep(): Promise<{ opened: number; closed: number; reminded: number; posted: number }> {
    const done = { opened: 0, closed: 0, reminded: 0, posted: 0 };
    const now = this.polls.clock.now();
    for (const stored of await this.polls.pending()) {
      if (isPastClosing(stored, now)) {
        if ((await this.polls.closeNow(stored)).closedNow) done.closed++;
        continue;
      }
      let poll = stored;
      if (isDueToOpen(poll, now)) {
        const opening = await this.polls.openDue(poll);
        poll = opening.poll;
        if (opening.openedNow) done.opened++;
      }
      if (poll.status !== 'open') continue;
      if (!poll.message && (await this.polls.deliveries.find(publishKeyOf(poll.id)))?.state === 'failed') {
        poll = await this.polls.publishIfDue(poll);
        if (poll.message) done.posted++;
      }
      if (poll.reminderTime && isPastLocalTime(now, poll.reminderTime) && (await this.remindNow(poll)).outcome === 'sent') done.reminded++;
    }
    return done;
  }
}
