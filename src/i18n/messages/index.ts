/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { annexMessages } from './annex';
export { botMessages } from './bot';
export { errorMessages } from './errors';
export { fieldMessages } from './fields';
export { importMessages } from './import';
export { paneMessages } from './pane';
export { pollExportMessages } from './poll-export';
export { tabAccessMessages } from './tab-access';
export { tabImportMessages } from './tab-import';
export { tabMessages } from './tab';
export { validationMessages } from './validation';
export { wordMessages } from './word';
