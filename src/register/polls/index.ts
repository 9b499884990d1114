/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { ballotTable, toCsv, toXlsx } from './export';
export { type CloseResult, type PollMessage, type PollPublisher } from './publisher';
export { MAX_REQUEST_KEY, duplicateRequest, normaliseOptions, pollRequest } from './request';
export { PollSchedule } from './schedule';
export { BallotRejectedError, ForbiddenError, PollService, type CreateResult } from './service';
export { viewOf, type PollView } from './view';
