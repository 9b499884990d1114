/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export {
  AddinError,
  DocumentError,
  assertRequirements,
  capabilitiesOf,
  insertAnnex,
  insertBlocks,
  refreshAnnex,
  resolvePart,
  selectPart,
  type AddinErrorCode,
  type PartAction,
  type RefreshReport,
  type ReportedPart,
} from './operations';
export { planAnnex, planBlocks, planItems } from './plan';
