import type { BotCommand } from './command';
import { command as actions } from './actions';
import { command as changes } from './changes';
import { command as digest } from './digest';
import { command as entry } from './entry';
import { command as help } from './help';
import { command as poll } from './poll';
import { command as results } from './results';

/**
 * Every command the bot knows, listed once: a new command is a module in this folder (its strings in the
 * message catalogue) and a line here. The help card lists them by their `order`.
 */
export const COMMANDS: readonly BotCommand[] = [help, entry, actions, poll, results, changes, digest];
export { type CardActionHandler } from './command';
export { matchDomain } from './parse';
export { CommandRegistry } from './registry';
