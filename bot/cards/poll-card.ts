import {

  type CardElement,
  Choice,
  ChoiceSetInput,
  Container,
  DateInput,
  ExecuteAction,
  RefreshDefinition,
  SubmitAction,
  TextInput,
  TimeInput,
  ToggleInput,
} from '@microsoft/teams.cards';
import type { Poll } from '../../src/domain/model';
import { percentOf, type PollOutcome, type Tally, winnersOf } from '../../src/domain/poll-rules';
import { DECISION_OUTCOMES, type Language, labelOf } from '../../src/domain/vocabulary';
import type { Stored } from '../../src/store/store';
import type { Translate } from '../i18n';
import { formatLocalDateTime } from '../time';
import { card, execute, finish, openUrl, text, title, withActions, type CardJson } from './common';
import type { LinkContext } from './links';
import { byteSize, CARD_BUDGET_BYTES, entryDeepLink, plain } from './text';

export const POLL_VOTE_VERB = 'poll.vote';
export const POLL_REFRESH_VERB = 'poll.refresh';
export const POLL_CLOSE_VERB = 'poll.close';
export const POLL_CREATE_VERB = 'poll.create';
/** Universal Actions: at most 60 users get a user-specific view by automatic refresh. */
export const MAX_REFRESH_USERS = 60;
/** Names listed per option before "+N": keeps a big named poll's card well under the size limit. */
export const MAX_NAMES_PER_OPTION = 25;

export interface PollCardInput {
  poll: Stored<Poll>;
  tally: Tally;
  t: Translate;
  language: Language;
  links: LinkContext;
  focusGroupName?: string;
  entryTitle?: string;
  /** the user-specific view (refresh or vote answer); absent for the base card everyone sees */
  viewer?: { optionIds: string[] | null; isCreator: boolean };
  /** who gets an automatic refresh (Teams user ids); capped at 60 */
  refreshUserIds: readonly string[];
}

function tallyBlock(input: PollCardInput, maxNames = MAX_NAMES_PER_OPTION): CardElement[] {
  const { tally, t, poll } = input;
  const blocks: CardElement[] = [];
  for (const o of tally.options) {
    const pct = percentOf(o.count, tally.ballots);
    const bar = '█'.repeat(Math.round(pct / 10)) + '░'.repeat(10 - Math.round(pct / 10));
    blocks.push(text(`${plain(o.label, 200)}: ${o.count} (${pct}%)  ${bar}`, { spacing: 'Small' }));
    if (!poll.anonymous && o.voters.length && maxNames > 0) {
      const names = o.voters.slice(0, maxNames).map((n) => plain(n, 60));
      const more = o.voters.length - names.length;
      blocks.push(text(`${names.join(', ')}${more > 0 ? ` +${more}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    }
  }
  blocks.push(text(t('poll.ballots', { count: tally.ballots }), { weight: 'Bolder', spacing: 'Small' }));
  return blocks;
}

function header(input: PollCardInput): CardElement[] {
  const { poll, t } = input;
  const meta = [
    poll.multipleChoice ? t('poll.multiple') : t('poll.single'),
    poll.anonymous ? t('poll.anonymous') : t('poll.named'),
    t('poll.by', { name: plain(poll.createdBy.name, 100) }),
  ];
  if (poll.status === 'open' && poll.closesAt) meta.push(t('poll.closesAt', { date: formatLocalDateTime(poll.closesAt) }));
  if (poll.status === 'closed' && poll.closedAt) meta.push(t('poll.closed', { date: formatLocalDateTime(poll.closedAt) }));
  const blocks: CardElement[] = [
    text(`${t('poll.title')} #${poll.id}${input.focusGroupName ? ` · ${plain(input.focusGroupName, 100)}` : ''}`, { isSubtle: true, size: 'Small' }),
    title(plain(poll.question, 500)),
    text(meta.join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  if (poll.entryId) blocks.push(text(t('poll.about', { id: poll.entryId, title: plain(input.entryTitle ?? '', 200) }), { size: 'Small' }));
  return blocks;
}

function entryLink(input: PollCardInput) {
  const { poll } = input;
  return poll.entryId
    ? [openUrl(input.t('entry.open'), entryDeepLink(input.links.teamsAppId, input.links.publicUrl, poll.entryId, input.entryTitle ?? `#${poll.entryId}`))]
    : [];
}

/**
 * The poll as a card. Open: the tally so far, a choice set (pre-filled with the viewer's own ballot in
 * the user-specific view), Vote / Refresh (and Close for its creator), and a `refresh` so up to 60
 * people get their own view automatically. Closed: frozen, no inputs, no refresh.
 */
export function pollCard(input: PollCardInput): CardJson {
  return fitNames((maxNames) => buildPollCard(input, maxNames));
}

/** Named polls list voters per option: fewer names (then none) until the card fits Teams' size limit. */
function fitNames(build: (maxNames: number) => CardJson): CardJson {
  let built = build(MAX_NAMES_PER_OPTION);
  for (const maxNames of [12, 5, 0]) {
    if (byteSize(built) <= CARD_BUDGET_BYTES) return built;
    built = build(maxNames);
  }
  return built;
}

function buildPollCard(input: PollCardInput, maxNames: number): CardJson {
  const { poll, t } = input;
  const body: CardElement[] = [...header(input), ...tallyBlock(input, maxNames)];
  if (poll.status === 'closed') {
    return finish(withActions(card(...body), ...entryLink(input)));
  }
  if (input.viewer) {
    const own = input.viewer.optionIds;
    const names = own ? poll.options.filter((o) => own.includes(o.id)).map((o) => plain(o.label, 200)) : [];
    body.push(text(own ? t('poll.yourVote', { options: names.join(', ') }) : t('poll.noVoteYet'), { weight: 'Bolder', color: 'Accent' }));
  }
  const choices = poll.options.map((o) => new Choice({ title: o.label.slice(0, 200), value: o.id }));
  const choiceSet = new ChoiceSetInput(...choices)
    .withId('choice')
    .withStyle('expanded')
    .withIsMultiSelect(poll.multipleChoice)
    .withLabel(t('poll.choose'));
  const own = input.viewer?.optionIds;
  if (own && own.length) choiceSet.withValue(own.join(','));
  body.push(choiceSet);
  body.push(text(t('poll.refreshNote'), { isSubtle: true, size: 'Small' }));
  const actions = [
    execute(own ? t('poll.changeVote') : t('poll.vote'), { verb: POLL_VOTE_VERB, pollId: poll.id }, { style: 'positive' }),
    execute(t('poll.refresh'), { verb: POLL_REFRESH_VERB, pollId: poll.id }),
  ];
  if (input.viewer?.isCreator) actions.push(execute(t('poll.close'), { verb: POLL_CLOSE_VERB, pollId: poll.id }, { style: 'destructive' }));
  const c = withActions(card(...body), ...actions, ...entryLink(input));
  const refreshAction = new ExecuteAction({ title: t('poll.refresh'), verb: POLL_REFRESH_VERB, data: { verb: POLL_REFRESH_VERB, pollId: poll.id } });
  refreshAction.withFallback(new SubmitAction({ title: t('poll.refresh'), data: { verb: POLL_REFRESH_VERB, pollId: poll.id } }));
  c.withRefresh(new RefreshDefinition({ action: refreshAction, userIds: [...new Set(input.refreshUserIds)].slice(0, MAX_REFRESH_USERS) }));
  return finish(c);
}

/** The results once a poll is closed: winner(s), every option's count, and the decision recorded. */
export function resultsCard(input: Omit<PollCardInput, 'viewer' | 'refreshUserIds'> & { outcome?: PollOutcome }): CardJson {
  return fitNames((maxNames) => buildResultsCard(input, maxNames));
}

function buildResultsCard(input: Omit<PollCardInput, 'viewer' | 'refreshUserIds'> & { outcome?: PollOutcome }, maxNames: number): CardJson {
  const { poll, tally, t, language } = input;
  const base = { ...input, refreshUserIds: [] };
  const body: CardElement[] = [title(t('results.title', { id: poll.id })), ...header(base).slice(1)];
  const winners = winnersOf(tally);
  const names = winners.map((o) => plain(o.label, 200)).join(', ');
  if (poll.status !== 'closed') body.push(text(t('results.open'), { color: 'Accent' }));
  body.push(
    text(winners.length === 0 ? t('results.none') : winners.length === 1 ? t('results.winner', { options: names }) : t('results.tie', { options: names }), {
      weight: 'Bolder',
      color: 'Good',
    }),
  );
  body.push(...tallyBlock(base, maxNames));
  if (poll.status === 'closed' && poll.entryId && input.outcome) {
    body.push(text(t('results.recorded', { id: poll.entryId, outcome: labelOf(DECISION_OUTCOMES, input.outcome.outcome, language) }), { size: 'Small' }));
  }
  return finish(withActions(card(...body), ...entryLink(base)));
}

/** "poll" alone: a form to start one (question, options, focus group, entry, settings, closing time). */
export function pollFormCard(input: {
  t: Translate;
  focusGroups: ReadonlyArray<{ id: string; name: string }>;
  focusGroupId?: string;
  entryId?: string;
  problem?: string;
}): CardJson {
  const { t } = input;
  const body: CardElement[] = [];
  if (input.problem) body.push(text(plain(input.problem, 1000), { color: 'Attention', weight: 'Bolder' }));
  body.push(title(t('form.title')));
  body.push(new TextInput({ id: 'question', label: t('form.question'), isRequired: true, maxLength: 500, errorMessage: t('form.question') }));
  body.push(new TextInput({ id: 'options', label: t('form.options'), isMultiline: true, isRequired: true, errorMessage: t('form.options') }));
  const groups = input.focusGroups.map((g) => new Choice({ title: g.name.slice(0, 200), value: g.id }));
  if (groups.length) {
    const set = new ChoiceSetInput(...groups).withId('focusGroupId').withLabel(t('form.focusGroup')).withIsRequired(true).withErrorMessage(t('form.focusGroup'));
    if (input.focusGroupId) set.withValue(input.focusGroupId);
    body.push(set);
  }
  const entry = new TextInput({ id: 'entryId', label: t('form.entry'), maxLength: 10 });
  if (input.entryId) entry.withValue(input.entryId);
  body.push(entry);
  body.push(new ToggleInput(t('form.multiple'), { id: 'multipleChoice', valueOn: 'true', valueOff: 'false' }));
  body.push(new ToggleInput(t('form.anonymous'), { id: 'anonymous', valueOn: 'true', valueOff: 'false' }));
  body.push(new Container(new DateInput({ id: 'closesDate', label: t('form.closesAt') }), new TimeInput({ id: 'closesTime', label: t('form.closesTime') })));
  return finish(withActions(card(...body), execute(t('form.submit'), { verb: POLL_CREATE_VERB }, { style: 'positive' })));
}

