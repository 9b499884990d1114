import { z } from 'zod';
import { buildAnnexModel } from './model';
import type { AnnexLanguage, AnnexModel } from './model';
import { comingBudgetYear, defaultAnnexYear } from '../domain';
import type { LocalizedText } from '../domain';
import { TABLE_COLUMNS, type TableColumn } from '../domain';
import { DOMAIN_CODES, DOMAINS, type DomainCode } from '../domain';
import { type Register, validate } from '../register';
import { SettingsService } from '../register';
import { BILINGUAL_LANGUAGES } from '../domain';

/**
 * The annex of any budget year as the register holds it now: the model every renderer uses,
 * and the years and choices a person can ask for. One home for the pane, the .docx export and the API.
 */

const flag = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => v === 'true' || v === '1' || v === 'on');
const list = <T extends [string, ...string[]]>(codes: T) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(codes)));

export const annexQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    lang: z.enum(BILINGUAL_LANGUAGES).optional(),
    shape: z.enum(['list', 'narrative']).optional(),
    /** only these domains (a parent code selects its children); default all */
    domains: list(DOMAIN_CODES).optional(),
    /** default: the template's choice */
    table: flag.optional(),
    /** the table's columns, in order; default: the template's */
    columns: list([...TABLE_COLUMNS] as [string, ...string[]]).optional(),
  })
  .strict();
export type AnnexQuery = z.output<typeof annexQuery>;

export interface AnnexOptions {
  /** every year the register has something for, up to the coming budget year, newest first */
  years: number[];
  /** the budget year being prepared: the calendar year after today */
  comingYear: number;
  /** the year the pane and the tab propose first: the coming budget year (src/domain/budget-year.ts) */
  defaultYear: number;
  /** @deprecated the coming year, under its former name */
  openYear: number;
  templates: Array<{ year: number; shape: 'list' | 'narrative'; preset: string; municipality: LocalizedText }>;
  /** kept for older panes: the templates under their former name */
  reports: Array<{ year: number; shape: 'list' | 'narrative'; municipality: LocalizedText }>;
  domains: Array<{ code: string; nl: string; fr: string; en: string }>;
  columns: readonly string[];
}

/** No register goes back further than this many years in the year list. */
const MAX_YEARS = 40;

export class AnnexService {
  constructor(
    private readonly register: Register,
    /** the server's proposal for the commune's name, used until the register's own settings name it */
    private readonly defaults: { municipality: { nl: string; fr: string }; language: AnnexLanguage },
  ) {}

  parseQuery(input: unknown): AnnexQuery {
    return validate(annexQuery, input);
  }

  async model(query: AnnexQuery): Promise<AnnexModel> {
    const [entries, meetings, actions, templates] = await Promise.all([
      this.register.entries.list({}),
      this.register.meetings.list(),
      this.register.actions.list(),
      this.register.reports.list(),
    ]);
    return buildAnnexModel({
      entries,
      meetings,
      actions,
      templates,
      year: query.year,
      language: query.lang ?? this.defaults.language,
      shape: query.shape,
      domains: query.domains as DomainCode[] | undefined,
      includeTable: query.table,
      columns: query.columns as TableColumn[] | undefined,
      municipality: await new SettingsService(this.register.store.settings, { municipality: this.defaults.municipality }).municipality(),
    });
  }

  /** Every year with data (mentions, templates, start and end years) through the coming budget year. */
  async options(): Promise<AnnexOptions> {
    const [entries, templates] = await Promise.all([this.register.entries.list({}), this.register.reports.list()]);
    const now = this.register.clock.now();
    const comingYear = comingBudgetYear(now);
    const known: number[] = templates.map((t) => t.budgetYear);
    for (const e of entries) {
      for (const m of e.mentions) known.push(m.reportYear);
      if (e.startYear !== null) known.push(e.startYear);
      if (e.endYear !== null) known.push(e.endYear);
    }
    // a loop, not Math.min(...data): a register of 50 000 measures has more years than a call takes arguments
    let earliest = comingYear;
    let latest = comingYear;
    for (const y of known) {
      if (y < 2000 || y > 2100) continue;
      if (y < earliest) earliest = y;
      if (y > latest) latest = y;
    }
    const first = Math.max(earliest, comingYear - MAX_YEARS);
    const last = latest;
    const years: number[] = [];
    for (let y = last; y >= first; y--) years.push(y);
    // the year being prepared, as the tab's annex screen proposes it: never simply the newest template's
    const defaultYear = defaultAnnexYear(years, now);
    return {
      years,
      comingYear,
      defaultYear,
      openYear: comingYear,
      templates: templates.map((t) => ({ year: t.budgetYear, shape: t.shape, preset: t.preset, municipality: t.municipality })),
      reports: templates.map((t) => ({ year: t.budgetYear, shape: t.shape, municipality: t.municipality })),
      domains: DOMAIN_CODES.filter((c) => !c.includes('.')).map((code) => ({ code, nl: DOMAINS[code].nl, fr: DOMAINS[code].fr, en: DOMAINS[code].en })),
      columns: TABLE_COLUMNS,
    };
  }
}
