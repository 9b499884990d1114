import type { FocusGroup } from '../../domain';
import type { Labelled } from '../../domain';
import type { Capability, Role } from '../../domain';
import type { Stored } from '../../store';
import type { TabBootConfig } from '../page';
import type { Api } from './api';
import { formatDate, formatDateTime, formatEuro, formatNumber } from './format';
import type { Host } from './host';
import { type MessageKey, plural, translate, type Vars } from './i18n';
import type { Language } from './locale';
import { languageOrder } from '../../domain';

/** GET /api/me: who the caller is and what the register lets them do (the API refuses the rest anyway). */
export interface Me {
  id: string;
  name: string;
  email?: string;
  local: boolean;
  role?: Role | null;
  capabilities?: Partial<Record<Capability, boolean>>;
}

/** What the person may do, from /api/me; nothing when it could not be read (the page then only reads). */
export function canOf(me: Me | undefined): (capability: Capability) => boolean {
  return (capability) => me?.capabilities?.[capability] === true;
}

/** What every view gets: the API, the host, the language, formatting and navigation. */
export interface AppContext {
  api: Api;
  host: Host;
  boot: TabBootConfig;
  lang: Language;
  locale: string;
  me?: Me;
  /** whether the person's role allows it: views hide the controls it does not */
  can(capability: Capability): boolean;
  focusGroups: Stored<FocusGroup>[];
  /** the focus group a channel tab is bound to */
  boundFocusGroupId?: string;
  t(key: MessageKey, vars?: Vars): string;
  plural(base: string, count: number, vars?: Vars): string;
  label(table: Record<string, Labelled>, code: string | null | undefined): string;
  /** picks the text in the page's language, else another; returns the language used for lang="" */
  text(value: { nl?: string; fr?: string; en?: string } | null | undefined): { text: string; lang: Language | undefined };
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  euro(amount: number): string;
  number(n: number): string;
  announce(message: string, kind?: 'info' | 'success' | 'error'): void;
  navigate(hash: string): void;
  reloadFocusGroups(): Promise<void>;
}

export function makeFormatting(lang: Language, locale: string) {
  return {
    t: (key: MessageKey, vars?: Vars) => translate(lang, key, vars),
    plural: (base: string, count: number, vars?: Vars) => plural(lang, base, count, vars, formatNumber(count, locale)),
    label: (table: Record<string, Labelled>, code: string | null | undefined) => {
      if (!code) return '';
      const entry = table[code];
      return entry ? entry[lang] || entry.en : code;
    },
    text: (value: { nl?: string; fr?: string; en?: string } | null | undefined) => {
      for (const l of languageOrder(lang)) {
        const s = value?.[l]?.trim();
        if (s) return { text: s, lang: l };
      }
      return { text: '', lang: undefined };
    },
    date: (iso: string | null | undefined) => formatDate(iso, locale),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale),
    euro: (amount: number) => formatEuro(amount, locale),
    number: (n: number) => formatNumber(n, locale),
  };
}
