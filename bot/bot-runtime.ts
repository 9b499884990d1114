import { createHash, randomUUID } from 'node:crypto';
import { type Activity, Client as ApiClient, type CloudEnvironment, type InvokeResponse } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type express from 'express';
import type { ConversationRef, Poll } from '../src/domain/model';
import { outcomeOf, parseChoiceValue, tallyOf } from '../src/domain/poll-rules';
import { fold } from '../src/domain/queries';
import { DOMAINS, type DomainCode, type Language, labelOf } from '../src/domain/vocabulary';
import { ValidationError } from '../src/register/errors';
import { BallotRejectedError, type CloseResult, ForbiddenError, MAX_REQUEST_KEY, PollService } from '../src/register/poll-service';
import { todayOf } from '../src/register/register-service';
import { isLoopback } from '../src/server/config';
import type { SurfaceDeps } from '../src/server/surface';
import { NotFoundError } from '../src/store/errors';
import type { Stored } from '../src/store/store';
import { ACTIONS_PAGE_VERB, actionsCard, type ActionsFilterData } from './cards/actions-card';
import type { CardJson } from './cards/common';
import { ENTRY_PAGE_VERB, ENTRY_SHOW_VERB, entryCard, entryListCard } from './cards/entry-card';
import { helpCard } from './cards/help-card';
import type { LinkContext } from './cards/links';
import {
  MAX_REFRESH_USERS,
  POLL_CLOSE_VERB,
  POLL_CREATE_VERB,
  POLL_REFRESH_VERB,
  POLL_VOTE_VERB,
  pollCard,
  pollFormCard,
  resultsCard,
} from './cards/poll-card';
import { localized } from './cards/text';
import { type Command, matchDomain, parseCommand } from './commands';
import { describeIssue } from '../src/i18n/validation';
import { languageOf, type MessageKey, type Translate, translator } from './i18n';
import { type CardActionResponse, cardAttachment, cardResponse, errorResponse, messageResponse } from './invoke';
import { parseLocalDateTime } from './time';

export interface BotSurfaceOptions {
  /** Cloud endpoints (token issuer, JWKS, login) — tests point them at a local fake. */
  cloud?: CloudEnvironment;
  /** Outgoing bot token factory instead of the client secret (tests, or a custom credential). */
  token?: (scope: string | string[], tenantId?: string) => string | Promise<string>;
  /** How often polls past their closing time are closed (ms). */
  sweepIntervalMs?: number;
  /** Votes are coalesced into one update of the shared poll card per this many ms (Teams rate limits). */
  cardUpdateDelayMs?: number;
}

/** Who acts, where, in which language: what every handler needs from an inbound activity. */
interface Turn {
  language: Language;
  t: Translate;
  user: { id: string; aadObjectId?: string; name: string };
  conversationId: string;
  /** the inbound activity's id (Teams re-sends a slow request with the same id) */
  activityId: string;
  serviceUrl: string;
  teamId?: string;
  channelId?: string;
  /** the message holding the card an invoke came from */
  replyToId?: string;
  send(card: CardJson | string): Promise<{ id: string }>;
}

type ActionResult = ({ card: CardJson } | { text: string } | { error: { status: 400 | 403 | 404 | 500; code: string; message: string } }) & {
  /** the answer to a request already handled (a re-sent activity): an invoke returns it, a message sends nothing */
  repeated?: boolean;
};

function conversationKey(teamId: string, channelId: string): string {
  return `${teamId}|${channelId}`;
}

/** Conversation id without the thread suffix (";messageid=…"): the channel or chat itself. */
function baseConversationId(id: string): string {
  return id.split(';')[0];
}

function sdkLogger(deps: SurfaceDeps): ILogger {
  const logger: ILogger = {
    debug: () => undefined,
    trace: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => deps.logger.warn(`[teams sdk] ${msg.map(String).join(' ')}`),
    error: (...msg: unknown[]) => deps.logger.error(`[teams sdk] ${msg.filter((m) => !(m instanceof Error)).map(String).join(' ')}`, msg.find((m) => m instanceof Error)),
    log: (level, ...msg) => (level === 'error' ? logger.error(...msg) : level === 'warn' ? logger.warn(...msg) : undefined),
    child: () => logger,
  };
  return logger;
}

/**
 * The request key of a poll created from a bot activity: the conversation and the activity id, which a
 * re-sent activity repeats. Within the model's limit (a very long id is hashed, still deterministic).
 */
export function activityRequestKey(conversationId: string, activityId: string): string {
  const key = `activity:${conversationId}:${activityId}`;
  if (key.length <= MAX_REQUEST_KEY) return key;
  return `activity:sha256:${createHash('sha256').update(`${conversationId}:${activityId}`).digest('hex')}`;
}

/**
 * The Teams bot on the app's own Express server: commands, cards, polls with Universal Actions,
 * conversation references for proactive posts, and the poll closing sweep.
 */
export class BotRuntime {
  readonly app: App;
  readonly polls: PollService;
  readonly unauthenticated: boolean;
  private readonly links: LinkContext;
  private readonly pendingUpdates = new Map<string, NodeJS.Timeout>();
  private readonly runningUpdates = new Set<Promise<void>>();
  private readonly knownConversations = new Set<string>();
  /**
   * Poll creations under way, by request key: a re-sent request arriving meanwhile waits for the first
   * one instead of posting a second card. Only while it runs; afterwards (and across restarts) the
   * poll's stored request key decides.
   */
  private readonly creating = new Map<string, Promise<unknown>>();
  private sweepTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly deps: SurfaceDeps,
    expressApp: express.Application,
    private readonly options: BotSurfaceOptions = {},
  ) {
    const { config, register } = deps;
    const { clientId, clientSecret, tenantId } = config.entra;
    this.unauthenticated = config.auth.mode === 'local' && !clientId && !clientSecret;
    if (this.unauthenticated && !isLoopback(config.host)) {
      throw new Error(`The bot accepts unauthenticated requests only in local mode on a loopback host, not ${config.host}`);
    }
    if (this.unauthenticated) {
      deps.logger.warn(
        '*** BOT WITHOUT AUTHENTICATION: no CLIENT_ID/CLIENT_SECRET, so /api/messages accepts Bot Framework activities ' +
          'WITHOUT tokens (Teams SDK dangerouslyAllowUnauthenticatedRequests). Local development only, on loopback ' +
          `(${config.host}). Configure the bot's credentials for any real tenant. ***`,
      );
    }
    this.links = { teamsAppId: config.teamsAppId, publicUrl: config.publicUrl };
    this.polls = new PollService(register.store, register, {
      onClosed: (result) => this.announceClosed(result),
      defaultLanguage: config.defaultLanguage,
    });
    this.app = new App({
      clientId: clientId,
      clientSecret: options.token ? undefined : clientSecret,
      tenantId: tenantId,
      ...(options.token && clientId ? { token: options.token } : {}),
      ...(options.cloud ? { cloud: options.cloud } : {}),
      httpServerAdapter: new ExpressAdapter(expressApp, { logger: sdkLogger(deps) }),
      dangerouslyAllowUnauthenticatedRequests: this.unauthenticated,
      messagingEndpoint: '/api/messages',
      logger: sdkLogger(deps),
      activity: { mentions: { stripText: true } },
    });
    this.routes();
  }

  /** Registers POST /api/messages on the Express app (the SDK validates tokens there) and starts the sweep. */
  async start(): Promise<void> {
    await this.app.initialize();
    const every = this.options.sweepIntervalMs ?? 30_000;
    this.sweepTimer = setInterval(() => {
      this.polls.sweep().catch((error) => this.deps.logger.error('closing polls past their closing time failed', error));
    }, every);
    this.sweepTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.pendingUpdates.values()) clearTimeout(timer);
    this.pendingUpdates.clear();
    await Promise.allSettled([...this.runningUpdates]);
  }

  // ---------------------------------------------------------------- routing

  private routes(): void {
    // Every handler is idempotent through the store (votes keyed on poll + voter, polls on their
    // request key), so a request Teams re-sends — even to a restarted server — changes nothing twice.
    this.app.on('message', async (ctx) => {
      const activity = ctx.activity;
      const turn = this.turnOf(activity, (a) => ctx.send(a as never));
      await this.rememberChannel(activity);
      const value = activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && typeof value.verb === 'string') {
        // Action.Submit fallback of a Universal Action (clients without Action.Execute): answer with a new message.
        const result = await this.safeAction(turn, value.verb, value);
        if (result.repeated) return;
        if ('card' in result) await turn.send(result.card);
        else if ('text' in result) await turn.send(result.text);
        else await turn.send(result.error.message);
        return;
      }
      await this.runCommand(turn, parseCommand(activity.text));
    });

    this.app.on('card.action', async (ctx) => {
      const activity = ctx.activity;
      const turn = this.turnOf(activity, (a) => ctx.send(a as never));
      const action = activity.value?.action;
      if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string') {
        return errorResponse(400, 'bad_request', 'adaptiveCard/action without an Action.Execute verb') as unknown as InvokeResponse<'adaptiveCard/action'>;
      }
      const data = { ...((action.data as Record<string, unknown> | undefined) ?? {}) };
      return this.toInvokeResponse(await this.safeAction(turn, action.verb, data)) as unknown as InvokeResponse<'adaptiveCard/action'>;
    });

    this.app.on('conversationUpdate', async (ctx) => {
      await this.onConversationUpdate(ctx.activity, ctx.api);
    });
  }

  private turnOf(activity: Activity, send: (a: { type: 'message'; text?: string; attachments?: unknown[] }) => Promise<{ id: string }>): Turn {
    const language = languageOf(activity.locale);
    const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
    return {
      language,
      t: translator(language),
      user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId, name: activity.from.name || activity.from.id },
      conversationId: activity.conversation.id,
      activityId: activity.id || randomUUID(),
      serviceUrl: activity.serviceUrl ?? '',
      teamId: channelData.team?.id,
      channelId: channelData.channel?.id,
      replyToId: activity.replyToId,
      send: (content) =>
        send(
          typeof content === 'string'
            ? { type: 'message', text: content }
            : { type: 'message', attachments: [cardAttachment(content)] },
        ) as Promise<{ id: string }>,
    };
  }

  private toInvokeResponse(result: ActionResult): CardActionResponse {
    if ('card' in result) return cardResponse(result.card);
    if ('text' in result) return messageResponse(result.text);
    return errorResponse(result.error.status, result.error.code, result.error.message);
  }

  // ---------------------------------------------------------------- commands

  private async runCommand(turn: Turn, command: Command): Promise<void> {
    const { t } = turn;
    try {
      switch (command.kind) {
        case 'help':
          await turn.send(helpCard(t));
          return;
        case 'error':
          await turn.send(helpCard(t, t(command.key, command.params)));
          return;
        case 'actions':
          await turn.send(await this.actionsPage(turn, { overdue: command.overdue, mine: command.mine, ...(command.domain ? { domain: command.domain } : {}) }, 1));
          return;
        case 'entry':
          await turn.send(await this.entryReply(turn, command.id, command.text, 1));
          return;
        case 'pollForm': {
          const group = await this.focusGroupOfChannel(turn);
          await turn.send(pollFormCard({ t, focusGroups: await this.focusGroupChoices(turn.language), focusGroupId: group?.id }));
          return;
        }
        case 'poll':
          await this.startPollFromCommand(turn, command);
          return;
        case 'results':
          await turn.send(await this.resultsReply(turn, command.pollId));
          return;
      }
    } catch (error) {
      await turn.send(this.problemText(turn, error));
    }
  }

  private problemText(turn: Turn, error: unknown): string {
    if (error instanceof ValidationError) return turn.t('error.pollInvalid', { reasons: error.issues.map((i) => describeIssue(turn.language, i)).join('; ') });
    this.deps.logger.error('the bot could not answer', error);
    return turn.t('error.generic');
  }

  private async actionsPage(turn: Turn, filter: ActionsFilterData, page: number): Promise<CardJson> {
    const { register } = this.deps;
    const owner = filter.mine ? { id: turn.user.aadObjectId ?? turn.user.id, name: turn.user.name } : undefined;
    const actions = await register.actions.query({ open: true, overdue: filter.overdue, ...(filter.domain ? { domain: filter.domain } : {}), ...(owner ? { owner } : {}) });
    const entryTitles = new Map<string, string>();
    const wanted = new Set(actions.map((a) => a.entryId).filter((id): id is string => Boolean(id)));
    if (wanted.size) for (const e of await register.store.entries.list()) if (wanted.has(e.id)) entryTitles.set(e.id, localized(e.title, turn.language));
    return actionsCard({ actions, entryTitles, filter, page, today: todayOf(register.clock), language: turn.language, t: turn.t, links: this.links }).card;
  }

  private async entryReply(turn: Turn, id: string | undefined, text: string | undefined, page: number): Promise<CardJson | string> {
    const { register } = this.deps;
    if (id) {
      const entry = await register.store.entries.get(id);
      if (!entry) return helpCard(turn.t, turn.t('error.entryNotFound', { id }));
      return this.entryCardOf(turn, entry.id);
    }
    const matches = await register.entries.list({ text: text ?? '' });
    if (matches.length === 0) return helpCard(turn.t, turn.t('error.noEntryMatch', { text: text ?? '' }));
    if (matches.length === 1) return this.entryCardOf(turn, matches[0].id);
    return entryListCard({ entries: matches, query: text ?? '', page, language: turn.language, t: turn.t, links: this.links }).card;
  }

  private async entryCardOf(turn: Turn, id: string): Promise<CardJson> {
    const { register } = this.deps;
    const entry = await register.entries.get(id);
    const openActions = await register.actions.query({ entryId: id, open: true });
    const focusGroup = entry.focusGroupId ? await register.store.focusGroups.get(entry.focusGroupId) : undefined;
    return entryCard({ entry, openActions, focusGroup, language: turn.language, t: turn.t, links: this.links });
  }

  private async resultsReply(turn: Turn, pollId: string | undefined): Promise<CardJson | string> {
    let poll: Stored<Poll> | undefined;
    if (pollId) {
      poll = await this.polls.get(pollId).catch((e) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
      if (!poll) return helpCard(turn.t, turn.t('error.pollNotFound', { id: pollId }));
    } else {
      const here = baseConversationId(turn.conversationId);
      const all = await this.polls.list();
      poll = all.filter((p) => p.message && baseConversationId(p.message.conversationId) === here).pop();
      if (!poll) return helpCard(turn.t, turn.t('error.noPollHere'));
    }
    return this.resultsCardOf(poll, turn.language);
  }

  private async resultsCardOf(poll: Stored<Poll>, language: Language, outcome?: CloseResult['outcome']): Promise<CardJson> {
    const { tally } = await this.polls.tally(poll);
    return resultsCard({
      poll,
      tally,
      t: translator(language),
      language,
      links: this.links,
      ...(await this.pollContext(poll, language)),
      outcome: outcome ?? (poll.status === 'closed' ? outcomeOf(poll, tally) : undefined),
    });
  }

  // ---------------------------------------------------------------- focus groups and channels

  private async focusGroupChoices(language: Language): Promise<Array<{ id: string; name: string }>> {
    const groups = await this.deps.register.store.focusGroups.list();
    return groups.map((g) => ({ id: g.id, name: `${localized(g.name, language)} (${g.domain})` }));
  }

  private async focusGroupOfChannel(turn: Pick<Turn, 'teamId' | 'channelId'>) {
    if (!turn.channelId) return undefined;
    const groups = await this.deps.register.store.focusGroups.list();
    return groups.find((g) => g.channel && g.channel.channelId === turn.channelId && (!turn.teamId || g.channel.teamId === turn.teamId));
  }

  /** "ICT", a focus group id, or words of its name. */
  private async findFocusGroup(value: string) {
    const groups = await this.deps.register.store.focusGroups.list();
    const byId = groups.find((g) => g.id === value.replace(/^#/, ''));
    if (byId) return byId;
    const domain: DomainCode | undefined = matchDomain(value);
    if (domain) {
      const byDomain = groups.find((g) => g.domain === domain) ?? groups.find((g) => g.domain.startsWith(`${domain}.`));
      if (byDomain) return byDomain;
    }
    const f = fold(value);
    return groups.find((g) => Object.values(g.name).some((n) => n && fold(n).includes(f)));
  }

  private async groupList(language: Language): Promise<string> {
    const groups = await this.deps.register.store.focusGroups.list();
    return groups.map((g) => `${g.domain} (${labelOf(DOMAINS, g.domain, language)})`).join(', ');
  }

  private async conversationOfGroup(focusGroupId: string): Promise<ConversationRef | undefined> {
    const group = await this.deps.register.store.focusGroups.get(focusGroupId);
    if (!group?.channel) return undefined;
    const key = conversationKey(group.channel.teamId, group.channel.channelId);
    const [ref] = await this.deps.register.store.conversations.list({ field: 'key', equals: key });
    return ref;
  }

  // ---------------------------------------------------------------- polls

  private async startPollFromCommand(turn: Turn, command: Extract<Command, { kind: 'poll' }>): Promise<void> {
    const { t } = turn;
    let group = command.group ? await this.findFocusGroup(command.group) : await this.focusGroupOfChannel(turn);
    if (command.group && !group) {
      await turn.send(helpCard(t, t('error.unknownFocusGroup', { value: command.group, groups: await this.groupList(turn.language) })));
      return;
    }
    if (!group) {
      const all = await this.deps.register.store.focusGroups.list();
      if (all.length === 1) group = all[0];
    }
    if (!group) {
      await turn.send(helpCard(t, t('error.noFocusGroup', { groups: await this.groupList(turn.language) })));
      return;
    }
    const focusGroupId = group.id;
    const requestKey = activityRequestKey(turn.conversationId, turn.activityId);
    // A re-sent activity while the first is still at work: that one answers, this one sends nothing.
    await this.oneAtATime(requestKey, async () => {
      let created: { poll: Stored<Poll>; created: boolean };
      try {
        created = await this.polls.createOnce(
          {
            focusGroupId,
            entryId: command.entryId ?? null,
            question: command.question,
            options: command.options,
            multipleChoice: command.multipleChoice,
            anonymous: command.anonymous,
            closesAt: command.closesAt,
            language: turn.language,
          },
          { id: turn.user.id, name: turn.user.name },
          { requestKey },
        );
      } catch (error) {
        if (error instanceof ValidationError) {
          await turn.send(helpCard(t, this.problemText(turn, error)));
          return;
        }
        throw error;
      }
      // Already created and posted by the first delivery of this activity (perhaps before a restart):
      // nothing more to say. One created but never posted (the first delivery died) is posted now.
      if (!created.created && created.poll.message) return;
      await this.publish(created.poll, turn);
    }).promise;
  }

  /**
   * Runs one poll creation per request key at a time: a duplicate arriving while the first is under
   * way gets the first one's result (with `repeated`) instead of doing the work again.
   */
  private oneAtATime<T>(requestKey: string, work: () => Promise<T>): { promise: Promise<T>; repeated: boolean } {
    const running = this.creating.get(requestKey) as Promise<T> | undefined;
    if (running) return { promise: running, repeated: true };
    const promise = work().finally(() => this.creating.delete(requestKey));
    this.creating.set(requestKey, promise);
    return { promise, repeated: false };
  }

  /**
   * Posts a new poll: to its focus group's bound channel when the bot knows that channel and we are
   * not in it (a confirmation is sent here), otherwise right here.
   */
  private async publish(poll: Stored<Poll>, turn: Turn): Promise<Stored<Poll>> {
    const ref = await this.conversationOfGroup(poll.focusGroupId);
    const inThatChannel = ref && turn.channelId === ref.channelId;
    if (ref && !inThatChannel) {
      const posted = await this.postToChannel(poll, ref);
      await turn.send(turn.t('poll.started', { id: poll.id }) + (ref.channelName ? ` (${ref.channelName})` : ''));
      return posted;
    }
    const card = await this.baseCard(poll);
    const sent = await turn.send(card);
    return this.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: sent.id, serviceUrl: turn.serviceUrl });
  }

  /** Proactive post of the poll card as a new thread in a channel the app is installed in. */
  async postToChannel(poll: Stored<Poll>, ref: ConversationRef): Promise<Stored<Poll>> {
    const card = await this.baseCard(poll);
    const api = this.apiFor(ref.serviceUrl);
    const sent = await api.conversations.createActivity(ref.conversationId, { type: 'message', attachments: [cardAttachment(card)] } as never);
    return this.polls.setMessage(poll.id, { conversationId: ref.conversationId, activityId: sent.id, serviceUrl: ref.serviceUrl });
  }

  /**
   * For the API: create, then post to the group's channel when a conversation reference exists.
   * With a request key (the caller's Idempotency-Key) a repeated request gets the first poll
   * (`created: false`) and no second card; a poll of that key that was never posted is posted now.
   */
  async createAndPost(
    input: unknown,
    by: { id: string; name: string; email?: string },
    requestKey?: string,
  ): Promise<{ poll: Stored<Poll>; posted: boolean; created: boolean }> {
    const work = async () => {
      const { poll, created } = await this.polls.createOnce(input, by, requestKey === undefined ? {} : { requestKey });
      if (poll.message) return { poll, posted: true, created };
      const ref = await this.conversationOfGroup(poll.focusGroupId);
      if (!ref) return { poll, posted: false, created };
      try {
        return { poll: await this.postToChannel(poll, ref), posted: true, created };
      } catch (error) {
        this.deps.logger.error(`poll ${poll.id} was created but could not be posted to its channel`, error);
        return { poll, posted: false, created };
      }
    };
    if (requestKey === undefined) return work();
    const { promise, repeated } = this.oneAtATime(requestKey, work);
    const result = await promise;
    return repeated ? { ...result, created: false } : result;
  }

  /** The app's API client (its HTTP settings and bot token provider) scoped to a conversation's service URL. */
  private apiFor(serviceUrl: string): ApiClient {
    return this.app.api.fromServiceUrl({ serviceUrl: serviceUrl.replace(/\/+$/, '') });
  }

  private async pollContext(poll: Poll, language: Language): Promise<{ focusGroupName?: string; entryTitle?: string }> {
    const store = this.deps.register.store;
    const [group, entry] = await Promise.all([
      store.focusGroups.get(poll.focusGroupId),
      poll.entryId ? store.entries.get(poll.entryId) : Promise.resolve(undefined),
    ]);
    return {
      ...(group ? { focusGroupName: localized(group.name, language) } : {}),
      ...(entry ? { entryTitle: localized(entry.title, language) } : {}),
    };
  }

  /** Automatic refresh goes to the creator and, for a named poll, the latest voters (60 at most). */
  private refreshUsers(poll: Poll, voterIds: readonly string[]): string[] {
    const creator = poll.createdBy.id ? [poll.createdBy.id] : [];
    if (poll.anonymous) return creator;
    const latest = voterIds.filter((id) => !creator.includes(id)).slice(-(MAX_REFRESH_USERS - creator.length));
    return [...creator, ...latest];
  }

  /** The poll's own language: its shared card, its results and its outcome are in it, whoever looks. */
  private languageOfPoll(poll: Poll): Language {
    // Polls stored before they had a language read without one.
    return (poll.language as Language | undefined) ?? this.deps.config.defaultLanguage;
  }

  /** The card everyone sees in the conversation (no personal choice, no Close button). */
  private async baseCard(poll: Stored<Poll>): Promise<CardJson> {
    const language = this.languageOfPoll(poll);
    const votes = await this.polls.votes(poll.id);
    const tally = tallyOf(poll, votes);
    const voterIds = [...votes].sort((a, b) => a.at.localeCompare(b.at)).map((v) => v.voter.id);
    return pollCard({ poll, tally, t: translator(language), language, links: this.links, ...(await this.pollContext(poll, language)), refreshUserIds: this.refreshUsers(poll, voterIds) });
  }

  /** The card one person sees: their own ballot pre-selected, Close for the creator, an optional problem. */
  private async personalCard(poll: Stored<Poll>, turn: Turn, problem?: string): Promise<CardJson> {
    const votes = await this.polls.votes(poll.id);
    const tally = tallyOf(poll, votes);
    const mine = votes.find((v) => v.voter.id === turn.user.id);
    const voterIds = [...votes].sort((a, b) => a.at.localeCompare(b.at)).map((v) => v.voter.id);
    const card = pollCard({
      poll,
      tally,
      t: turn.t,
      language: turn.language,
      links: this.links,
      ...(await this.pollContext(poll, turn.language)),
      viewer: { optionIds: mine ? mine.optionIds : null, isCreator: this.polls.isCreator(poll, [turn.user.id, turn.user.aadObjectId ?? '']) },
      refreshUserIds: this.refreshUsers(poll, voterIds),
    });
    if (!problem) return card;
    return { ...card, body: [{ type: 'TextBlock', text: problem, wrap: true, color: 'Attention', weight: 'Bolder' }, ...(card.body ?? [])] } as CardJson;
  }

  /** Coalesces the updates of the shared card: one PUT per poll per interval, however many votes. */
  private scheduleBaseCardUpdate(pollId: string): void {
    if (this.closed || this.pendingUpdates.has(pollId)) return;
    const timer = setTimeout(() => {
      this.pendingUpdates.delete(pollId);
      this.track(this.updateBaseCard(pollId));
    }, this.options.cardUpdateDelayMs ?? 1000);
    timer.unref();
    this.pendingUpdates.set(pollId, timer);
  }

  private track(work: Promise<void>): void {
    this.runningUpdates.add(work);
    void work.finally(() => this.runningUpdates.delete(work));
  }

  private async updateBaseCard(pollId: string): Promise<void> {
    try {
      const poll = await this.polls.get(pollId);
      if (!poll.message) return;
      const card = await this.baseCard(poll);
      await this.apiFor(poll.message.serviceUrl).conversations.updateActivity(poll.message.conversationId, poll.message.activityId, {
        type: 'message',
        id: poll.message.activityId,
        attachments: [cardAttachment(card)],
      } as never);
    } catch (error) {
      this.deps.logger.warn(`could not update the card of poll ${pollId}: ${(error as Error).message}`);
    }
  }

  /** Whoever closed it: freeze the shared card and post the results where the poll was. */
  private async announceClosed(result: CloseResult): Promise<void> {
    const { poll } = result;
    const pending = this.pendingUpdates.get(poll.id);
    if (pending) clearTimeout(pending);
    this.pendingUpdates.delete(poll.id);
    if (!poll.message || this.closed) return;
    const message = poll.message;
    const language = this.languageOfPoll(poll);
    const work = (async () => {
      try {
        await this.updateBaseCard(poll.id);
        const card = await this.resultsCardOf(poll, language, result.outcome);
        await this.apiFor(message.serviceUrl).conversations.createActivity(message.conversationId, { type: 'message', attachments: [cardAttachment(card)] } as never);
      } catch (error) {
        this.deps.logger.warn(`could not post the results of poll ${poll.id}: ${(error as Error).message}`);
      }
    })();
    this.track(work);
    await work;
  }

  // ---------------------------------------------------------------- card actions (Action.Execute / Submit)

  private async safeAction(turn: Turn, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    try {
      return await this.action(turn, verb, data);
    } catch (error) {
      if (error instanceof NotFoundError) return { error: { status: 404, code: 'not_found', message: error.message } };
      this.deps.logger.error(`card action ${verb} failed`, error);
      return { error: { status: 500, code: 'internal', message: turn.t('error.generic') } };
    }
  }

  private async action(turn: Turn, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
    const page = Math.max(1, Number(data.page) || 1);
    switch (verb) {
      case ACTIONS_PAGE_VERB: {
        const domain = str(data.domain);
        const filter: ActionsFilterData = { overdue: data.overdue === true, mine: data.mine === true, ...(domain && matchDomain(domain) ? { domain: matchDomain(domain) } : {}) };
        return { card: await this.actionsPage(turn, filter, page) };
      }
      case ENTRY_SHOW_VERB: {
        const id = str(data.entryId);
        if (!id) return { error: { status: 400, code: 'bad_request', message: 'entryId is missing' } };
        return { card: await this.entryCardOf(turn, id) };
      }
      case ENTRY_PAGE_VERB: {
        const reply = await this.entryReply(turn, undefined, str(data.query) ?? '', page);
        return typeof reply === 'string' ? { text: reply } : { card: reply };
      }
      case POLL_VOTE_VERB:
      case POLL_REFRESH_VERB:
      case POLL_CLOSE_VERB: {
        const pollId = str(data.pollId);
        if (!pollId) return { error: { status: 400, code: 'bad_request', message: 'pollId is missing' } };
        return this.pollAction(turn, verb, pollId, data);
      }
      case POLL_CREATE_VERB:
        return this.createFromForm(turn, data);
      default:
        return { error: { status: 400, code: 'unknown_verb', message: turn.t('error.unknownAction') } };
    }
  }

  private async pollAction(turn: Turn, verb: string, pollId: string, data: Record<string, unknown>): Promise<ActionResult> {
    const { t } = turn;
    if (verb === POLL_REFRESH_VERB) return { card: await this.personalCard(await this.polls.get(pollId), turn) };
    if (verb === POLL_CLOSE_VERB) {
      try {
        const result = await this.polls.close(pollId, { ids: [turn.user.id, turn.user.aadObjectId ?? ''] });
        return { card: await this.personalCard(result.poll, turn) };
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
        const poll = await this.polls.get(pollId);
        return { card: await this.personalCard(poll, turn, t('error.notCreator', { name: poll.createdBy.name })) };
      }
    }
    try {
      const result = await this.polls.vote(pollId, { id: turn.user.id, name: turn.user.name }, parseChoiceValue(data.choice));
      if (result.changed) this.scheduleBaseCardUpdate(pollId);
      return { card: await this.personalCard(result.poll, turn) };
    } catch (error) {
      if (!(error instanceof BallotRejectedError)) throw error;
      const poll = await this.polls.get(pollId);
      return { card: await this.personalCard(poll, turn, t(`error.ballot.${error.problem}` as MessageKey)) };
    }
  }

  /** The poll form submitted (Action.Execute, or its Action.Submit fallback): one poll per submit activity. */
  private async createFromForm(turn: Turn, data: Record<string, unknown>): Promise<ActionResult> {
    const requestKey = activityRequestKey(turn.conversationId, turn.activityId);
    const { promise, repeated } = this.oneAtATime(requestKey, () => this.createFromFormOnce(turn, data, requestKey));
    const result = await promise;
    return repeated ? { ...result, repeated: true } : result;
  }

  private async createFromFormOnce(turn: Turn, data: Record<string, unknown>, requestKey: string): Promise<ActionResult> {
    const { t } = turn;
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const options = text(data.options)
      .split(/\r?\n|\|/)
      .map((o) => o.trim())
      .filter(Boolean);
    let closesAt: string | null = null;
    if (text(data.closesDate)) {
      const at = parseLocalDateTime(`${text(data.closesDate)}${text(data.closesTime) ? `T${text(data.closesTime).slice(0, 5)}` : ''}`);
      if (!at) return { card: pollFormCard({ t, focusGroups: await this.focusGroupChoices(turn.language), problem: t('error.badDate', { value: text(data.closesDate) }) }) };
      closesAt = at;
    }
    const entryId = text(data.entryId).replace(/^#/, '');
    let poll: Stored<Poll>;
    try {
      const result = await this.polls.createOnce(
        {
          focusGroupId: text(data.focusGroupId),
          entryId: entryId || null,
          question: text(data.question),
          options,
          multipleChoice: data.multipleChoice === 'true' || data.multipleChoice === true,
          anonymous: data.anonymous === 'true' || data.anonymous === true,
          closesAt,
          language: turn.language,
        },
        { id: turn.user.id, name: turn.user.name },
        { requestKey },
      );
      poll = result.poll;
      if (!result.created && poll.message) {
        // This submit was handled before (Teams re-sent it, perhaps to a restarted server): same answer, no second card.
        const here = baseConversationId(poll.message.conversationId) === baseConversationId(turn.conversationId);
        return here ? { card: await this.personalCard(poll, turn), repeated: true } : { text: t('poll.started', { id: poll.id }), repeated: true };
      }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return {
        card: pollFormCard({ t, focusGroups: await this.focusGroupChoices(turn.language), focusGroupId: text(data.focusGroupId) || undefined, problem: this.problemText(turn, error) }),
      };
    }
    const ref = await this.conversationOfGroup(poll.focusGroupId);
    if (ref && turn.channelId !== ref.channelId) {
      await this.postToChannel(poll, ref);
      return { text: t('poll.started', { id: poll.id }) };
    }
    // The form message becomes the poll: everyone's copy is replaced by the poll card.
    if (turn.replyToId) {
      poll = await this.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: turn.replyToId, serviceUrl: turn.serviceUrl });
      await this.updateBaseCard(poll.id);
    } else {
      const sent = await turn.send(await this.baseCard(poll));
      poll = await this.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: sent.id, serviceUrl: turn.serviceUrl });
    }
    return { card: await this.personalCard(poll, turn) };
  }

  // ---------------------------------------------------------------- conversation references

  /** Any message from a channel refreshes that channel's reference (cheap: once per channel per process). */
  private async rememberChannel(activity: Activity): Promise<void> {
    const channelData = (activity.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string }; tenant?: { id?: string } };
    const teamId = channelData.team?.id;
    const channelId = channelData.channel?.id;
    if (!teamId || !channelId || this.knownConversations.has(conversationKey(teamId, channelId))) return;
    await this.saveRef(activity, teamId, channelId, channelData.channel?.name);
  }

  private async saveRef(activity: Activity, teamId: string, channelId: string, channelName?: string): Promise<void> {
    const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
    const key = conversationKey(teamId, channelId);
    const ref: ConversationRef = {
      key,
      teamId,
      channelId,
      ...(channelName ? { channelName: channelName.slice(0, 200) } : {}),
      serviceUrl: activity.serviceUrl ?? '',
      ...(channelData.tenant?.id || activity.conversation.tenantId ? { tenantId: channelData.tenant?.id ?? activity.conversation.tenantId } : {}),
      conversationId: channelId,
      ...(activity.recipient?.id ? { botId: activity.recipient.id } : {}),
      updatedAt: this.deps.register.clock.now().toISOString(),
    };
    await this.deps.register.store.conversations.upsertByKey(ref);
    this.knownConversations.add(key);
  }

  /**
   * Installation in a team (the bot among membersAdded) captures every channel of the team; channel
   * created/renamed/restored updates one; a deleted channel or the bot's removal forgets them.
   */
  private async onConversationUpdate(activity: Activity & { membersAdded?: Array<{ id: string }>; membersRemoved?: Array<{ id: string }> }, api: ApiClient): Promise<void> {
    const channelData = (activity.channelData ?? {}) as { eventType?: string; team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } };
    const botId = activity.recipient?.id;
    const teamId = channelData.team?.id;
    const botAdded = Boolean(botId && activity.membersAdded?.some((m) => m.id === botId));
    const botRemoved = Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
    const store = this.deps.register.store;
    if (!teamId) {
      if (botAdded && activity.conversation.conversationType === 'personal') {
        const t = translator(languageOf(activity.locale));
        await this.apiFor(activity.serviceUrl ?? '').conversations.createActivity(activity.conversation.id, { type: 'message', text: t('install.welcome') } as never).catch(() => undefined);
      }
      return;
    }
    if (botRemoved) {
      for (const ref of await store.conversations.list({ field: 'teamId', equals: teamId })) await store.conversations.remove(ref.id, ref.etag);
      for (const key of [...this.knownConversations]) if (key.startsWith(`${teamId}|`)) this.knownConversations.delete(key);
      return;
    }
    const eventType = channelData.eventType ?? '';
    if (botAdded) {
      let channels: Array<{ id?: string; name?: string }> = [];
      try {
        channels = await api.teams.getConversations(teamId);
      } catch (error) {
        this.deps.logger.warn(`could not list the channels of team ${teamId}: ${(error as Error).message}; keeping the current one`);
      }
      if (!channels.length) channels = [{ id: channelData.channel?.id ?? baseConversationId(activity.conversation.id), name: channelData.channel?.name }];
      for (const c of channels) {
        // The General channel has the team's id and often no name.
        if (c.id) await this.saveRef(activity, teamId, c.id, c.name ?? (c.id === teamId ? 'General' : undefined));
      }
      return;
    }
    const channelId = channelData.channel?.id;
    if (!channelId) return;
    if (eventType === 'channelDeleted') {
      const [ref] = await store.conversations.list({ field: 'key', equals: conversationKey(teamId, channelId) });
      if (ref) await store.conversations.remove(ref.id, ref.etag);
      this.knownConversations.delete(conversationKey(teamId, channelId));
      return;
    }
    if (['channelCreated', 'channelRenamed', 'channelRestored', 'teamRenamed'].includes(eventType) || !this.knownConversations.has(conversationKey(teamId, channelId))) {
      await this.saveRef(activity, teamId, channelId, channelData.channel?.name);
    }
  }
}
