import {
  type ActionArray,
  AdaptiveCard,
  type CardElementArray,
  ExecuteAction,
  type IAdaptiveCard,
  OpenUrlAction,
  SubmitAction,
  TextBlock,
  type TextBlockOptions,
} from '@microsoft/teams.cards';
import { byteSize, CARD_BUDGET_BYTES, CARD_VERSION } from './text';

/** What a card builder hands back: plain JSON, ready for an attachment or an invoke response. */
export type CardJson = IAdaptiveCard & { version: string; type: 'AdaptiveCard' };

/** Properties the card library writes with their default values; dropping them keeps cards small and 1.5-clean. */
const DEFAULTS: Record<string, unknown> = {
  isSortKey: false,
  conditionallyEnabled: false,
  isVisible: true,
  separator: false,
  height: 'auto',
  spacing: 'Default',
  isEnabled: true,
  mode: 'primary',
  isRequired: false,
  useMultipleColumns: false,
};

function prune(value: unknown, parentType?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const type = (value as { type?: string }).type ?? parentType;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'requires' && v && typeof v === 'object' && Object.keys(v).length === 0) continue;
    if (key in DEFAULTS && DEFAULTS[key] === v) continue;
    if (key === 'style' && v === 'default' && typeof type === 'string' && type.startsWith('Action.')) continue;
    out[key] = key === 'data' ? v : prune(v, type);
  }
  return out;
}

/** Serialises a built card to plain JSON at Teams' schema version. */
export function finish(card: AdaptiveCard): CardJson {
  card.withVersion(CARD_VERSION);
  const json = prune(JSON.parse(JSON.stringify(card))) as CardJson;
  return { ...json, $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: CARD_VERSION };
}

export function card(...body: CardElementArray): AdaptiveCard {
  return new AdaptiveCard(...body);
}

export function text(value: string, options: TextBlockOptions = {}): TextBlock {
  return new TextBlock(value, { wrap: true, ...options });
}

export function title(value: string): TextBlock {
  return new TextBlock(value, { wrap: true, size: 'Large', weight: 'Bolder' });
}

/**
 * Data every button carries: the verb again, so the Action.Submit fallback is routed like Action.Execute,
 * and as `action`, the name the Teams SDK routes `card.action.<action>` by.
 */
export type ActionData = { verb: string } & Record<string, unknown>;

/** Universal Action (Action.Execute) with an Action.Submit fallback for clients without Universal Actions. */
export function execute(titleText: string, data: ActionData, options: { style?: 'positive' | 'destructive' } = {}): ExecuteAction {
  const routed = { ...data, action: data.verb };
  const action = new ExecuteAction({ title: titleText, verb: data.verb, data: routed, ...(options.style ? { style: options.style } : {}) });
  return action.withFallback(new SubmitAction({ title: titleText, data: routed, ...(options.style ? { style: options.style } : {}) }));
}

export function openUrl(titleText: string, url: string): OpenUrlAction {
  return new OpenUrlAction(url, { title: titleText });
}

export function withActions(c: AdaptiveCard, ...actions: ActionArray): AdaptiveCard {
  return actions.length ? c.withActions(...actions) : c;
}

/**
 * Builds a page of a list with the largest page size (from `preferred` down) whose card fits the
 * budget; the page number is clamped to the pages that exist at that size.
 */
export function fitPage<T>(
  items: readonly T[],
  page: number,
  preferred: number,
  build: (pageItems: readonly T[], page: number, pages: number, pageSize: number) => CardJson,
): { card: CardJson; page: number; pages: number; pageSize: number } {
  for (let size = preferred; size >= 1; size = size > 4 ? Math.floor(size * 0.7) : size - 1) {
    const pages = Math.max(1, Math.ceil(items.length / size));
    const p = Math.min(Math.max(1, page), pages);
    const built = build(items.slice((p - 1) * size, p * size), p, pages, size);
    if (byteSize(built) <= CARD_BUDGET_BYTES) return { card: built, page: p, pages, pageSize: size };
  }
  throw new Error('a single item does not fit in a card');
}
