import type { Poll, Vote } from '../src/domain';
import type { PollOutcome } from '../src/domain';
import type { Language } from '../src/domain';
import { viewOf } from '../src/register/polls';
import type { Register } from '../src/register';
import type { Stored } from '../src/store';
import type { CardJson } from './cards';
import type { LinkContext } from './cards';
import { MAX_REFRESH_USERS, type PollCardInput, pollCard, resultsCard } from './cards';
import { localized, localizedMarked } from './cards';
import { translator } from './i18n';
import { inLanguage, type Turn } from './turn';

/**
 * The poll's cards as each person may see them, from the register's poll view: the shared card in the
 * conversation (in the poll's own language), someone's own view (their ballot, their buttons, in their
 * language), the results card.
 */
export class PollCards {
  constructor(
    private readonly register: Register,
    private readonly links: LinkContext,
  ) {}

  /** The poll's own language: its shared card, its results and its outcome are in it, whoever looks. */
  languageOf(poll: Poll): Language {
    return (poll.language as Language | undefined) ?? this.register.polls.defaultLanguage;
  }

  /**
   * The turn a person's own view of a poll is answered in: its chair (who created it) reads it in the poll's
   * language, the language they asked in; anyone else in their Teams client's language when Teams says, else
   * the poll's. A button on someone's own view answers in that view's language (the turn already is).
   */
  viewerTurn(poll: Poll, turn: Turn, fromOwnView = false): Turn {
    if (fromOwnView) return turn;
    const own = this.languageOf(poll);
    const language = poll.createdBy.id === turn.user.id ? own : (turn.clientLanguage ?? own);
    return inLanguage(turn, language);
  }

  /** The card everyone sees in the conversation: no one's ballot; the managers' buttons (checked on use). */
  async shared(poll: Stored<Poll>): Promise<CardJson> {
    const language = this.languageOf(poll);
    // a closed poll's card is frozen: it shows the ballots the outcome was counted from
    const votes = await this.register.polls.votes(poll.id, { fresh: poll.status === 'closed' });
    return pollCard({ ...(await this.base(poll, votes, '', false, language)), personal: false });
  }

  /** One person's view: their ballot pre-selected, their buttons, an optional notice or list of who has not voted. */
  async personal(poll: Stored<Poll>, turn: Turn, extra: Pick<PollCardInput, 'notice' | 'notVoted'> & { fresh?: boolean } = {}): Promise<CardJson> {
    const { fresh, ...shown } = extra;
    const votes = await this.register.polls.votes(poll.id, { fresh });
    const canManage = await this.register.polls.mayManage(poll, turn.user, { cached: true });
    return pollCard({ ...(await this.base(poll, votes, turn.user.id, canManage, turn.language)), personal: true, ...shown });
  }

  /** The results as counted at closing (read from the store, not the read cache). */
  async results(poll: Stored<Poll>, language: Language, outcome?: PollOutcome): Promise<CardJson> {
    const votes = await this.register.polls.votes(poll.id, { fresh: true });
    const { refreshUserIds: _r, ...input } = await this.base(poll, votes, '', false, language);
    return resultsCard({ ...input, ...(outcome ? { outcome } : {}) });
  }

  private async base(
    poll: Stored<Poll>,
    votes: readonly Vote[],
    viewerId: string,
    canManage: boolean,
    language: Language,
  ): Promise<Omit<PollCardInput, 'personal'>> {
    const records = this.register.botRecords;
    // names shown on the card: the read cache may answer (no request per vote)
    const [group, entry] = await Promise.all([
      records.focusGroup(poll.focusGroupId, { cached: true }),
      poll.entryId ? records.entry(poll.entryId, { cached: true }) : Promise.resolve(undefined),
    ]);
    return {
      view: viewOf(poll, votes, { id: viewerId, canManage }, this.register.clock.now()),
      t: translator(language),
      language,
      links: this.links,
      ...(group ? { focusGroupName: localized(group.name, language) } : {}),
      ...(entry ? { entryTitle: localizedMarked(entry.title, language, translator(language)) } : {}),
      refreshUserIds: this.refreshUsers(poll, votes, await this.creatorTeamsId(poll)),
    };
  }

  /**
   * The chair who started the poll, by Teams user id: kept on a poll started in Teams; for one started in
   * the tab or the API, the id Teams gave them when they last talked to the bot (none if they never did).
   */
  private async creatorTeamsId(poll: Poll): Promise<string | undefined> {
    if (poll.creatorTeamsId) return poll.creatorTeamsId;
    if (!poll.createdBy.id) return undefined;
    const person = await this.register.botRecords.person(poll.createdBy.id, {});
    return person?.teamsId;
  }

  /**
   * Automatic refresh goes to the chair who started the poll (so their card shows each new vote) and, for a
   * named poll, the latest voters (60 at most; Teams user ids).
   */
  private refreshUsers(poll: Poll, votes: readonly Vote[], creatorTeamsId: string | undefined): string[] {
    const creator = creatorTeamsId ? [creatorTeamsId] : [];
    if (poll.anonymous) return creator;
    const voters = [...votes]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((v) => v.voter.teamsId)
      .filter((id): id is string => Boolean(id) && !creator.includes(id!));
    return [...creator, ...voters.slice(-(MAX_REFRESH_USERS - creator.length))];
  }
}
