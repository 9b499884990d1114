import { DOMAINS, FORMALISATIONS, FORMS, KINDS, SCOPES, STATUSES } from '../../../domain';
import { translate } from '../../../i18n';
import type { AppContext } from '../context';
import { h } from '../dom';
import { type Field, field, selectOf } from '../ui';
import type { FormValues } from './form-values';

const CONFIDENCES = ['not_quantified', 'estimate', 'actual'] as const;

/** The entry fields whose label is the catalogue's own field name (the one the server's issues use too). */
export type FieldLabelKey = 'subheading' | 'department' | 'section' | 'scope' | 'form' | 'endYear' | 'source' | 'notes' | 'formalisationOverride' | 'benefits';

export const fieldLabel = (ctx: AppContext, key: FieldLabelKey): string => translate(ctx.lang, `field.${key}`);

/** The entry form's controls, one per form value, each wrapped with its label, hint and error slot named after the API field. */
export function entryFields(ctx: AppContext, values: FormValues): Record<keyof FormValues, Field> {
  const t = ctx.t;
  const label = (key: FieldLabelKey) => fieldLabel(ctx, key);
  const text = (v: string, multiline = false) => (multiline ? h('textarea', { rows: 3, value: v }) : h('input', { type: 'text', value: v }));
  const year = (v: string) => h('input', { type: 'text', inputmode: 'numeric', value: v });
  const sectionInput = h('input', { type: 'text', value: values.section, list: 'section-choices', autocomplete: 'off' });
  const override = h('input', { type: 'checkbox', value: 'true', checked: values.formalisationOverride === 'true' });
  const formalisation = selectOf(ctx, FORMALISATIONS, values.formalisation, { empty: '' });
  const fields: Record<keyof FormValues, Field> = {
    titleNl: field(t('form.titleNl'), text(values.titleNl), 'title.nl'),
    titleFr: field(t('form.titleFr'), text(values.titleFr), 'title.fr'),
    subheadingNl: field(t('form.subheadingNl'), text(values.subheadingNl), 'subheading.nl', t('form.subheadingHint')),
    subheadingFr: field(t('form.subheadingFr'), text(values.subheadingFr), 'subheading.fr'),
    descriptionNl: field(t('form.descriptionNl'), text(values.descriptionNl, true), 'description.nl'),
    descriptionFr: field(t('form.descriptionFr'), text(values.descriptionFr, true), 'description.fr'),
    domain: field(t('entry.domain'), selectOf(ctx, DOMAINS, values.domain, { empty: t('form.choose') }), 'domain'),
    scope: field(label('scope'), selectOf(ctx, SCOPES, values.scope), 'scope'),
    departmentNl: field(t('form.departmentNl'), text(values.departmentNl), 'department.nl'),
    departmentFr: field(t('form.departmentFr'), text(values.departmentFr), 'department.fr'),
    section: field(label('section'), sectionInput, 'section', t('form.sectionHint')),
    status: field(t('entry.status'), selectOf(ctx, STATUSES, values.status), 'status'),
    startYear: field(t('entry.startYear'), year(values.startYear), 'startYear'),
    endYear: field(label('endYear'), year(values.endYear), 'endYear', t('form.endYearHint')),
    parties: field(t('entry.parties'), text(values.parties, true), 'parties', t('form.partiesHint')),
    kind: field(t('entry.kind'), selectOf(ctx, KINDS, values.kind), 'kind'),
    form: field(label('form'), selectOf(ctx, FORMS, values.form, { empty: t('form.noForm') }), 'form'),
    formalisation: field(t('entry.formalisation'), formalisation, 'formalisation', ' '),
    formalisationOverride: field(label('formalisationOverride'), override, 'formalisationOverride'),
    amountEur: field(
      t('form.amountEur'),
      h('input', { type: 'text', inputmode: 'decimal', value: values.amountEur }),
      'financialBenefit.amountEur',
      t('form.amountHint'),
    ),
    confidence: field(
      t('form.confidence'),
      h(
        'select',
        null,
        CONFIDENCES.map((c) => h('option', { value: c, selected: c === values.confidence }, t(`form.confidence.${c}`))),
      ),
      'financialBenefit.confidence',
    ),
    qualitativeNl: field(t('form.qualitativeNl'), text(values.qualitativeNl, true), 'qualitativeBenefit.nl'),
    qualitativeFr: field(t('form.qualitativeFr'), text(values.qualitativeFr, true), 'qualitativeBenefit.fr'),
    notesNl: field(t('form.notesNl'), text(values.notesNl, true), 'notes.nl'),
    notesFr: field(t('form.notesFr'), text(values.notesFr, true), 'notes.fr'),
    source: field(label('source'), text(values.source), 'source', t('form.sourceHint')),
    focusGroupId: field(
      t('entry.focusGroup'),
      h(
        'select',
        null,
        h('option', { value: '' }, t('form.noFocusGroup')),
        ctx.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === values.focusGroupId }, ctx.text(g.name).text)),
      ),
      'focusGroupId',
    ),
  };
  fields.formalisationOverride.wrapper.classList.add('check-field');
  return fields;
}
