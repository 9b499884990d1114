import { jsonForHtml } from '../../src/host/html';
import { pageHtml } from '../../src/tab/page';
import { formatDate, formatDateTime, formatEuro } from '../../src/tab/web/format';
import { fieldForIssue, groupIssues } from '../../src/tab/web/issues';
import { bodyOf, valuesOf } from '../../src/tab/web/views/form';

describe('tab formatting (Intl)', () => {
  test('calendar dates per locale, without time-zone drift', () => {
    expect(formatDate('2023-01-19', 'nl-BE')).toBe('19 januari 2023');
    expect(formatDate('2023-01-19', 'fr-BE')).toBe('19 janvier 2023');
    expect(formatDate('2023-12-31', 'en-BE')).toMatch(/31 December 2023/);
    expect(formatDate(null, 'nl-BE')).toBe('');
    expect(formatDate('garbage', 'nl-BE')).toBe('garbage');
  });

  test('moments in Brussels time', () => {
    expect(formatDateTime('2023-06-30T22:30:00Z', 'nl-BE')).toMatch(/1 jul 2023.*00:30/);
  });

  test('euro amounts per locale', () => {
    expect(formatEuro(12500, 'nl-BE').replace(/\s/g, ' ')).toBe('€ 12.500');
    expect(formatEuro(12500, 'fr-BE').replace(/\s/g, ' ')).toBe('12 500 €');
    expect(formatEuro(1234.5, 'fr-BE').replace(/\s/g, ' ')).toBe('1 234,50 €');
  });
});

describe('server issues to form controls', () => {
  const fields = ['title', 'title.nl', 'title.fr', 'startYear', 'parties', 'financialBenefit', 'financialBenefit.amountEur'];
  test('exact field, else the closest parent the form shows, else none', () => {
    expect(fieldForIssue('title', fields)).toBe('title');
    expect(fieldForIssue('title.nl', fields)).toBe('title.nl');
    expect(fieldForIssue('parties.2', fields)).toBe('parties');
    expect(fieldForIssue('financialBenefit.amountEur', fields)).toBe('financialBenefit.amountEur');
    expect(fieldForIssue('financialBenefitX', fields)).toBeUndefined();
    expect(fieldForIssue('contacts.0.email', fields)).toBeUndefined();
  });

  test('issues are worded in the page language; unplaced ones are kept for the summary, with their field label', () => {
    const grouped = groupIssues(
      [
        { field: 'startYear', code: 'too_small', params: { min: 1976 }, reason: 'must be 1976 or more' },
        { field: 'contacts.0.email', code: 'invalid_email', reason: 'is not an e-mail address' },
      ],
      fields,
      'nl',
    );
    expect(grouped.get('startYear')).toEqual(['moet 1976 of meer zijn']);
    expect(grouped.get('')).toEqual(['Contactpersonen › 1 › E-mailadres: is geen e-mailadres']);
  });
});

describe('form body', () => {
  const values = {
    ...valuesOf(undefined),
    titleNl: ' Nieuwe titel ',
    titleFr: '',
    descriptionNl: '',
    descriptionFr: '',
    domain: 'HR',
    status: 'new',
    startYear: '2024',
    parties: 'Gemeente\n\n OCMW ',
    kind: 'synergy',
    formalisation: 'agreement',
    amountEur: '1 500,50',
    confidence: 'estimate',
    qualitativeNl: '',
    qualitativeFr: '',
    focusGroupId: '',
  };
  test('typed values become API fields; other languages and fields of the stored entry are kept', () => {
    const body = bodyOf(values, {
      title: { nl: 'Oud', fr: 'Ancien', en: 'Old' },
      financialBenefit: { amountEur: null, confidence: 'not_quantified', basis: 'raming dienst' },
    });
    expect(body).toMatchObject({
      title: { nl: 'Nieuwe titel', en: 'Old' },
      startYear: 2024,
      parties: ['Gemeente', 'OCMW'],
      financialBenefit: { amountEur: 1500.5, confidence: 'estimate', basis: 'raming dienst' },
      focusGroupId: null,
    });
    expect((body.title as Record<string, string>).fr).toBeUndefined();
  });
  test('what is not a number is sent as typed, for the server to refuse', () => {
    expect(bodyOf({ ...values, startYear: 'twee' }).startYear).toBe('twee');
    expect(bodyOf({ ...values, startYear: '' }).startYear).toBeNull();
    expect(bodyOf({ ...values, domain: '' }).domain).toBeUndefined();
  });
  const rule = { shared_service: 'shared_staff_or_service', agreement: 'agreement' };
  test('"from the form" sends the formalisation the form implies (the server\'s rule); no form leaves it out', () => {
    expect(bodyOf({ ...values, form: 'shared_service', formalisation: '' }, undefined, { rule }).formalisation).toBe('shared_staff_or_service');
    expect(bodyOf({ ...values, form: '', formalisation: '' }, undefined, { rule }).formalisation).toBeUndefined();
    expect(bodyOf({ ...values, form: 'shared_service', formalisation: 'agreement', formalisationOverride: 'true' }, undefined, { rule })).toMatchObject({
      formalisation: 'agreement',
      formalisationOverride: true,
    });
  });
  test('"no form" on a stored entry removes its form (null) and keeps the formalisation it had', () => {
    const stored = { form: 'shared_service', formalisation: 'shared_staff_or_service' } as const;
    expect(bodyOf({ ...values, form: '', formalisation: '' }, stored, { rule })).toMatchObject({ form: null, formalisation: 'shared_staff_or_service' });
    expect(bodyOf({ ...values, form: '', formalisation: 'agreement' }, stored, { rule })).toMatchObject({ form: null, formalisation: 'agreement' });
    expect(bodyOf({ ...values, form: '', formalisation: '' }, { formalisation: 'agreement' }, { rule }).form).toBeUndefined();
  });
  test('an entry shows "from the form" when its formalisation is what its form implies, its own choice otherwise', () => {
    const entry = { form: 'shared_service', formalisation: 'shared_staff_or_service', formalisationOverride: false } as const;
    expect(valuesOf(entry, rule).formalisation).toBe('');
    expect(valuesOf({ ...entry, formalisation: 'agreement', formalisationOverride: true }, rule)).toMatchObject({
      formalisation: 'agreement',
      formalisationOverride: 'true',
    });
    expect(valuesOf({ formalisation: 'agreement' }, rule).formalisation).toBe('agreement');
  });
  test('benefit rows become numbers per year and administration; empty rows are dropped; a cleared section is sent empty', () => {
    const benefits = [
      { year: '2025', administration: 'ocmw', estimatedEur: '12 000', realisedEur: '' },
      { year: '', administration: 'gemeente', estimatedEur: '', realisedEur: '' },
    ];
    expect(bodyOf(values, undefined, { benefits }).benefits).toEqual([{ year: 2025, administration: 'ocmw', estimatedEur: 12000, realisedEur: null }]);
    expect(bodyOf({ ...values, section: ' ' }, { section: 'hr' }).section).toBe('');
    expect(bodyOf({ ...values, section: '' }).section).toBeUndefined();
  });
});

describe('tab page shell', () => {
  test('boot JSON cannot close its script element', () => {
    const json = jsonForHtml({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script>');
    const html = pageHtml({
      bundle: 'tab',
      title: 'T',
      lang: 'nl',
      version: '1',
      boot: { authMode: 'local', defaultLanguage: 'nl', municipality: { nl: '</script>', fr: 'x' }, entra: null },
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
