import type { FocusGroup } from '../src/domain';
import { fold } from '../src/domain';
import { DOMAINS, type Language, labelOf } from '../src/domain';
import type { BotRecords } from '../src/register';
import type { Stored } from '../src/store';
import { localized } from './cards';
import { matchDomain } from './commands';

/** Finding the focus group a person means: by the channel they write in, a domain, an id or words of its name. */
export class FocusGroups {
  constructor(private readonly records: BotRecords) {}

  all(): Promise<Stored<FocusGroup>[]> {
    return this.records.focusGroups();
  }

  async choices(language: Language): Promise<Array<{ id: string; name: string }>> {
    return (await this.all()).map((g) => ({ id: g.id, name: `${localized(g.name, language)} (${g.domain})` }));
  }

  async ofChannel(where: { teamId?: string; channelId?: string }): Promise<Stored<FocusGroup> | undefined> {
    if (!where.channelId) return undefined;
    return (await this.all()).find((g) => g.channel && g.channel.channelId === where.channelId && (!where.teamId || g.channel.teamId === where.teamId));
  }

  /** "ICT", "#3", or words of its name. */
  async find(value: string): Promise<Stored<FocusGroup> | undefined> {
    const groups = await this.all();
    const byId = groups.find((g) => g.id === value.replace(/^#/, ''));
    if (byId) return byId;
    const domain = matchDomain(value);
    if (domain) {
      const byDomain = groups.find((g) => g.domain === domain) ?? groups.find((g) => g.domain.startsWith(`${domain}.`));
      if (byDomain) return byDomain;
    }
    const f = fold(value);
    return groups.find((g) => Object.values(g.name).some((n) => n && fold(n).includes(f)));
  }

  async names(language: Language): Promise<string> {
    return (await this.all()).map((g) => `${g.domain} (${labelOf(DOMAINS, g.domain, language)})`).join(', ');
  }
}
