export { type AnnexInput, buildAnnexModel, meetingPeriodOf } from './build';
export { formatDate, formatEuro, punctuateItem } from './format';
export { annexText, NBSP } from './texts';
export * from './types';
