/** This folder's public face: what callers outside it may import (they import nothing else of it). */
export { BotRecords } from './bot-records';
export { readModifyWrite } from './conditional-write';
export { type DeliveryOutcome } from './deliveries';
export { type Digest, type DigestPlan, type DigestRun, type DigestSender } from './digest-service';
export { EntryRestore, type DeletedEntry } from './entry-restore';
export { ValidationError, fieldIssue, type FieldIssue } from './errors';
export { PortSlots, type RegisterPorts } from './ports';
export { type Clock } from './records';
export { RecordService, Register, stripMeta, systemClock, todayOf, validate, type Actor } from './register-service';
export { cachedRoles, configuredRoles, fixedRoles, parseRoleAssignments, type RoleSource } from './role-source';
export { SettingsService } from './settings-service';
export { Timetable } from './timetable';
