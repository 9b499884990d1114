import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { CardJson } from './cards';

/**
 * Answers to `adaptiveCard/action` (Universal Actions), as the Teams SDK types them: a card, a message, or
 * an error (application/vnd.microsoft.error). Teams knows 400 and 500 as error codes; the finer status
 * (403, 404) travels in the error's innerHttpError. A malformed answer makes Teams show "Unable to reach
 * app" and retry.
 */
export type ErrorStatus = 400 | 403 | 404 | 500;

export function cardResponse(card: CardJson): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function messageResponse(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

export function errorResponse(status: ErrorStatus, code: string, message: string): AdaptiveCardActionResponse {
  return {
    statusCode: status === 500 ? 500 : 400,
    type: 'application/vnd.microsoft.error',
    value: { code, message, innerHttpError: { statusCode: status, body: { code, message } } },
  };
}

export function cardAttachment(card: CardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
