/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { CHANGE_KINDS, changeItemRuns, changeKindHeading, changesBlocks } from './changes-blocks';
export { ChangesService } from './changes-service';
export { type Changes, type DiffPart, type EntryChange } from './changes';
