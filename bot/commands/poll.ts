import { parseLocalDateTime } from '../../src/domain';
import type { PollQuorum } from '../../src/domain';
import { fold } from '../../src/domain';
import type { CreateResult } from '../../src/register/polls';
import { NotFoundError } from '../../src/store';
import { helpCard } from '../cards';
import { pollFormCard } from '../cards';
import type { BotContext } from '../context';
import { POLL_BUTTON_NEEDS, pollButtons } from '../poll-buttons';
import { activityRequestKey, type Turn } from '../turn';
import { defineCommand } from './command';
import { numberId, type Parsed, parsed, refused } from './parse';

export interface PollCommand {
  kind: 'create';
  question: string;
  options: string[];
  multipleChoice: boolean;
  anonymous: boolean;
  sealed: boolean;
  opensAt: string | null;
  closesAt: string | null;
  roster: 'focusGroup' | 'channel' | null;
  quorum: PollQuorum | null;
  reminderTime: string | null;
  /** record the outcome as a decision on the entry; absent: only a yes/no question does */
  recordDecision?: boolean;
  entryId?: string;
  group?: string;
}

type Args = { kind: 'form' } | { kind: 'show'; pollId: string } | PollCommand;

const FLAGS: Record<string, 'multipleChoice' | 'anonymous' | 'sealed'> = Object.fromEntries([
  ...['multi', 'multiple', 'meerdere', 'plusieurs'].map((w) => [w, 'multipleChoice' as const]),
  ...['anonymous', 'anoniem', 'anonyme'].map((w) => [w, 'anonymous' as const]),
  ...['sealed', 'hidden', 'verzegeld', 'verborgen', 'scelle', 'cache'].map((w) => [w, 'sealed' as const]),
]);
const KEYS: Record<string, 'closes' | 'opens' | 'entry' | 'group' | 'roster' | 'quorum' | 'remind' | 'decision'> = Object.fromEntries([
  ...['decision', 'beslissing'].map((k) => [k, 'decision' as const]),
  ...['closes', 'close', 'sluit', 'cloture', 'fin'].map((k) => [k, 'closes' as const]),
  ...['opens', 'opent', 'ouverture', 'debut'].map((k) => [k, 'opens' as const]),
  ...['entry', 'fiche'].map((k) => [k, 'entry' as const]),
  ...['group', 'groep', 'groupe'].map((k) => [k, 'group' as const]),
  ...['roster', 'voters', 'kiezers', 'votants'].map((k) => [k, 'roster' as const]),
  ['quorum', 'quorum' as const],
  ...['remind', 'herinner', 'rappel'].map((k) => [k, 'remind' as const]),
]);
const DECISION_VALUES: Record<string, boolean> = { yes: true, ja: true, oui: true, no: false, nee: false, neen: false, non: false };
const ROSTER_VALUES: Record<string, 'focusGroup' | 'channel'> = {
  group: 'focusGroup',
  groep: 'focusGroup',
  groupe: 'focusGroup',
  channel: 'channel',
  kanaal: 'channel',
  canal: 'channel',
};

/** One "key=value" setting before the question; a refusal names the token that was wrong. */
function setting(cmd: PollCommand, key: (typeof KEYS)[string], value: string, token: string): Parsed<never> | undefined {
  const bad = () => refused<never>('error.badArgument', { word: token, command: 'poll' });
  switch (key) {
    case 'closes':
    case 'opens': {
      const at = parseLocalDateTime(value);
      if (!at) return refused('error.badDate', { value });
      if (key === 'closes') cmd.closesAt = at;
      else cmd.opensAt = at;
      return undefined;
    }
    case 'entry':
      if (!numberId(value)) return bad();
      cmd.entryId = numberId(value);
      return undefined;
    case 'group':
      cmd.group = value;
      return undefined;
    case 'roster':
      if (!ROSTER_VALUES[fold(value)]) return bad();
      cmd.roster = ROSTER_VALUES[fold(value)];
      return undefined;
    case 'quorum': {
      const m = /^(\d{1,5})(%?)$/.exec(value);
      if (!m) return bad();
      cmd.quorum = m[2] ? { percent: Number(m[1]) } : { ballots: Number(m[1]) };
      return undefined;
    }
    case 'decision':
      if (DECISION_VALUES[fold(value)] === undefined) return bad();
      cmd.recordDecision = DECISION_VALUES[fold(value)];
      return undefined;
    case 'remind':
      if (!/^([01]?\d|2[0-3])[:h][0-5]\d$/.test(value)) return bad();
      cmd.reminderTime = value.replace('h', ':').padStart(5, '0');
      return undefined;
  }
}

export function parsePoll(rest: string): Parsed<Args> {
  const text0 = rest.trim();
  if (!text0) return parsed({ kind: 'form' });
  const id = numberId(text0);
  if (id) return parsed({ kind: 'show', pollId: id });
  const cmd: PollCommand = {
    kind: 'create',
    question: '',
    options: [],
    multipleChoice: false,
    anonymous: false,
    sealed: false,
    opensAt: null,
    closesAt: null,
    roster: null,
    quorum: null,
    reminderTime: null,
  };
  let text = text0;
  // Leading settings: words and key=value pairs before the question.
  for (;;) {
    const m = /^(\S+)\s*/.exec(text);
    if (!m) break;
    const token = m[1];
    const kv = /^([^=]+)=(.+)$/.exec(token);
    if (FLAGS[fold(token)]) cmd[FLAGS[fold(token)]] = true;
    else if (kv && KEYS[fold(kv[1])]) {
      const problem = setting(cmd, KEYS[fold(kv[1])], kv[2], token);
      if (problem) return problem;
    } else break;
    text = text.slice(m[0].length);
  }
  const parts = text.split('|').map((p) => p.trim());
  cmd.question = parts[0] ?? '';
  cmd.options = parts.slice(1).filter(Boolean);
  if (!cmd.question || cmd.options.length < 2 || cmd.options.length > 10) return refused('error.pollSyntax');
  return parsed(cmd);
}

/**
 * Starts a poll from a command: for the focus group named, or of this channel, or the only one. It is
 * posted in its group's bound channel (a confirmation here), or right here when the group has none or
 * this is that channel. A re-sent activity (even after a restart) posts nothing twice.
 */
async function start(turn: Turn, cmd: PollCommand, bot: BotContext): Promise<void> {
  const { t } = turn;
  const lines = bot.commands.helpLines(t);
  let group = cmd.group ? await bot.groups.find(cmd.group) : await bot.groups.ofChannel(turn);
  if (cmd.group && !group)
    return void (await turn.send(helpCard(t, lines, t('error.unknownFocusGroup', { value: cmd.group, groups: await bot.groups.names(turn.language) }))));
  if (!group) {
    const all = await bot.groups.all();
    if (all.length === 1) group = all[0];
  }
  if (!group) return void (await turn.send(helpCard(t, lines, t('error.noFocusGroup', { groups: await bot.groups.names(turn.language) }))));
  const { kind: _kind, group: _group, entryId, ...settings } = cmd;
  const requestKey = activityRequestKey(turn.conversationId, turn.activityId);
  const focusGroupId = group.id;
  await bot.oneAtATime(requestKey, async () => {
    let created: CreateResult;
    try {
      created = await bot.register.polls.createOnce(
        { ...settings, focusGroupId, entryId: entryId ?? null, language: turn.language },
        { id: turn.user.id, name: turn.user.name, teamsId: turn.user.teamsId },
        { requestKey, publish: false },
      );
    } catch (error) {
      await turn.send(helpCard(t, lines, bot.problemText(turn, error)));
      return;
    }
    // Already posted by the first delivery of this activity (perhaps before a restart): nothing more to say.
    if (!created.created && created.poll.message) return;
    await announce(turn, created, bot);
  }).promise;
}

async function announce(turn: Turn, { poll, rosterSkipped }: CreateResult, bot: BotContext): Promise<void> {
  const { t } = turn;
  const skipped = rosterSkipped.length ? ` ${t('poll.rosterSkipped', { names: rosterSkipped.join(', ') })}` : '';
  if (poll.status === 'scheduled') {
    await turn.send(t('poll.scheduled', { id: poll.id }) + skipped);
    return;
  }
  const ref = await bot.conversations.ofGroup(poll.focusGroupId);
  if (ref && turn.channelId !== ref.channelId) {
    await bot.register.polls.publishIfDue(poll);
    await turn.send(t('poll.started', { id: poll.id }) + (ref.channelName ? ` (${ref.channelName})` : '') + skipped);
    return;
  }
  const sent = await turn.send(await bot.cards.shared(poll));
  await bot.register.polls.setMessage(poll.id, { conversationId: turn.conversationId, activityId: sent.id, serviceUrl: turn.serviceUrl });
  if (skipped) await turn.send(skipped.trim());
}

/** "poll ‹question› | ‹option› | …" with settings, "poll" (a form), "poll 12" (that poll's card for you). */
export const command = defineCommand<Args>({
  name: 'poll',
  order: 30,
  aliases: { en: ['poll'], nl: ['stemming', 'peiling'], fr: ['sondage', 'vote'] },
  help: 'help.poll',
  parse: parsePoll,
  // starting one (or its form) is an editor's; showing one, anyone's who reads the register
  needs: (args) => (args.kind === 'create' || args.kind === 'form' ? 'poll' : 'read'),
  async run(turn, args, bot) {
    if (args.kind === 'create') return start(turn, args, bot);
    if (args.kind === 'form') {
      const group = await bot.groups.ofChannel(turn);
      await turn.send(pollFormCard({ t: turn.t, language: turn.language, focusGroups: await bot.groups.choices(turn.language), focusGroupId: group?.id }));
      return;
    }
    const poll = await bot.register.polls.get(args.pollId).catch((e) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
    if (!poll) return void (await turn.send(helpCard(turn.t, bot.commands.helpLines(turn.t), turn.t('error.pollNotFound', { id: args.pollId }))));
    await turn.send(await bot.cards.personal(poll, turn));
  },
  actions: pollButtons,
  actionNeeds: POLL_BUTTON_NEEDS,
});
