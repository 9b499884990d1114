import { fold } from '../../src/domain';
import type { Language } from '../../src/domain';
import type { Capability } from '../../src/domain';
import type { MessageKey, Translate } from '../i18n';
import type { BotCommand, CardActionHandler } from './command';
import { COMMANDS } from './index';
import { aliasLanguages, cleanText, languageOfAlias, startsWithWords } from './parse';

export type Matched =
  | { kind: 'command'; command: BotCommand; args: unknown; language: Language }
  | { kind: 'refused'; command: BotCommand; key: MessageKey; params: Record<string, string>; language: Language }
  | { kind: 'unknown'; word: string }
  | { kind: 'empty' };

/**
 * The commands (./index.ts) and their card buttons: matches the command word in any language, answers in
 * the language of the word used, and names every button verb so the bot can route each one on its own.
 */
export class CommandRegistry {
  private readonly aliases: Array<{ alias: string; command: BotCommand }>;
  private readonly verbs = new Map<string, CardActionHandler>();
  private readonly verbNeeds = new Map<string, Capability>();

  readonly commands: readonly BotCommand[];

  constructor(commands: readonly BotCommand[] = COMMANDS) {
    this.commands = [...commands].sort((a, b) => a.order - b.order);
    this.aliases = commands
      .flatMap((command) => [...new Set(Object.values(command.aliases).flat().map(fold))].map((alias) => ({ alias, command })))
      .sort((a, b) => b.alias.length - a.alias.length);
    for (const command of this.commands) {
      for (const [verb, handler] of Object.entries(command.actions ?? {})) {
        if (this.verbs.has(verb)) throw new Error(`two bot commands handle the card verb ${verb}`);
        this.verbs.set(verb, handler);
        this.verbNeeds.set(verb, command.actionNeeds?.[verb] ?? 'read');
      }
    }
  }

  /** The command a message asks for, parsed, with the language to answer in. */
  match(text: string | undefined | null, client: Language): Matched {
    const clean = cleanText(text);
    if (!clean) return { kind: 'empty' };
    const folded = fold(clean);
    const hit = this.aliases.find(({ alias }) => startsWithWords(folded, alias));
    if (!hit) return { kind: 'unknown', word: clean.split(' ')[0].slice(0, 40) };
    const { alias, command } = hit;
    const language = languageOfAlias(aliasLanguages(command.aliases, alias), client);
    const typed = clean.slice(0, alias.length);
    const result = command.parse(clean.slice(alias.length).trim(), typed);
    return result.ok
      ? { kind: 'command', command, args: result.value, language }
      : { kind: 'refused', command, key: result.key, params: result.params ?? {}, language };
  }

  /** Every card button verb the commands' cards carry. */
  verbList(): string[] {
    return [...this.verbs.keys()];
  }

  action(verb: string): CardActionHandler | undefined {
    return this.verbs.get(verb);
  }

  /** What a card button needs the person to be allowed. */
  actionNeeds(verb: string): Capability {
    return this.verbNeeds.get(verb) ?? 'read';
  }

  /** What a matched command needs the person to be allowed (null: anyone). */
  needs(command: BotCommand, args: unknown): Capability | null {
    const { needs } = command;
    if (needs === undefined) return 'read';
    return typeof needs === 'function' ? needs(args) : needs;
  }

  /** One line per command for the help card, in the commands' order. */
  helpLines(t: Translate): string[] {
    return this.commands.map((c) => t(c.help));
  }
}
