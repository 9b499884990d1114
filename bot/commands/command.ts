import type { Language } from '../../src/domain';
import type { Capability } from '../../src/domain';
import type { BotContext } from '../context';
import type { MessageKey } from '../i18n';
import type { ActionResult, Turn } from '../turn';
import type { Parsed } from './parse';

/** A card button's handler: the person's turn and the button's data in, the answer out. */
export type CardActionHandler = (turn: Turn, data: Record<string, unknown>, bot: BotContext) => Promise<ActionResult>;

/**
 * One bot command, complete in its own file under bot/commands/: how people say it (aliases per
 * language), its line on the help card, how its arguments parse, what it does, and the card buttons
 * its cards carry (by verb). The registry finds every such file; adding a command is adding a file.
 */
export interface BotCommand<P = unknown> {
  name: string;
  /** position on the help card */
  order: number;
  /** every way to say it, folded (lower case, no accents); longest phrases are tried first */
  aliases: Record<Language, readonly string[]>;
  /** the help card's line for it */
  help: MessageKey;
  /** the text after the command word → arguments, or what was wrong (`alias`: the word as typed) */
  parse(rest: string, alias: string): Parsed<P>;
  run(turn: Turn, args: P, bot: BotContext): Promise<void>;
  /** what the person must be allowed to do (src/register/authorization.ts): 'read' unless said; null: anyone */
  needs?: Capability | null | ArgsRule<P>;
  /** card buttons (Action.Execute verbs) this command's cards carry */
  actions?: Record<string, CardActionHandler>;
  /** what each of those buttons needs: 'read' unless said */
  actionNeeds?: Record<string, Capability>;
}

/**
 * A rule on a command's own arguments, checked like a method (bivariantly), so that commands with different
 * arguments share one list (`BotCommand[]`); the registry only ever calls it with what the command parsed.
 */
type ArgsRule<P> = { rule(args: P): Capability | null }['rule'];

/** Type-checks a command module's export (keeps `P` for its own parse and run). */
export function defineCommand<P>(command: BotCommand<P>): BotCommand<P> {
  return command;
}
