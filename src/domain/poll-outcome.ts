import type { LocalizedText, Poll } from './model';
import { type OptionTally, percentOf, quorumOf, type Tally, winnersOf } from './poll-rules';
import { fold } from './queries';
import type { DecisionOutcome, Language } from './vocabulary';

/**
 * What a closed poll decided, in words that follow its question: the option chosen, a tie, no quorum,
 * nobody voted. Only a yes/no question can be "approved" or "rejected"; "which day?" is "noted" with
 * the day that was chosen. The text carries the poll's figures in the register's three languages.
 */

export type OutcomeKind = 'chosen' | 'tie' | 'no_quorum' | 'no_ballots';

export interface PollOutcome {
  kind: OutcomeKind;
  /** the decision recorded on the linked entry */
  outcome: Extract<DecisionOutcome, 'approved' | 'rejected' | 'deferred' | 'noted'>;
  winners: string[];
  ballots: number;
  roster: number | null;
  quorum: number | null;
  text: Required<LocalizedText>;
}

const YES = ['yes', 'ja', 'oui', 'akkoord', 'pour', 'voor', 'for', 'approve', 'goedkeuren', 'approuver', "d'accord"];
const NO = ['no', 'nee', 'neen', 'non', 'tegen', 'contre', 'against', 'reject', 'afwijzen', 'rejeter', "pas d'accord"];
const ABSTAIN = ['abstain', 'abstention', 'onthouding', 'blanco', 'neutre', 'neutral', 'geen mening', 'sans avis'];

/** A yes/no question (optionally with abstention): its outcome is approval or rejection. */
export function approvalOptions(poll: Pick<Poll, 'options' | 'multipleChoice'>): { yes: string; no: string } | undefined {
  if (poll.multipleChoice) return undefined;
  const kind = (label: string) => {
    const f = fold(label)
      .replace(/[.!]+$/, '')
      .trim();
    return YES.includes(f) ? 'yes' : NO.includes(f) ? 'no' : ABSTAIN.includes(f) ? 'abstain' : 'other';
  };
  const kinds = poll.options.map((o) => ({ id: o.id, kind: kind(o.label) }));
  const yes = kinds.filter((k) => k.kind === 'yes');
  const no = kinds.filter((k) => k.kind === 'no');
  if (yes.length !== 1 || no.length !== 1 || kinds.some((k) => k.kind === 'other')) return undefined;
  return { yes: yes[0].id, no: no[0].id };
}

/**
 * Does closing this poll record its outcome as a decision on its entry? The chair's choice when made; a
 * poll that never had the choice: only a yes/no question ("which day?" is not a decision).
 */
export function recordsDecision(poll: Pick<Poll, 'options' | 'multipleChoice' | 'recordDecision'>): boolean {
  return poll.recordDecision ?? approvalOptions(poll) !== undefined;
}

interface Words {
  head: (question: string) => string;
  q: (label: string) => string;
  and: string;
  pct: (n: number) => string;
  colon: string;
  chosen: (names: string, count: number, ballots: number, pct: string) => string;
  tie: (names: string, count: number, ballots: number) => string;
  approved: string;
  rejected: string;
  undecided: string;
  noQuorum: (ballots: number, required: number) => string;
  none: string;
  tally: string;
  turnout: (ballots: number, roster: number, pct: string) => string;
  quorum: (required: number, reached: boolean) => string;
}

const NBSP = '\u00a0';

const WORDS: Record<Language, Words> = {
  nl: {
    head: (q) => `Stemming “${q}”`,
    q: (l) => `“${l}”`,
    and: 'en',
    pct: (n) => `${n}%`,
    colon: ':',
    chosen: (names, c, b, pct) => `${names} gekozen met ${c} van de ${b} ${b === 1 ? 'stem' : 'stemmen'} (${pct})`,
    tie: (names, c, b) => `gelijkspel tussen ${names}, elk ${c} van de ${b} stemmen`,
    approved: 'goedgekeurd',
    rejected: 'verworpen',
    undecided: 'geen beslissing',
    noQuorum: (b, r) => `quorum niet bereikt (${b} ${b === 1 ? 'stem' : 'stemmen'}, ${r} vereist); geen beslissing`,
    none: 'er werd niet gestemd',
    tally: 'Telling',
    turnout: (b, r, pct) => `Opkomst: ${b} van ${r} stemgerechtigden (${pct})`,
    quorum: (r, ok) => `quorum ${r} ${ok ? 'bereikt' : 'niet bereikt'}`,
  },
  fr: {
    head: (q) => `Sondage «${NBSP}${q}${NBSP}»`,
    q: (l) => `«${NBSP}${l}${NBSP}»`,
    and: 'et',
    pct: (n) => `${n}${NBSP}%`,
    colon: `${NBSP}:`,
    chosen: (names, c, b, pct) => `${names} retenu avec ${c} voix sur ${b} (${pct})`,
    tie: (names, c, b) => `égalité entre ${names}, ${c} voix sur ${b} chacun`,
    approved: 'approuvé',
    rejected: 'rejeté',
    undecided: 'pas de décision',
    noQuorum: (b, r) => `quorum non atteint (${b} ${b === 1 ? 'bulletin' : 'bulletins'} pour ${r} requis)${NBSP}; pas de décision`,
    none: 'personne n’a voté',
    tally: 'Décompte',
    turnout: (b, r, pct) => `Participation${NBSP}: ${b} sur ${r} votants inscrits (${pct})`,
    quorum: (r, ok) => `quorum de ${r} ${ok ? 'atteint' : 'non atteint'}`,
  },
  en: {
    head: (q) => `Poll “${q}”`,
    q: (l) => `“${l}”`,
    and: 'and',
    pct: (n) => `${n}%`,
    colon: ':',
    chosen: (names, c, b, pct) => `${names} chosen with ${c} of ${b} ${b === 1 ? 'ballot' : 'ballots'} (${pct})`,
    tie: (names, c, b) => `tie between ${names}, ${c} of ${b} ballots each`,
    approved: 'approved',
    rejected: 'rejected',
    undecided: 'no decision',
    noQuorum: (b, r) => `no quorum (${b} ${b === 1 ? 'ballot' : 'ballots'}, ${r} required); not decided`,
    none: 'nobody voted',
    tally: 'Tally',
    turnout: (b, r, pct) => `Turnout: ${b} of ${r} on the roster (${pct})`,
    quorum: (r, ok) => `quorum of ${r} ${ok ? 'reached' : 'not reached'}`,
  },
};

function list(w: Words, labels: string[]): string {
  const quoted = labels.map((l) => w.q(l));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${w.and} ${quoted[quoted.length - 1]}`;
}

function verdict(w: Words, kind: OutcomeKind, outcome: PollOutcome['outcome'], winners: OptionTally[], tally: Tally, required: number | null): string {
  if (kind === 'no_ballots') return w.none;
  if (kind === 'no_quorum') return w.noQuorum(tally.ballots, required ?? 0);
  const names = list(
    w,
    winners.map((o) => o.label),
  );
  const figures =
    kind === 'tie'
      ? w.tie(names, winners[0].count, tally.ballots)
      : w.chosen(names, winners[0].count, tally.ballots, w.pct(percentOf(winners[0].count, tally.ballots)));
  if (outcome === 'approved') return `${w.approved}${w.colon} ${figures}`;
  if (outcome === 'rejected') return `${w.rejected}${w.colon} ${figures}`;
  if (outcome === 'deferred') return `${w.undecided}${w.colon} ${figures}`;
  return figures;
}

function textIn(
  language: Language,
  poll: Pick<Poll, 'question'>,
  o: Omit<PollOutcome, 'text'>,
  winners: OptionTally[],
  tally: Tally,
  reached: boolean,
): string {
  const w = WORDS[language];
  const parts = [`${w.head(poll.question)}${w.colon} ${verdict(w, o.kind, o.outcome, winners, tally, o.quorum)}.`];
  if (o.kind !== 'no_ballots') parts.push(`${w.tally}${w.colon} ${tally.options.map((t) => `${t.label} ${t.count}`).join(', ')}.`);
  if (o.roster !== null) {
    const turnout = w.turnout(tally.ballots, o.roster, w.pct(percentOf(tally.ballots, o.roster)));
    parts.push(`${turnout}${o.quorum !== null ? `, ${w.quorum(o.quorum, reached)}` : ''}.`);
  }
  return parts.join(' ');
}

/**
 * The outcome of a closed poll. No ballots, or fewer than the quorum: "deferred" (nothing decided).
 * A yes/no question: "approved" when yes has more votes than no, "rejected" when no has more, else
 * "deferred". Any other question: "noted", naming the option(s) with the most votes.
 */
export function outcomeOf(
  poll: Pick<Poll, 'question' | 'options' | 'anonymous' | 'multipleChoice' | 'quorum' | 'roster'> & { id: string },
  tally: Tally,
): PollOutcome {
  const quorum = quorumOf(poll, tally.ballots);
  const winners = winnersOf(tally);
  const kind: OutcomeKind = tally.ballots === 0 || winners.length === 0 ? 'no_ballots' : !quorum.reached ? 'no_quorum' : winners.length > 1 ? 'tie' : 'chosen';
  let outcome: PollOutcome['outcome'] = kind === 'chosen' || kind === 'tie' ? 'noted' : 'deferred';
  const approval = approvalOptions(poll);
  if (approval && (kind === 'chosen' || kind === 'tie')) {
    const count = (id: string) => tally.options.find((o) => o.optionId === id)?.count ?? 0;
    const yes = count(approval.yes);
    const no = count(approval.no);
    outcome = yes > no ? 'approved' : no > yes ? 'rejected' : 'deferred';
  }
  const base: Omit<PollOutcome, 'text'> = {
    kind,
    outcome,
    winners: kind === 'chosen' || kind === 'tie' ? winners.map((o) => o.optionId) : [],
    ballots: tally.ballots,
    roster: poll.roster ? poll.roster.length : null,
    quorum: quorum.required,
  };
  return {
    ...base,
    text: {
      nl: textIn('nl', poll, base, winners, tally, quorum.reached),
      fr: textIn('fr', poll, base, winners, tally, quorum.reached),
      en: textIn('en', poll, base, winners, tally, quorum.reached),
    },
  };
}
