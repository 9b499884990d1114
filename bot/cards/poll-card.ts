import { type CardElement, Choice, ChoiceSetInput, ExecuteAction, RefreshDefinition, ShowCardAction, SubmitAction } from '@microsoft/teams.cards';
import { formatDayTime } from '../../src/domain';
import type { PollOutcome } from '../../src/domain';
import { recordsDecision } from '../../src/domain';
import { percentOf, winnersOf } from '../../src/domain';
import { DECISION_OUTCOMES, type Language, labelOf } from '../../src/domain';
import type { PollView } from '../../src/register/polls';
import type { Translate } from '../i18n';
import { card, execute, finish, openUrl, text, title, withActions, type CardJson } from './common';
import type { LinkContext } from './links';
import { byteSize, CARD_BUDGET_BYTES, plain, registerLink } from './text';

export const POLL_VOTE_VERB = 'poll.vote';
export const POLL_REFRESH_VERB = 'poll.refresh';
export const POLL_CLOSE_VERB = 'poll.close';
export const POLL_CREATE_VERB = 'poll.create';
export const POLL_NOT_VOTED_VERB = 'poll.notVoted';
export const POLL_REMIND_VERB = 'poll.remind';
export const POLL_RUN_AGAIN_VERB = 'poll.runAgain';
/** Universal Actions: at most 60 users get a user-specific view by automatic refresh. */
export const MAX_REFRESH_USERS = 60;
/** Names listed per option before "+N": keeps a big named poll's card well under the size limit. */
export const MAX_NAMES_PER_OPTION = 25;
/** Names of people who have not voted listed before "+N". */
export const MAX_NOT_VOTED_NAMES = 40;

export interface PollCardInput {
  /** the poll as the viewer may see it (the shared card: as seen by nobody in particular) */
  view: PollView;
  t: Translate;
  language: Language;
  links: LinkContext;
  focusGroupName?: string;
  entryTitle?: string;
  /** the person's own view (refresh or button answer); false for the shared card everyone sees */
  personal: boolean;
  /** who gets an automatic refresh (Teams user ids); capped at 60 */
  refreshUserIds: readonly string[];
  /** a line on top: what went wrong, or what a button did */
  notice?: { text: string; color: 'Attention' | 'Good' | 'Accent' };
  /** the roster members who have not voted, when a manager asked */
  notVoted?: readonly string[];
}

/**
 * What a poll button sends back: the poll, the card's language, and whether the card is the person's own
 * view (then the answer stays in that language) or the shared one (then it follows PollCards.viewerTurn).
 */
function buttonData(input: Pick<PollCardInput, 'view' | 'language' | 'personal'>, verb: string) {
  return { verb, pollId: input.view.id, lang: input.language, ...(input.personal ? { own: true } : {}) };
}

function tallyBlock(input: Pick<PollCardInput, 'view' | 't'>, maxNames: number): CardElement[] {
  const { view, t } = input;
  const { tally } = view;
  if (tally.sealed) return [text(t('poll.sealed', { count: tally.ballots }), { weight: 'Bolder', spacing: 'Small' })];
  const blocks: CardElement[] = [];
  for (const o of tally.options) {
    const pct = percentOf(o.count, tally.ballots);
    const bar = '█'.repeat(Math.round(pct / 10)) + '░'.repeat(10 - Math.round(pct / 10));
    blocks.push(text(`${t('poll.optionTally', { label: plain(o.label, 200), count: o.count, pct })}  ${bar}`, { spacing: 'Small' }));
    if (!view.anonymous && o.voters.length && maxNames > 0) {
      const names = o.voters.slice(0, maxNames).map((n) => plain(n, 60));
      const more = o.voters.length - names.length;
      blocks.push(text(`${names.join(', ')}${more > 0 ? ` +${more}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    }
  }
  blocks.push(text(t('poll.ballots', { count: tally.ballots }), { weight: 'Bolder', spacing: 'Small' }));
  return blocks;
}

function header(input: PollCardInput): CardElement[] {
  const { view, t } = input;
  const meta = [
    view.multipleChoice ? t('poll.multiple') : t('poll.single'),
    view.anonymous ? t('poll.anonymous') : view.tally.sealed ? t('poll.namedSealed') : t('poll.named'),
    t('poll.by', { name: plain(view.createdBy.name, 100) }),
  ];
  if (view.phase === 'scheduled' && view.opensAt) meta.push(t('poll.opensAt', { date: formatDayTime(view.opensAt, input.language) }));
  if (view.phase !== 'closed' && view.closesAt) meta.push(t('poll.closesAt', { date: formatDayTime(view.closesAt, input.language) }));
  if (view.phase === 'closed' && view.closedAt) meta.push(t('poll.closed', { date: formatDayTime(view.closedAt, input.language) }));
  const rules = [
    view.rosterSize !== null ? t('poll.roster', { count: view.rosterSize, voted: view.tally.ballots }) : null,
    view.quorumRequired !== null ? t('poll.quorum', { count: view.quorumRequired }) : null,
    view.sealed && view.phase !== 'closed' ? t('poll.sealedRule') : null,
    view.anonymous && view.phase !== 'closed' ? t('poll.anonymousNote') : null,
  ].filter((x): x is string => Boolean(x));
  const blocks: CardElement[] = [
    text(`${t('poll.title')} #${view.id}${input.focusGroupName ? ` · ${plain(input.focusGroupName, 100)}` : ''}`, { isSubtle: true, size: 'Small' }),
    title(plain(view.question, 500)),
    text(meta.join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  if (rules.length) blocks.push(text(rules.join(' · '), { size: 'Small', spacing: 'None' }));
  if (view.entryId) {
    blocks.push(text(t('poll.about', { id: view.entryId, title: plain(input.entryTitle ?? '', 200) }), { size: 'Small' }));
    if (view.phase !== 'closed' && recordsDecision(view))
      blocks.push(text(t('poll.recordsDecision', { id: view.entryId }), { size: 'Small', spacing: 'None', isSubtle: true }));
  }
  return blocks;
}

/** Open in the register (the entry) and the export, in the overflow menu. */
function links(input: PollCardInput) {
  const { view, t } = input;
  const out = [];
  // nothing to export before a scheduled poll opens, nor while its results are sealed
  if (!view.tally.sealed && view.phase !== 'scheduled')
    out.push(openUrl(t('poll.export'), registerLink(input.links, { pollId: view.id }, view.question)).withMode('secondary'));
  if (view.entryId)
    out.push(openUrl(t('entry.open'), registerLink(input.links, { entryId: view.entryId }, input.entryTitle ?? `#${view.entryId}`)).withMode('secondary'));
  return out;
}

function notVotedBlock(input: PollCardInput): CardElement[] {
  if (!input.notVoted) return [];
  if (input.notVoted.length === 0) return [text(input.t('poll.everyoneVoted'), { color: 'Good' })];
  const names = input.notVoted.slice(0, MAX_NOT_VOTED_NAMES).map((n) => plain(n, 60));
  const more = input.notVoted.length - names.length;
  return [text(input.t('poll.notVotedList', { count: input.notVoted.length, names: `${names.join(', ')}${more > 0 ? ` +${more}` : ''}` }), { wrap: true })];
}

/**
 * The poll as a card. Open: the tally so far (or, sealed, only the number of ballots), a choice set
 * (pre-filled with the viewer's ballot in their own view), Vote, and for its managers Who has not voted,
 * Remind and Close; a `refresh` gives up to 60 people their own view automatically. The shared card
 * carries the managers' buttons too (the server refuses anyone else), so the creator never needs
 * Refresh to close. Closed: frozen, no inputs, no refresh.
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
  const { view, t } = input;
  const body: CardElement[] = [];
  if (input.notice) body.push(text(plain(input.notice.text, 1000), { color: input.notice.color, weight: 'Bolder' }));
  body.push(...header(input), ...tallyBlock(input, maxNames));
  if (view.phase === 'closed') {
    // who has not voted is no longer a question once the poll is closed
    if (view.outcome) body.push(text(plain(view.outcome.text[input.language], 2000), { weight: 'Bolder', color: 'Good' }));
    const again = input.personal && view.canManage ? [execute(t('poll.runAgain'), buttonData(input, POLL_RUN_AGAIN_VERB))] : [];
    return finish(withActions(card(...body), ...again, ...links(input)));
  }
  body.push(...notVotedBlock(input));
  const own = input.personal ? view.myBallot : null;
  if (input.personal) {
    const names = own ? view.options.filter((o) => own.includes(o.id)).map((o) => plain(o.label, 200)) : [];
    body.push(
      text(own ? t('poll.yourVote', { options: names.join(', ') }) : view.mayVote ? t('poll.noVoteYet') : t('poll.notOnRoster'), {
        weight: 'Bolder',
        color: 'Accent',
      }),
    );
  }
  const actions = [];
  const canVote = view.phase === 'open' && (!input.personal || view.mayVote);
  // a sealed tally lists no options: whoever cannot vote here still reads what the question offers
  if (!canVote && view.tally.sealed)
    body.push(text(t('poll.optionsList', { options: view.options.map((o) => plain(o.label, 200)).join(' · ') }), { size: 'Small' }));
  if (canVote) {
    const choiceSet = new ChoiceSetInput(...view.options.map((o) => new Choice({ title: o.label.slice(0, 200), value: o.id })))
      .withId('choice')
      .withStyle('expanded')
      .withIsMultiSelect(view.multipleChoice)
      .withLabel(t('poll.choose'));
    if (own && own.length) choiceSet.withValue(own.join(','));
    body.push(choiceSet);
    actions.push(execute(own ? t('poll.changeVote') : t('poll.vote'), buttonData(input, POLL_VOTE_VERB), { style: 'positive' }));
  }
  body.push(text(t('poll.refreshNote'), { isSubtle: true, size: 'Small' }));
  const manage = !input.personal || view.canManage;
  if (manage && view.rosterSize !== null) {
    actions.push(execute(t('poll.whoNotVoted'), buttonData(input, POLL_NOT_VOTED_VERB)));
    actions.push(execute(t('poll.remind'), buttonData(input, POLL_REMIND_VERB)));
  }
  if (manage) actions.push(closeWithConfirmation(input));
  actions.push(execute(t('poll.refresh'), buttonData(input, POLL_REFRESH_VERB)).withMode('secondary'));
  const c = withActions(card(...body), ...actions, ...links(input));
  const refreshAction = new ExecuteAction({
    title: t('poll.refresh'),
    verb: POLL_REFRESH_VERB,
    data: { ...buttonData(input, POLL_REFRESH_VERB), action: POLL_REFRESH_VERB },
  });
  refreshAction.withFallback(new SubmitAction({ title: t('poll.refresh'), data: { ...buttonData(input, POLL_REFRESH_VERB), action: POLL_REFRESH_VERB } }));
  c.withRefresh(new RefreshDefinition({ action: refreshAction, userIds: [...new Set(input.refreshUserIds)].slice(0, MAX_REFRESH_USERS) }));
  return finish(c);
}

/** Close asks first: a card shown under the button says what closing does, and only its own button closes. */
function closeWithConfirmation(input: PollCardInput): ShowCardAction {
  const { t } = input;
  const confirm = card(text(t('poll.closeConfirm'), { weight: 'Bolder' }));
  withActions(confirm, execute(t('poll.closeConfirmYes'), buttonData(input, POLL_CLOSE_VERB), { style: 'destructive' }));
  return new ShowCardAction({ title: t('poll.close'), card: confirm }).withStyle('destructive');
}

/** The results once a poll is closed: the outcome in the words of its question, every option's count, the decision recorded. */
export function resultsCard(input: Omit<PollCardInput, 'personal' | 'refreshUserIds'> & { outcome?: PollOutcome }): CardJson {
  return fitNames((maxNames) => buildResultsCard(input, maxNames));
}

function buildResultsCard(input: Omit<PollCardInput, 'personal' | 'refreshUserIds'> & { outcome?: PollOutcome }, maxNames: number): CardJson {
  const { view, t, language } = input;
  const base: PollCardInput = { ...input, personal: false, refreshUserIds: [] };
  const body: CardElement[] = [title(t('results.title', { id: view.id })), ...header(base).slice(1)];
  const outcome = input.outcome ?? view.outcome;
  if (view.phase !== 'closed') body.push(text(t('results.open'), { color: 'Accent' }));
  if (outcome) {
    body.push(
      text(plain(outcome.text[language], 2000), {
        weight: 'Bolder',
        color: outcome.kind === 'no_quorum' || outcome.kind === 'no_ballots' ? 'Attention' : 'Good',
      }),
    );
  } else if (!view.tally.sealed) {
    const winners = winnersOf(view.tally);
    const names = winners.map((o) => plain(o.label, 200)).join(', ');
    body.push(
      text(winners.length === 0 ? t('results.none') : winners.length === 1 ? t('results.leading', { options: names }) : t('results.tie', { options: names }), {
        weight: 'Bolder',
      }),
    );
  }
  body.push(...tallyBlock(base, maxNames));
  if (view.phase === 'closed' && view.entryId && outcome) {
    body.push(text(t('results.recorded', { id: view.entryId, outcome: labelOf(DECISION_OUTCOMES, outcome.outcome, language) }), { size: 'Small' }));
  }
  return finish(withActions(card(...body), ...links(base)));
}
