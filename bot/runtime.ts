import type { AdaptiveCardActionResponse, CloudEnvironment, IAdaptiveCardActionInvokeActivity } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type express from 'express';
import { LANGUAGES, type Language } from '../src/domain';
import { describeIssue } from '../src/i18n';
import { ValidationError } from '../src/register';
import type { RoleSource } from '../src/register';
import { isLoopback } from '../src/host';
import type { SurfaceDeps } from '../src/host';
import { helpCard } from './cards';
import type { LinkContext } from './cards';
import { CommandRegistry } from './commands';
import type { BotContext } from './context';
import { Conversations } from './conversations';
import { TeamsDigestSender } from './digest-sender';
import { FocusGroups } from './focus-groups';
import { requireTeamsIdentity } from './identity';
import { errorResponse } from './invoke';
import { People } from './people';
import { PollCards } from './poll-cards';
import { TeamsPollPublisher } from './poll-publisher';
import { Proactive } from './proactive';
import { RoleGate, roleSourceFor } from './roles';
import { type ActionResult, inLanguage, type Turn, toInvokeResponse, turnOf } from './turn';
import { CatalogueError } from '../src/domain';
import { errorAnswer, errorMessage } from '../src/i18n';
import type { RegisterPorts } from '../src/register';

export interface BotSurfaceOptions {
  /** Cloud endpoints (token issuer, JWKS, login) — tests point them at a local fake. */
  cloud?: CloudEnvironment;
  /** Outgoing bot token factory instead of the client secret (tests, or a custom credential). */
  token?: (scope: string | string[], tenantId?: string) => string | Promise<string>;
  /** How often the server's timetable should run for this bot's cards (polls opening, closing, reminders; digests), in ms. */
  sweepIntervalMs?: number;
  /** Where people's register roles come from instead of the configured source (bot/roles.ts). */
  roles?: RoleSource;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function sdkLogger(deps: SurfaceDeps): ILogger {
  const logger: ILogger = {
    debug: () => undefined,
    trace: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => deps.logger.warn(`[teams sdk] ${msg.map(String).join(' ')}`),
    error: (...msg: unknown[]) =>
      deps.logger.error(
        `[teams sdk] ${msg
          .filter((m) => !(m instanceof Error))
          .map(String)
          .join(' ')}`,
        msg.find((m) => m instanceof Error),
      ),
    log: (level, ...msg) => (level === 'error' ? logger.error(...msg) : level === 'warn' ? logger.warn(...msg) : undefined),
    child: () => logger,
  };
  return logger;
}

/**
 * The Teams bot on the app's own Express server, wired: the Teams SDK app (which validates Bot Framework
 * tokens and strips the bot's @mention), the commands, the card buttons, the conversation references,
 * and the register's ports (poll cards, digests) that the server plugs in.
 */
export class BotRuntime implements BotContext {
  readonly app: App;
  readonly unauthenticated: boolean;
  readonly register: SurfaceDeps['register'];
  readonly config: SurfaceDeps['config'];
  readonly logger: SurfaceDeps['logger'];
  readonly links: LinkContext;
  readonly proactive: Proactive;
  readonly groups: FocusGroups;
  readonly conversations: Conversations;
  readonly people: People;
  readonly cards: PollCards;
  readonly publisher: TeamsPollPublisher;
  readonly commands = new CommandRegistry();
  readonly gate: RoleGate;
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    deps: SurfaceDeps,
    expressApp: express.Application,
    private readonly options: BotSurfaceOptions = {},
  ) {
    ({ register: this.register, config: this.config, logger: this.logger } = deps);
    const { clientSecret, tenantId } = this.config.entra;
    const managedIdentity = this.config.bot.type === 'UserAssignedMsi';
    this.unauthenticated = this.config.auth.mode === 'local' && !this.config.entra.clientId && !clientSecret && !managedIdentity;
    // BOT_ID may be in env/.env.local after the toolkit's local provision: without credentials it names no bot
    const clientId = this.unauthenticated ? undefined : this.config.bot.id;
    if (this.unauthenticated && !isLoopback(this.config.host)) {
      throw new Error(`The bot accepts unauthenticated requests only in local mode on a loopback host, not ${this.config.host}`);
    }
    if (this.unauthenticated) {
      this.logger.warn(
        '*** BOT WITHOUT AUTHENTICATION: no CLIENT_ID/CLIENT_SECRET, so /api/messages accepts Bot Framework activities ' +
          'WITHOUT tokens (Teams SDK dangerouslyAllowUnauthenticatedRequests). Local development only, on loopback ' +
          `(${this.config.host}). Configure the bot's credentials for any real tenant. ***`,
      );
    }
    this.app = new App({
      clientId,
      // With a managed identity the SDK asks Azure's identity endpoint for the bot's tokens; the empty secret
      // keeps it from taking CLIENT_SECRET (the Entra app's, for Graph) from the environment instead.
      clientSecret: options.token ? undefined : managedIdentity ? '' : clientSecret,
      ...(managedIdentity && !options.token ? { managedIdentityClientId: clientId } : {}),
      tenantId,
      ...(options.token && clientId ? { token: options.token } : {}),
      ...(options.cloud ? { cloud: options.cloud } : {}),
      httpServerAdapter: new ExpressAdapter(expressApp, { logger: sdkLogger(deps) }),
      dangerouslyAllowUnauthenticatedRequests: this.unauthenticated,
      messagingEndpoint: '/api/messages',
      logger: sdkLogger(deps),
      activity: { mentions: { stripText: true } },
    });
    this.links = { teamsAppId: this.config.teamsAppId, publicUrl: this.config.publicUrl, inTeams: !this.unauthenticated };
    this.proactive = new Proactive(this.app);
    this.groups = new FocusGroups(this.register.botRecords);
    this.conversations = new Conversations(this.register.botRecords, this.proactive, this.logger);
    this.people = new People(this.register.botRecords, () => this.register.polls.defaultLanguage, this.conversations, this.proactive);
    this.cards = new PollCards(this.register, this.links);
    this.publisher = new TeamsPollPublisher(this.conversations, this.proactive, this.cards, { onError: this.register.ports.onError });
    this.gate = new RoleGate(options.roles ?? roleSourceFor(this.config, this.logger), this.logger);
    this.routes();
  }

  /** Registers POST /api/messages (the SDK validates tokens there). */
  async start(): Promise<void> {
    await this.app.initialize();
  }

  /** The register's ports this bot fills: poll cards and digests in Teams, failures in the log. The server plugs them in. */
  ports(): RegisterPorts {
    return {
      publisher: this.publisher,
      digestSender: new TeamsDigestSender(this.people, this.conversations, this.proactive, this.links, () => this.register.polls.defaultLanguage),
      onError: (message, error) => this.logger.warn(`${message}: ${(error as Error)?.message ?? error}`),
    };
  }

  async close(): Promise<void> {}

  oneAtATime<T>(key: string, work: () => Promise<T>): { promise: Promise<T>; repeated: boolean } {
    const running = this.running.get(key) as Promise<T> | undefined;
    if (running) return { promise: running, repeated: true };
    const promise = work().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return { promise, repeated: false };
  }

  problemText(turn: Turn, error: unknown): string {
    if (error instanceof ValidationError) return turn.t('error.pollInvalid', { reasons: error.issues.map((i) => describeIssue(turn.language, i)).join('; ') });
    // a refusal, a conflict, something gone: the catalogue's words, as the API gives them
    if (error instanceof CatalogueError && error.code !== 'internal' && error.code !== 'store_unavailable') return errorMessage(turn.language, error);
    this.logger.error('the bot could not answer', error);
    return turn.t('error.generic');
  }

  // Every handler is idempotent through the store (votes keyed on poll + voter, polls on their request
  // key, deliveries on theirs), so a request Teams re-sends — even to a restarted server — changes nothing twice.
  private routes(): void {
    // before every route: with tokens checked, only a person Teams names, in our tenant, acts (local dev excepted)
    if (!this.unauthenticated) requireTeamsIdentity(this.app, this.config.entra.tenantId, this.logger);
    this.app.on('message', async (ctx) => {
      const activity = ctx.activity;
      const turn = turnOf(activity, (a) => ctx.send(a as never));
      await this.conversations.remember(activity);
      const value = activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && typeof value.verb === 'string') {
        // Action.Submit fallback of a Universal Action (clients without Action.Execute): answer with a new message.
        const result = await this.action(turn, value.verb, value);
        if (result.repeated) return;
        await turn.send('card' in result ? result.card : 'text' in result ? result.text : result.error.message);
        return;
      }
      await this.command(turn, activity.text);
    });

    // Each button verb is its own Teams SDK route (`card.action.<verb>`, chosen by the `action` every
    // button's data carries); cards posted before buttons carried it are routed by their Action.Execute verb.
    for (const verb of this.commands.verbList()) {
      this.app.on(`card.action.${verb}`, (ctx) => this.invoke(ctx.activity, verb, (a) => ctx.send(a as never)));
    }
    this.app.on('card.action', async (ctx) => {
      const { verb } = ctx.activity.value?.action ?? {};
      if (ctx.activity.value?.action?.type !== 'Action.Execute' || typeof verb !== 'string') {
        return errorResponse(400, 'bad_request', 'adaptiveCard/action without an Action.Execute verb');
      }
      return this.invoke(ctx.activity, verb, (a) => ctx.send(a as never));
    });

    this.app.on('conversationUpdate', async (ctx) => {
      await this.conversations.onUpdate(ctx.activity);
    });
  }

  /** An Action.Execute button pressed: the verb's handler answers with a card, a message or an error. */
  private async invoke(activity: IAdaptiveCardActionInvokeActivity, verb: string, send: Parameters<typeof turnOf>[1]): Promise<AdaptiveCardActionResponse> {
    const turn = turnOf(activity, send);
    const data = { ...((activity.value.action.data as Record<string, unknown> | undefined) ?? {}) };
    return toInvokeResponse(await this.action(turn, verb, data));
  }

  /** A typed command, answered in the language of the word used ("hulp" in Dutch, whatever the client says). */
  private async command(clientTurn: Turn, text: string | undefined): Promise<void> {
    const match = this.commands.match(text, clientTurn.language);
    const turn = match.kind === 'command' || match.kind === 'refused' ? inLanguage(clientTurn, match.language) : clientTurn;
    const { t } = turn;
    try {
      await this.people.remember(turn);
      if (match.kind === 'command') {
        const admitted = await this.gate.admit(turn, this.commands.needs(match.command, match.args));
        if ('refusal' in admitted) return void (await turn.send(admitted.refusal));
        return await match.command.run(admitted.turn, match.args, this);
      }
      const problem =
        match.kind === 'refused' ? t(match.key, match.params) : match.kind === 'unknown' ? t('error.unknownCommand', { word: match.word }) : undefined;
      await turn.send(helpCard(t, this.commands.helpLines(t), problem));
    } catch (error) {
      await turn.send(this.problemText(turn, error));
    }
  }

  /** A card button, answered in the language of the card it is on (its data carries `lang`), else the client's. */
  private async action(clientTurn: Turn, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    const turn = isLanguage(data.lang) ? inLanguage(clientTurn, data.lang) : clientTurn;
    const handler = this.commands.action(verb);
    if (!handler) return { error: { status: 400, code: 'unknown_verb', message: turn.t('error.unknownAction') } };
    try {
      const admitted = await this.gate.admit(turn, this.commands.actionNeeds(verb));
      if ('refusal' in admitted) return { text: admitted.refusal };
      return await handler(admitted.turn, data, this);
    } catch (error) {
      if (error instanceof CatalogueError && error.code !== 'internal' && error.code !== 'store_unavailable') {
        const { status, body } = errorAnswer(turn.language, error);
        // a card's error answer knows fewer statuses than HTTP: the rest of 4xx is the request's fault (400)
        return { error: { status: status === 403 || status === 404 ? status : 400, code: error.code, message: body.error.message } };
      }
      this.logger.error(`card action ${verb} failed`, error);
      return { error: { status: 500, code: 'internal', message: turn.t('error.generic') } };
    }
  }
}
