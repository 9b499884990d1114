import type { CardJson } from './cards/common';

/**
 * Invoke responses for `adaptiveCard/action` (Universal Actions): always HTTP 200 with a body Teams
 * understands — a card, a message, or an error as application/vnd.microsoft.error. A malformed
 * answer makes Teams show "Unable to reach app" and retry.
 */
export interface CardActionResponse {
  status: 200;
  body:
    | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: CardJson }
    | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
    | { statusCode: 400 | 403 | 404 | 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };
}

export function cardResponse(card: CardJson): CardActionResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

export function messageResponse(text: string): CardActionResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}

export function errorResponse(statusCode: 400 | 403 | 404 | 500, code: string, message: string): CardActionResponse {
  return { status: 200, body: { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } } };
}

export function cardAttachment(card: CardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
