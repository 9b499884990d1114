/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { ACTIONS_DONE_VERB, ACTIONS_PAGE_VERB, actionsCard, type ActionsCardInput, type ActionsFilterData } from './actions-card';
export { card, finish, openUrl, text, title, withActions, type CardJson } from './common';
export { digestCard } from './digest-card';
export { DIGEST_SEND_VERB, digestPreviewCard } from './digest-preview-card';
export { ENTRY_PAGE_VERB, ENTRY_SHOW_VERB, entryCard, entryListCard } from './entry-card';
export { helpCard } from './help-card';
export { type LinkContext } from './links';
export {
  MAX_REFRESH_USERS,
  POLL_CLOSE_VERB,
  POLL_CREATE_VERB,
  POLL_NOT_VOTED_VERB,
  POLL_REFRESH_VERB,
  POLL_REMIND_VERB,
  POLL_RUN_AGAIN_VERB,
  POLL_VOTE_VERB,
  pollCard,
  resultsCard,
  type PollCardInput,
} from './poll-card';
export { formValuesOf, pollFormCard, type PollFormValues } from './poll-form-card';
export { localized, localizedMarked, plain } from './text';
