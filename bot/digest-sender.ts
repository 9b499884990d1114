import type { FocusGroup } from '../src/domain';
import type { Language } from '../src/domain';
import type { Digest, DigestSender } from '../src/register';
import type { Stored } from '../src/store';
import { digestCard } from './cards';
import type { LinkContext } from './cards';
import { localized } from './cards';
import type { Conversations } from './conversations';
import { translator } from './i18n';
import type { People } from './people';
import { Proactive } from './proactive';

/** The digests' way into Teams (the DigestSender port): a 1:1 chat with each owner, a post in each group's channel. */
export class TeamsDigestSender implements DigestSender {
  constructor(
    private readonly people: People,
    private readonly conversations: Conversations,
    private readonly proactive: Proactive,
    private readonly links: LinkContext,
    /** the language of action titles that do not say theirs */
    private readonly defaultLanguage: () => Language,
  ) {}

  async toOwner(owner: { id: string; name: string }, language: Language, digest: Digest): Promise<void> {
    const chat = await this.people.chatOf(owner.id, owner.name);
    const card = digestCard({ digest, t: translator(language), language, links: this.links, defaultLanguage: this.defaultLanguage() });
    await this.proactive.post(chat.serviceUrl, chat.conversationId, Proactive.card(card));
  }

  async toChannel(group: Stored<FocusGroup>, language: Language, digest: Digest): Promise<void> {
    const ref = await this.conversations.ofGroup(group.id);
    if (!ref) throw new Error(`the bot is not installed in the team of focus group ${group.id}'s channel`);
    const card = digestCard({
      digest,
      t: translator(language),
      language,
      links: this.links,
      groupName: localized(group.name, language),
      defaultLanguage: this.defaultLanguage(),
    });
    await this.proactive.post(ref.serviceUrl, ref.conversationId, Proactive.card(card));
  }
}
