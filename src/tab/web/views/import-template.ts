import { MEETING_BODIES } from '../../../domain';
import type { ImportProposal } from '../../../import';
import { translate, translateKey } from '../../../i18n';
import type { AppContext } from '../context';
import { h } from '../dom';
import { field } from '../ui';

/**
 * The review's template panel: the year, what to do with the year's template, and the template's fields as the
 * document gave them — title, commune (and its name in the other language), gemeente/stad, OCMW/CPAS name, region,
 * legal citation — each editable before confirming.
 */

type Template = ImportProposal['template'];

function textControl(
  value: string | null,
  onInput: (v: string) => void,
  attrs: { testid: string; lang: string; multiline?: boolean; max: number },
): HTMLInputElement | HTMLTextAreaElement {
  const control = attrs.multiline
    ? h('textarea', { rows: '4', maxlength: String(attrs.max), lang: attrs.lang, 'data-testid': attrs.testid }, value ?? '')
    : h('input', { type: 'text', value: value ?? '', maxlength: String(attrs.max), lang: attrs.lang, 'data-testid': attrs.testid });
  control.addEventListener('change', () => onInput(control.value));
  return control;
}

function choice<T extends string>(
  ctx: AppContext,
  value: T,
  codes: readonly T[],
  key: (code: T) => string,
  onChange: (v: T) => void,
  testid: string,
): HTMLSelectElement {
  const select = h(
    'select',
    { 'data-testid': testid },
    codes.map((c) => h('option', { value: c, selected: c === value }, ctx.t(key(c) as never))),
  );
  select.addEventListener('change', () => onChange(select.value as T));
  return select;
}

/** The meeting accounts the report tells, written as meetings when confirmed: date, body, and whether to keep each. */
function meetingList(ctx: AppContext, proposal: ImportProposal, onChange: () => void): HTMLElement | null {
  if (!proposal.meetings.length) return null;
  return h(
    'div',
    { class: 'import-meetings', 'data-testid': 'import-meetings' },
    h('h4', null, ctx.t('import.meetingsFound')),
    h(
      'ul',
      null,
      proposal.meetings.map((m, i) => {
        const keep = h('input', {
          type: 'checkbox',
          checked: m.action === 'create' && m.date !== null,
          disabled: m.date === null,
          id: `import-meeting-${i}`,
          'data-testid': `import-meeting-${i}`,
        });
        keep.addEventListener('change', () => {
          m.action = keep.checked ? 'create' : 'skip';
          onChange();
        });
        const when = m.date
          ? `${m.date.slice(8, 10)}/${m.date.slice(5, 7)}/${m.date.slice(0, 4)} · ${ctx.label(MEETING_BODIES, m.body)}`
          : ctx.t('import.meetingUndated');
        return h(
          'li',
          null,
          h('label', { for: keep.id }, keep, ' ', h('span', { lang: m.language }, m.section), h('span', { class: 'muted small' }, ` — ${when}`)),
        );
      }),
    ),
  );
}

export function templatePanel(ctx: AppContext, proposal: ImportProposal, onChange: () => void): HTMLElement {
  const t = proposal.template;
  const lang = proposal.language;
  const set =
    <K extends keyof Template>(key: K) =>
    (value: Template[K]) => {
      t[key] = value;
      onChange();
    };
  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  const year = h('input', { type: 'number', min: '2000', max: '2100', value: proposal.year ?? '', required: true, 'data-testid': 'import-year' });
  year.addEventListener('change', () => {
    proposal.year = year.value ? Number(year.value) : null;
    onChange();
  });
  const action = choice(
    ctx,
    proposal.templateAction,
    ['create', 'replace', 'keep'] as const,
    (a) => `import.template.${a}`,
    (a) => {
      proposal.templateAction = a;
      onChange();
    },
    'import-template-action',
  );
  const otherLang = lang === 'fr' ? 'nl' : 'fr';
  return h(
    'section',
    { class: 'panel import-template', 'aria-labelledby': 'import-report' },
    h('h3', { id: 'import-report' }, ctx.t('import.report')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, ctx.t('import.fileName')),
      h('dd', null, proposal.fileName),
      h('dt', null, ctx.t('import.language')),
      h('dd', null, translate(ctx.lang, `field.${proposal.language}`)),
      h('dt', null, ctx.t('import.shape')),
      h('dd', null, ctx.t(`import.shape.${proposal.shape}`)),
    ),
    h(
      'div',
      { class: 'form-grid' },
      field(ctx.t('import.year'), year, 'year', proposal.year === null ? ctx.t('import.needYear') : undefined).wrapper,
      field(ctx.t('import.templateAction'), action, 'templateAction').wrapper,
      field(
        ctx.t('import.templateTitle'),
        textControl(t.title, (v) => set('title')(v), { testid: 'import-title', lang, max: 1000 }),
        'template.title',
      ).wrapper,
      field(
        ctx.t('import.municipality'),
        textControl(t.municipality, (v) => set('municipality')(orNull(v)), { testid: 'import-municipality', lang, max: 200 }),
        'template.municipality',
      ).wrapper,
      field(
        ctx.t('import.municipalityOther', { language: translate(ctx.lang, `field.${otherLang}`) }),
        textControl(t.municipalityOther, (v) => set('municipalityOther')(orNull(v)), { testid: 'import-municipality-other', lang: otherLang, max: 200 }),
        'template.municipalityOther',
      ).wrapper,
      field(
        ctx.t('import.bodyKind'),
        choice(ctx, t.bodyKind, ['municipality', 'city'] as const, (k) => `import.bodyKind.${k}`, set('bodyKind'), 'import-body-kind'),
        'template.bodyKind',
      ).wrapper,
      field(
        ctx.t('import.ocmwName'),
        textControl(t.ocmwName, (v) => set('ocmwName')(orNull(v)), { testid: 'import-ocmw-name', lang, max: 300 }),
        'template.ocmwName',
      ).wrapper,
      field(
        ctx.t('import.region'),
        choice(ctx, t.region, ['brussels', 'wallonia'] as const, (r) => `import.region.${r}`, set('region'), 'import-region'),
        'template.region',
      ).wrapper,
      field(
        ctx.t('import.legal'),
        textControl(t.legalCitation, (v) => set('legalCitation')(orNull(v)), { testid: 'import-legal', lang, multiline: true, max: 4000 }),
        'template.legalCitation',
      ).wrapper,
    ),
    proposal.warnings.length
      ? h(
          'ul',
          { class: 'message message-info', 'data-testid': 'import-warnings' },
          proposal.warnings.map((w) => h('li', null, translateKey(ctx.lang, `import.warning.${w.code}`, { ...w }))),
        )
      : null,
    meetingList(ctx, proposal, onChange),
    h('h4', null, ctx.t('import.sections')),
    h(
      'ul',
      { class: 'import-sections', lang },
      t.sections.map((s) => h('li', null, `${s.number ? `${s.number} ` : ''}${s.label}`)),
    ),
  );
}
