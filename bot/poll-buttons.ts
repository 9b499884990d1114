import { parseLocalDateTime } from '../src/domain';
import { parseChoiceValue } from '../src/domain';
import type { Capability } from '../src/domain';
import { ValidationError } from '../src/register';
import { BallotRejectedError, ForbiddenError } from '../src/register/polls';
import type { Poll } from '../src/domain';
import type { Stored } from '../src/store';
import { POLL_CLOSE_VERB, POLL_CREATE_VERB, POLL_NOT_VOTED_VERB, POLL_REFRESH_VERB, POLL_REMIND_VERB, POLL_RUN_AGAIN_VERB, POLL_VOTE_VERB } from './cards';
import { formValuesOf, type PollFormValues, pollFormCard } from './cards';
import type { CardActionHandler } from './commands';
import type { BotContext } from './context';
import type { MessageKey } from './i18n';
import { activityRequestKey, type ActionResult, baseConversationId, type Turn } from './turn';

/**
 * The buttons on a poll's card. Each answers with the person's own view of the poll (their ballot, their
 * buttons) and a line saying what happened or what was wrong; the register's poll service decides.
 */

/** The poll a button is about, and the person's turn in the language their own view of it is in (PollCards.viewerTurn). */
async function withPoll(
  clientTurn: Turn,
  data: Record<string, unknown>,
  bot: BotContext,
  act: (poll: Stored<Poll>, turn: Turn) => Promise<ActionResult>,
): Promise<ActionResult> {
  const pollId = typeof data.pollId === 'string' ? data.pollId : typeof data.pollId === 'number' ? String(data.pollId) : '';
  if (!pollId) return { error: { status: 400, code: 'bad_request', message: 'pollId is missing' } };
  const poll = await bot.register.polls.get(pollId);
  const turn = bot.cards.viewerTurn(poll, clientTurn, data.own === true);
  try {
    return await act(poll, turn);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    const current = await bot.register.polls.get(pollId);
    return {
      card: await bot.cards.personal(current, turn, { notice: { text: turn.t('error.notManager', { name: current.createdBy.name }), color: 'Attention' } }),
    };
  }
}

const REMINDER_NOTICES: Record<string, { key: MessageKey; color: 'Good' | 'Attention' | 'Accent' }> = {
  sent: { key: 'poll.reminded', color: 'Good' },
  already_sent: { key: 'poll.remindedAlready', color: 'Accent' },
  busy: { key: 'poll.remindedAlready', color: 'Accent' },
  everyone_voted: { key: 'poll.everyoneVoted', color: 'Good' },
  not_open: { key: 'poll.remindNotOpen', color: 'Attention' },
  no_roster: { key: 'poll.remindNoRoster', color: 'Attention' },
  not_posted: { key: 'poll.remindNotPosted', color: 'Attention' },
  no_bot: { key: 'poll.remindNotPosted', color: 'Attention' },
  failed: { key: 'poll.remindFailed', color: 'Attention' },
  gave_up: { key: 'poll.remindFailed', color: 'Attention' },
};

/**
 * A vote: the poll read once (here) and the ballot written once. Once the ballot is stored the answer says so,
 * even if the card cannot be drawn right now (a busy SharePoint): a stored vote is never reported as failed.
 */
const vote: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => {
    let result;
    try {
      result = await bot.register.polls.vote(poll, { id: turn.user.id, name: turn.user.name, teamsId: turn.user.teamsId }, parseChoiceValue(data.choice));
    } catch (error) {
      if (!(error instanceof BallotRejectedError)) throw error;
      return { card: await bot.cards.personal(poll, turn, { notice: { text: turn.t(`error.ballot.${error.problem}` as MessageKey), color: 'Attention' } }) };
    }
    try {
      return { card: await bot.cards.personal(result.poll, turn, { notice: { text: turn.t('poll.voted'), color: 'Good' } }) };
    } catch {
      return { text: turn.t('poll.votedNoCard') };
    }
  });

const refresh: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => ({ card: await bot.cards.personal(poll, turn) }));

const close: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => {
    const result = await bot.register.polls.close(poll.id, turn.user);
    return { card: await bot.cards.personal(result.poll, turn, { fresh: true }) };
  });

const notVoted: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => {
    const { poll: current, members } = await bot.register.polls.nonVoters(poll.id, turn.user);
    return { card: await bot.cards.personal(current, turn, { notVoted: members.map((m) => m.name) }) };
  });

const remind: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => {
    const result = await bot.register.pollSchedule.remind(poll.id, turn.user);
    const notice = REMINDER_NOTICES[result.outcome];
    return {
      card: await bot.cards.personal(await bot.register.polls.get(poll.id), turn, {
        notice: { text: turn.t(notice.key, { count: result.members.length }), color: notice.color },
      }),
    };
  });

/** A closed poll run again: the poll form, filled in with its question, options and settings, to edit before starting. */
const runAgain: CardActionHandler = (clientTurn, data, bot) =>
  withPoll(clientTurn, data, bot, async (poll, turn) => {
    if (!(await bot.register.polls.mayManage(poll, turn.user))) throw new ForbiddenError('only its managers run a poll again', 'poll', 'poll_manager');
    const focusGroups = await bot.groups.choices(turn.language);
    return { card: pollFormCard({ t: turn.t, language: turn.language, focusGroups, focusGroupId: poll.focusGroupId, values: formValuesOf(poll) }) };
  });

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** What was typed into the form, to show it again with what was wrong. */
function submittedValues(data: Record<string, unknown>): PollFormValues {
  const decision = str(data.recordDecision);
  const roster = str(data.roster);
  return {
    question: str(data.question),
    options: str(data.options)
      .split(/\r?\n|\|/)
      .map((o) => o.trim())
      .filter(Boolean),
    entryId: str(data.entryId),
    multipleChoice: data.multipleChoice === 'true',
    anonymous: data.anonymous === 'true',
    sealed: data.sealed === 'true',
    roster: roster === 'focusGroup' || roster === 'channel' ? roster : 'anyone',
    quorum: str(data.quorum),
    reminderTime: str(data.reminderTime).slice(0, 5) || null,
    recordDecision: decision === 'yes' || decision === 'no' ? decision : 'auto',
  };
}

/** Date and time inputs of the form (Brussels time) → ISO; `false` when the date is not one. */
function formTime(date: unknown, time: unknown): string | null | false {
  if (!str(date)) return null;
  return parseLocalDateTime(`${str(date)}${str(time) ? `T${str(time).slice(0, 5)}` : ''}`) ?? false;
}

/** The poll form submitted (Action.Execute, or its Action.Submit fallback): one poll per submit activity. */
const create: CardActionHandler = async (turn, data, bot) => {
  const requestKey = activityRequestKey(turn.conversationId, turn.activityId);
  const { promise, repeated } = bot.oneAtATime(requestKey, () => createOnce(turn, data, bot, requestKey));
  const result = await promise;
  return repeated ? { ...result, repeated: true } : result;
};

async function createOnce(turn: Turn, data: Record<string, unknown>, bot: BotContext, requestKey: string): Promise<ActionResult> {
  const { t } = turn;
  const form = async (problem: string) => ({
    card: pollFormCard({
      t,
      language: turn.language,
      focusGroups: await bot.groups.choices(turn.language),
      focusGroupId: str(data.focusGroupId) || undefined,
      values: submittedValues(data),
      problem,
    }),
  });
  const closesAt = formTime(data.closesDate, data.closesTime);
  const opensAt = formTime(data.opensDate, data.opensTime);
  if (closesAt === false) return form(t('error.badDate', { value: str(data.closesDate) }));
  if (opensAt === false) return form(t('error.badDate', { value: str(data.opensDate) }));
  const quorum = /^(\d{1,5})(%?)$/.exec(str(data.quorum));
  if (str(data.quorum) && !quorum) return form(t('error.badQuorum', { value: str(data.quorum) }));
  const flag = (v: unknown) => v === 'true' || v === true;
  const input = {
    focusGroupId: str(data.focusGroupId),
    entryId: str(data.entryId).replace(/^#/, '') || null,
    question: str(data.question),
    options: str(data.options)
      .split(/\r?\n|\|/)
      .map((o) => o.trim())
      .filter(Boolean),
    multipleChoice: flag(data.multipleChoice),
    anonymous: flag(data.anonymous),
    sealed: flag(data.sealed),
    roster: str(data.roster) === 'focusGroup' || str(data.roster) === 'channel' ? str(data.roster) : null,
    quorum: quorum ? (quorum[2] ? { percent: Number(quorum[1]) } : { ballots: Number(quorum[1]) }) : null,
    opensAt,
    closesAt,
    reminderTime: str(data.reminderTime).slice(0, 5) || null,
    ...(str(data.recordDecision) === 'yes' || str(data.recordDecision) === 'no' ? { recordDecision: str(data.recordDecision) === 'yes' } : {}),
    // the form's language (its button carries it): the language the chair asked in, not their client's
    language: turn.language,
  };
  let created;
  try {
    created = await bot.register.polls.createOnce(
      input,
      { id: turn.user.id, name: turn.user.name, teamsId: turn.user.teamsId },
      { requestKey, publish: false },
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return form(bot.problemText(turn, error));
  }
  let poll = created.poll;
  if (!created.created && poll.message) {
    // This submit was handled before (Teams re-sent it, perhaps to a restarted server): same answer, no second card.
    const here = baseConversationId(poll.message.conversationId) === baseConversationId(turn.conversationId);
    return here ? { card: await bot.cards.personal(poll, turn), repeated: true } : { text: t('poll.started', { id: poll.id }), repeated: true };
  }
  if (poll.status === 'scheduled') return { text: t('poll.scheduled', { id: poll.id }) };
  const ref = await bot.conversations.ofGroup(poll.focusGroupId);
  if (ref && turn.channelId !== ref.channelId) {
    await bot.register.polls.publishIfDue(poll);
    return { text: t('poll.started', { id: poll.id }) };
  }
  // The form message becomes the poll: everyone's copy is replaced by the poll card. In a one-to-one chat the
  // chair is the only one who sees it and this answer replaces their copy: an update of the shared card as well
  // would race with it and could leave them the shared view instead of their own.
  if (turn.replyToId) {
    poll = await bot.register.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: turn.replyToId, serviceUrl: turn.serviceUrl });
    if (turn.conversationType !== 'personal') await bot.publisher.refresh(poll);
  } else {
    const sent = await turn.send(await bot.cards.shared(poll));
    poll = await bot.register.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: sent.id, serviceUrl: turn.serviceUrl });
  }
  return { card: await bot.cards.personal(poll, turn) };
}

/** What each button needs (the API's route policy says the same for its poll routes). */
export const POLL_BUTTON_NEEDS: Record<string, Capability> = {
  [POLL_VOTE_VERB]: 'vote',
  [POLL_REFRESH_VERB]: 'read',
  [POLL_CLOSE_VERB]: 'poll',
  [POLL_NOT_VOTED_VERB]: 'read',
  [POLL_REMIND_VERB]: 'poll',
  [POLL_CREATE_VERB]: 'poll',
  [POLL_RUN_AGAIN_VERB]: 'poll',
};

export const pollButtons: Record<string, CardActionHandler> = {
  [POLL_VOTE_VERB]: vote,
  [POLL_REFRESH_VERB]: refresh,
  [POLL_CLOSE_VERB]: close,
  [POLL_NOT_VOTED_VERB]: notVoted,
  [POLL_REMIND_VERB]: remind,
  [POLL_CREATE_VERB]: create,
  [POLL_RUN_AGAIN_VERB]: runAgain,
};
