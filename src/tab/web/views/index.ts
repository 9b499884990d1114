/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { renderActionForm } from './action-form';
export { actionFiltersFromQuery, defaultActionFilters, renderActions, type ActionFilters } from './actions';
export { renderAnnex } from './annex';
export { renderChanges } from './changes';
export { renderCompleteness } from './completeness';
export { renderDeleted } from './deleted';
export { renderDetail } from './detail';
export { renderFocusGroups } from './focus-groups';
export { renderForm } from './form';
export { renderImport } from './import';
export { renderMeetingForm } from './meeting-form';
export { renderMeetings } from './meetings';
export { renderPollForm } from './poll-form';
export { renderPoll } from './poll';
export { emptyFilters, filtersFromQuery, renderRegister, type RegisterFilters } from './register';
export { renderSettings, type SettingsView } from './settings';
export { renderTemplate, renderTemplates } from './templates';
export { renderVersions } from './versions';
