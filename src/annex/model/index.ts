export { buildAnnexModel, meetingPeriodOf } from './build';
export { formatDate, formatEuro, punctuateItem } from './format';
export { annexText } from './texts';
export * from './types';
export { lifecycleOf, rulesForClosing } from './placement';
export { rollOverEntry } from './roll-over';
export { gathers } from './sections';
export { textChunks } from './text-chunks';
export { headingText, runsText, type AnnexBlock, type AnnexMeta, type AnnexModel, type AnnexRun } from './types';
