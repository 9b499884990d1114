/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { type Reason } from './classify';
export { type ConfirmProgress } from './confirm-progress';
export { ImportRejectedError } from './errors';
export { ImportService, MAX_IMPORT_BYTES, fileTooLarge, type ImportResult, type ImportSummary } from './import-service';
export { type Candidate } from './match-register';
export { proposalChanges, type ProposalChanges } from './proposal-changes';
export { importProposal, type ImportProposal, type ProposedEntry } from './proposal';
export { readDocx } from './read-docx';
