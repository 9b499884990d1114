export { buildAnnexModel, meetingPeriodOf, type AnnexInput } from './build';
export { formatDate, formatEuro, punctuateItem } from './format';
export { ANNEX_TEXTS, TO_VERIFY } from './texts';
export * from './types';
