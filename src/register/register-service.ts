import * as model from '../domain';
import type { Action } from '../domain';
import { type ActionFilter, filterActions, inDomain } from '../domain';
import { ACTION_STATUS_CODES, DOMAIN_CODES, FINISHED_ACTION_STATUSES, titleMarksAfterChange } from '../domain';

/** The statuses of an action still to do. */
const OPEN_ACTION_STATUSES = ACTION_STATUS_CODES.filter((status) => !FINISHED_ACTION_STATUSES.includes(status));
import type { RegisterStore, Stored } from '../store';
import type { Language } from '../domain';
import { Deliveries } from './deliveries';
import { DEFAULT_DIGESTS, DigestService, type DigestSettings } from './digest-service';
import { EntryService } from './entry-service';
import { PollSchedule } from './polls';
import { PollService } from './polls';
import { type Clock, isPlainObject, RecordService, systemClock, todayOf } from './records';
import { actionReferences, meetingReferences } from './references';
import { PortSlots } from './ports';
import { BotRecords } from './bot-records';

export { type Actor, type Clock, RecordService, stripMeta, systemClock, todayOf, validate } from './records';
export { EntryService } from './entry-service';

/** Actions: validation, plus "mark done", which keeps the done date consistent with the status. */
/** How many action queries (filter and day) keep their answer while nothing changed. */
const KEPT_ANSWERS = 16;

export class ActionService extends RecordService<'actions'> {
  /** recent answers of query(), with the change stamps they were computed at (most recently used last) */
  private readonly answers = new Map<string, { stamp: Array<number | undefined>; actions: Stored<Action>[] }>();

  constructor(
    private readonly store: RegisterStore,
    private readonly clock: Clock,
  ) {
    super(store.actions, model.action, 'actions', { store, of: actionReferences });
  }

  /** An edit of the title's other language by a person removes its "machine translation, not reviewed" mark. */
  override async update(id: string, patch: unknown, ifMatch?: string): Promise<Stored<Action>> {
    if (!isPlainObject(patch) || !('titleTranslations' in patch) || 'titleMachineTranslated' in patch) return super.update(id, patch, ifMatch);
    const current = await this.get(id);
    const marks = titleMarksAfterChange(current.titleMachineTranslated, patch, current.titleTranslations);
    return super.update(id, { ...patch, titleMachineTranslated: marks }, ifMatch);
  }

  async markDone(id: string, ifMatch?: string, doneDate = todayOf(this.clock)): Promise<Stored<Action>> {
    return this.update(id, { status: 'done', doneDate }, ifMatch);
  }

  async reopen(id: string, ifMatch?: string): Promise<Stored<Action>> {
    return this.update(id, { status: 'open', doneDate: null }, ifMatch);
  }

  /**
   * Open, overdue, one person's, one domain's: always sorted by due date. The store's indexes narrow first: one
   * entry's actions, or the open ones (one indexed read per open status, not every action ever done); a domain
   * reads only that domain's entries (with its sub-domains), to know which actions are on them.
   */
  async query(filter: ActionFilter): Promise<Stored<Action>[]> {
    // the same question again while neither collection changed (nor the day): the answer already given
    const today = todayOf(this.clock);
    const stamp = [this.collection.changeStamp?.(), filter.domain ? this.store.entries.changeStamp?.() : 0];
    const key = JSON.stringify([filter, today]);
    const kept = this.answers.get(key);
    if (!stamp.includes(undefined) && kept && kept.stamp.every((s, i) => s === stamp[i])) return [...kept.actions];
    const actions = await this.select(filter, today);
    if (!stamp.includes(undefined)) {
      this.answers.delete(key);
      this.answers.set(key, { stamp, actions });
      if (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    }
    return [...actions];
  }

  private async select(filter: ActionFilter, today: string): Promise<Stored<Action>[]> {
    const actions = filter.entryId
      ? await this.collection.list({ field: 'entryId', equals: filter.entryId })
      : filter.open || filter.overdue
        ? (await Promise.all(OPEN_ACTION_STATUSES.map((status) => this.collection.list({ field: 'status', equals: status })))).flat()
        : await this.collection.list();
    let domains = new Map<string, string>();
    if (filter.domain) {
      const codes = DOMAIN_CODES.filter((code) => inDomain(code, filter.domain!));
      const inDomains = (await Promise.all(codes.map((code) => this.store.entries.list({ field: 'domain', equals: code })))).flat();
      domains = new Map(inDomains.map((e) => [e.id, e.domain]));
    }
    return filterActions(actions, filter, today, (entryId) => domains.get(entryId));
  }
}

/** The register: one object the server, the bot and the add-in talk to. No Teams, Word or Graph types here. */
export class Register {
  readonly entries: EntryService;
  readonly actions: ActionService;
  readonly focusGroups: RecordService<'focusGroups'>;
  readonly meetings: RecordService<'meetings'>;
  readonly reports: RecordService<'reports'>;
  /** messages sent once across restarts and servers (digests, reminders, scheduled posts) */
  readonly deliveries: Deliveries;
  readonly polls: PollService;
  readonly pollSchedule: PollSchedule;
  readonly digests: DigestService;
  /** the surfaces' adapters the register reaches people through (see PortSlots) */
  readonly ports: PortSlots;
  /** what the bot keeps of Teams (people, channels) and reads by id */
  readonly botRecords: BotRecords;

  constructor(
    readonly store: RegisterStore,
    readonly clock: Clock = systemClock,
    options: { defaultLanguage?: Language; digests?: DigestSettings; ports?: PortSlots } = {},
  ) {
    this.ports = options.ports ?? new PortSlots();
    this.botRecords = new BotRecords(store, clock);
    this.entries = new EntryService(store, clock);
    this.actions = new ActionService(store, clock);
    this.focusGroups = new RecordService(store.focusGroups, model.focusGroup, 'focusGroups');
    this.meetings = new RecordService(store.meetings, model.meeting, 'meetings', { store, of: meetingReferences });
    this.reports = new RecordService(store.reports, model.annualReport, 'reports');
    this.deliveries = new Deliveries(store, clock);
    this.polls = new PollService(store, this, { clock, deliveries: this.deliveries, defaultLanguage: options.defaultLanguage, ports: this.ports });
    this.pollSchedule = new PollSchedule(this.polls);
    this.digests = new DigestService(this, options.digests ?? DEFAULT_DIGESTS, () => this.polls.defaultLanguage, this.ports);
  }
}
