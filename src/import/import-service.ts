import { createHash } from 'node:crypto';
import type { LocalizedText } from '../domain';
import { localized } from '../domain';
import { type Actor, type Register, stripMeta, validate } from '../register';
import { translate } from '../i18n';
import { ImportRejectedError } from './errors';
import type { Matched } from './match-register';
import { type ImportPlan, planImport } from './plan';
import { type ImportProposal, importProposal } from './proposal';
import { checkDocxBytes } from './read-docx';
import { ProposalCache } from './proposal-cache';
import { applyChanges, proposalChanges } from './proposal-changes';
import { type ProposeBudget, proposeInWorker } from './propose-worker';
import type { SettingsService } from '../register';
import { BILINGUAL_LANGUAGES } from '../domain';
import type { Mention, SynergyEntry } from '../domain';
import type { Stored } from '../store';
import { type ConfirmProgress, ConfirmProgressBoard, inPieces } from './confirm-progress';

/**
 * Importing last year's report: read the .docx and propose (nothing written), plan the reviewed proposal
 * against the register, confirm (write). Confirming the same import again writes nothing twice: every
 * entry it creates has a request key made of the file's hash and the measure, and each entry gets one
 * mention per report year.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Measures written per step of a confirmation, and so how often its progress is told: ten `$batch` requests of 20 per
 * collection on SharePoint, while what each step costs besides (the register's tally moves its counts once) stays small.
 */
const CONFIRM_STEP = 200;

export function fileTooLarge(): ImportRejectedError {
  return new ImportRejectedError('too_large', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
}

export interface ImportSummary {
  year: number;
  create: number;
  mentionAdded: number;
  mentionUpdated: number;
  unchanged: number;
  skipped: number;
  /** meeting accounts written as meetings */
  meetings: number;
  template: ImportPlan['template']['action'];
}

export interface ImportResult extends ImportSummary {
  /** measure key → the entry it became or was added to */
  entries: Record<string, string>;
  /** creates found done by an earlier confirmation of the same import */
  alreadyCreated: number;
}

function summaryOf(plan: ImportPlan): ImportSummary {
  return {
    year: plan.year,
    create: plan.creates.length,
    mentionAdded: plan.mentions.filter((m) => m.change === 'added').length,
    mentionUpdated: plan.mentions.filter((m) => m.change === 'updated').length,
    unchanged: plan.mentions.filter((m) => m.change === 'unchanged').length,
    skipped: plan.skipped.length,
    meetings: plan.meetings.length,
    template: plan.template.action,
  };
}

export class ImportService {
  /** one confirmation at a time per import in this process: a double click cannot race itself */
  private readonly running = new Map<string, Promise<ImportResult>>();
  /** the proposals made here, by import id: the review sends only its changes */
  private readonly proposals = new ProposalCache();
  /** how far each recent confirmation got on this server */
  private readonly progressBoard = new ConfirmProgressBoard();

  constructor(
    private readonly register: Register,
    private readonly municipality: LocalizedText,
    /** the commune's settings: the name a template falls back on, and what a first import proposes for them */
    private readonly settings?: SettingsService,
  ) {}

  /**
   * Reads the file and proposes its template and measures, matched against the register. Writes nothing. The reading
   * and matching run in a worker thread within a time and memory budget; `signal` stops it when the caller gives up.
   */
  async propose(bytes: Buffer, fileName: string, options: { signal?: AbortSignal; budget?: ProposeBudget } = {}): Promise<Matched> {
    if (bytes.length > MAX_IMPORT_BYTES) throw fileTooLarge();
    checkDocxBytes(bytes);
    const [entries, reports] = await Promise.all([this.register.entries.list({}), this.register.reports.list()]);
    const importId = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const matched = await proposeInWorker(
      { bytes: new Uint8Array(bytes), fileName: fileName.slice(0, 300), importId, entries: [...entries], reports: [...reports] },
      options.budget,
      options.signal,
    );
    this.proposals.keep(matched);
    return matched;
  }

  /** The kept proposal with the clerk's changes applied; 'expired' when this server no longer keeps it (propose again). */
  private withChanges(input: unknown): ImportProposal {
    const changes = validate(proposalChanges, input);
    const kept = this.proposals.get(changes.importId);
    if (!kept) throw new ImportRejectedError('expired');
    return validate(importProposal, applyChanges(kept.proposal, changes));
  }

  /** What confirming the kept proposal with these changes would write. */
  async planChanges(input: unknown): Promise<ImportSummary> {
    return summaryOf(await this.planOf(this.withChanges(input)));
  }

  /** Confirms the kept proposal with the clerk's changes, once. */
  async confirmChanges(input: unknown, by: Actor): Promise<ImportResult> {
    return this.confirm(this.withChanges(input), by);
  }

  /** What confirming would write, without writing. */
  async plan(input: unknown): Promise<ImportSummary> {
    return summaryOf(await this.planOf(validate(importProposal, input)));
  }

  async confirm(input: unknown, by: Actor): Promise<ImportResult> {
    const proposal = validate(importProposal, input);
    const pending = this.running.get(proposal.importId);
    if (pending) await pending.catch(() => undefined);
    const run = this.apply(proposal, by);
    this.running.set(proposal.importId, run);
    try {
      return await run;
    } finally {
      if (this.running.get(proposal.importId) === run) this.running.delete(proposal.importId);
    }
  }

  /** How far the confirmation of this import got on this server (undefined when none ran here lately). */
  progress(importId: string): ConfirmProgress | undefined {
    return this.progressBoard.get(importId);
  }

  private async planOf(proposal: ImportProposal): Promise<ImportPlan> {
    return (await this.planAgainst(proposal)).plan;
  }

  /** The plan, and the register's entries it was made against (the versions its mentions change). */
  private async planAgainst(proposal: ImportProposal): Promise<{ plan: ImportPlan; entries: Map<string, Stored<SynergyEntry>> }> {
    const [entries, reports, meetings] = await Promise.all([this.register.entries.list({}), this.register.reports.list(), this.register.meetings.list()]);
    const municipality = this.settings ? await this.settings.municipality() : this.municipality;
    return { plan: planImport(proposal, entries, reports, municipality, meetings), entries: new Map(entries.map((e) => [e.id, e])) };
  }

  /** A register without settings of its own takes the commune the first confirmed report names (the clerk checked it). */
  private async settleCommune(proposal: ImportProposal): Promise<void> {
    const t = proposal.template;
    if (!this.settings || !t.municipality || (await this.settings.get()).configured) return;
    const lang = proposal.language === 'en' ? 'nl' : proposal.language;
    const other = lang === 'nl' ? 'fr' : 'nl';
    await this.settings.put({
      municipality: { [lang]: t.municipality, ...(t.municipalityOther ? { [other]: t.municipalityOther } : {}) },
      bodyKind: t.bodyKind,
      ...(t.ocmwName ? { ocmwName: { [lang]: t.ocmwName } } : {}),
      region: t.region,
      languages: t.municipalityOther ? [...BILINGUAL_LANGUAGES] : [lang],
    });
  }

  private async apply(proposal: ImportProposal, by: Actor): Promise<ImportResult> {
    const { plan, entries: register } = await this.planAgainst(proposal);
    // the year's template first: the entries it pins to one of its sections must find that section
    if (plan.template.action === 'create') await this.register.reports.createOnce(plan.template.report, `import:${proposal.importId}:template`);
    else if (plan.template.action === 'replace') {
      const existing = (await this.register.reports.list()).find((r) => r.budgetYear === plan.year)!;
      await this.register.reports.update(existing.id, { ...stripMeta(existing), ...plan.template.report }, existing.etag);
    }

    const entries: Record<string, string> = {};
    const changing = plan.mentions.filter((m) => m.change !== 'unchanged');
    const progress: ConfirmProgress = { importId: proposal.importId, written: 0, total: plan.creates.length + changing.length, state: 'writing' };
    const step = (count: number) => this.progressBoard.set({ ...progress, written: (progress.written += count) });
    step(0);
    let created = 0;
    try {
      // the register's tally moves once for the whole confirmation
      await this.register.entries.inOneCount(async () => {
        // one request key per measure of this file: a repeated or concurrent confirm, on any server, finds the first entry,
        // so a confirmation cut short (SharePoint throttling beyond its retries, a crash) confirmed again writes only the rest
        for (const piece of inPieces(plan.creates, CONFIRM_STEP)) {
          const results = await this.register.entries.createManyOnce(
            piece.map((c) => ({ input: c.entry, requestKey: `import:${proposal.importId}:${c.key}` })),
            by,
          );
          results.forEach((result, i) => {
            entries[piece[i].key] = result.record.id;
            if (result.created) created++;
          });
          step(piece.length);
        }
        for (const m of plan.mentions) entries[m.key] = m.entryId;
        // each entry changed at the version the plan read; one changed since is read again and changed alone
        const note = translate(proposal.language, 'import.history.imported', { year: plan.year });
        for (const piece of inPieces(changing, CONFIRM_STEP)) {
          await this.register.entries.updateMany(
            piece.map((m) => ({ current: register.get(m.entryId)!, patch: (current) => mentionPatch(current, m) })),
            by,
            note,
          );
          step(piece.length);
        }
      });
    } catch (error) {
      this.progressBoard.set({ ...progress, state: 'failed' });
      throw error;
    }

    for (const m of plan.meetings) {
      const decisions = m.measureKeys
        .filter((key) => entries[key])
        .map((key) => {
          const item = proposal.entries.find((e) => e.key === key)!;
          return { text: localized(item.language, item.title), entryIds: [entries[key]] };
        });
      await this.register.meetings.createOnce({ ...m.meeting, decisions }, `import:${proposal.importId}:${m.key}`);
    }

    await this.settleCommune(proposal);
    this.progressBoard.set({ ...progress, state: 'done' });
    return { ...summaryOf(plan), create: created, entries, alreadyCreated: plan.creates.length - created };
  }
}

/** The entry's mentions with this report's mention in its year (and the domain and end the report gives it). */
function mentionPatch(current: Stored<SynergyEntry>, m: ImportPlan['mentions'][number]): Record<string, unknown> {
  const mentions: Mention[] = [...current.mentions.filter((x) => x.reportYear !== m.mention.reportYear), m.mention].sort((a, b) => a.reportYear - b.reportYear);
  return { mentions, ...(m.domain ? { domain: m.domain } : {}), ...m.close };
}
