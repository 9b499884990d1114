import { action, isoDate, poll, synergyEntry } from '../../src/domain/model';
import { ValidationError } from '../../src/register/errors';
import { validate } from '../../src/register/register-service';

function issuesOf(schema: Parameters<typeof validate>[0], input: unknown) {
  try {
    validate(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('validation of register input', () => {
  const valid = {
    title: { nl: 'Gezamenlijke IDPBW' },
    domain: 'PREV',
    status: 'under_study',
    kind: 'economy_of_scale',
    formalisation: 'shared_staff_or_service',
  };

  it('accepts a minimal entry and fills the defaults', () => {
    const entry = validate(synergyEntry, valid);
    expect(entry).toMatchObject({
      scope: 'gemeente-ocmw',
      startYear: null,
      parties: [],
      focusGroupId: null,
      financialBenefit: { amountEur: null, confidence: 'not_quantified' },
    });
  });

  it('names every bad field and why', () => {
    const issues = issuesOf(synergyEntry, { ...valid, title: { nl: '  ' }, domain: 'SPORT', startYear: 1900, unknownField: 1 });
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'domain', 'startYear', '']));
    expect(issues.find((i) => i.field === 'title')!.reason).toMatch(/Dutch, French or English/);
    expect(issues.find((i) => i.field === '')!.reason).toMatch(/unknownField/);
  });

  it('says a missing field is required', () => {
    expect(issuesOf(synergyEntry, { title: { fr: 'x' } })).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'domain', code: 'required' }), expect.objectContaining({ field: 'status', code: 'required' })]),
    );
  });

  it('keeps a euro amount consistent with its confidence', () => {
    expect(issuesOf(synergyEntry, { ...valid, financialBenefit: { amountEur: 6500, confidence: 'not_quantified' } })[0].field).toBe('financialBenefit');
    expect(validate(synergyEntry, { ...valid, financialBenefit: { amountEur: 6500, confidence: 'estimate' } }).financialBenefit.amountEur).toBe(6500);
  });

  it('rejects dates that do not exist', () => {
    expect(isoDate.safeParse('2023-02-29').success).toBe(false);
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('28/02/2023').success).toBe(false);
  });

  it('keeps the done date of an action consistent with its status', () => {
    expect(issuesOf(action, { title: 'x', owner: { name: 'y' }, status: 'done' })[0].field).toBe('doneDate');
    expect(validate(action, { title: 'x', owner: { name: 'y' }, status: 'done', doneDate: '2026-11-23' }).status).toBe('done');
  });

  it('allows 2 to 10 poll options with distinct ids', () => {
    const base = { focusGroupId: '1', question: 'Groepsaankoop?', createdBy: { name: 'a' }, createdAt: '2026-11-23T10:00:00Z', requestKey: 'api:k1' };
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Optie ${i}` }));
    expect(issuesOf(poll, { ...base, options: options(1) })[0]).toMatchObject({ field: 'options', code: 'too_few', params: { min: 2 } });
    expect(issuesOf(poll, { ...base, options: options(11) })[0]).toMatchObject({ field: 'options', code: 'too_many', params: { max: 10 } });
    expect(
      issuesOf(poll, {
        ...base,
        options: [
          { id: 'a', label: 'x' },
          { id: 'a', label: 'y' },
        ],
      })[0].code,
    ).toBe('unique_ids');
    expect(validate(poll, { ...base, options: options(10) }).options).toHaveLength(10);
  });
});
