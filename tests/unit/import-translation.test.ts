import { suggestRequest } from '../../src/domain/translation';
import { planImport } from '../../src/import/plan';
import { importProposal } from '../../src/import/proposal';
import { proposeImport } from '../../src/import/pipeline';
import { readDocx } from '../../src/import/read-docx';
import { ValidationError } from '../../src/register/errors';
import { mergeWithNext } from '../../src/tab/web/views/import-edit';
import { validate } from '../../src/register/records';
import { importIdOf } from '../support/import-fixtures';
import { handTypedReportFr } from '../support/word-documents';

/** Translations suggested during an import review: what the request may hold, and the marks the entries created keep. */

async function frenchProposal() {
  const bytes = await handTypedReportFr();
  return proposeImport(await readDocx(bytes), { importId: importIdOf(bytes), fileName: 'rapport.docx' });
}

const IMPORT_ID = 'a'.repeat(32);

describe('a measure of an import under review in a suggestion request', () => {
  const ask = (text: Record<string, unknown>) => suggestRequest.safeParse({ from: 'fr', to: 'nl', texts: [text] });

  it('is named by import, measure key and field, with its text', () => {
    expect(ask({ importId: IMPORT_ID, key: 'm3', field: 'description', text: 'Formations communes' }).success).toBe(true);
  });

  it('is refused naming the field and reason: a text over 20 000 characters, a bad key, another field, a missing text', () => {
    const refused = (text: Record<string, unknown>) => {
      try {
        validate(suggestRequest, { from: 'fr', to: 'nl', texts: [text] });
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => `${i.field} ${i.code}`);
      }
      throw new Error('accepted');
    };
    expect(refused({ importId: IMPORT_ID, key: 'm1', field: 'title', text: 'x'.repeat(20001) })).toEqual(['texts.0.text too_long']);
    expect(refused({ importId: IMPORT_ID, key: 'one', field: 'title', text: 'x' })).toEqual(['texts.0.key invalid_format']);
    expect(refused({ importId: IMPORT_ID, key: 'm1', field: 'subheading', text: 'x' })).toEqual(['texts.0.field invalid_option']);
    expect(refused({ importId: 'not-hex', key: 'm1', field: 'title', text: 'x' })).toEqual(['texts.0.importId invalid_format']);
    expect(ask({ importId: IMPORT_ID, key: 'm1', field: 'title' }).success).toBe(false);
    // a text that fits none of the kinds is told by the one it came closest to: here, the missing text itself
    expect(refused({ importId: IMPORT_ID, key: 'm1', field: 'title' })).toEqual(['texts.0.text required']);
    expect(refused({ entryId: '12' })).toEqual(['texts.0.field required']);
  });
});

describe('an import confirmed with suggested translations', () => {
  it('marks the texts a machine wrote and nobody edited, in the translation’s language, on the entries it creates', async () => {
    const p = await frenchProposal();
    const [first, second, third] = p.entries;
    first.translation = { language: 'nl', title: 'Gemeenschappelijke opleidingen', description: 'Voor het personeel', machine: ['title', 'description'] };
    // the clerk edited the title of this one: only its description stays a machine's
    second.translation = { language: 'nl', title: 'Gezamenlijke aanwerving', description: 'Sociaal assistenten', machine: ['description'] };
    // no description: nothing written, nothing marked
    third.translation = { language: 'nl', title: 'Gezamenlijke aankoop', description: '', machine: ['title', 'description'] };
    const plan = planImport(importProposal.parse(p), [], [], { fr: 'Ailleurs' });
    const created = (title: string) => plan.creates.find((c) => c.entry.title.fr === title)!.entry;
    expect(created(first.title)).toMatchObject({
      title: { fr: first.title, nl: 'Gemeenschappelijke opleidingen' },
      description: { nl: 'Voor het personeel' },
      machineTranslated: [
        { field: 'title', language: 'nl' },
        { field: 'description', language: 'nl' },
      ],
    });
    expect(created(second.title).machineTranslated).toEqual([{ field: 'description', language: 'nl' }]);
    expect(created(third.title).machineTranslated).toEqual([{ field: 'title', language: 'nl' }]);
    expect(created(third.title).description?.nl).toBeUndefined();
    // no translation, or one a person wrote (a bilingual report's second half): no mark
    expect(plan.creates.filter((c) => c.entry.machineTranslated).map((c) => c.key)).toEqual([first.key, second.key, third.key]);
  });

  it('keeps an old proposal without the flag valid, and marks nothing for a translation a person wrote', async () => {
    const p = await frenchProposal();
    p.entries[0].translation = { language: 'nl', title: 'Opleidingen', description: '' };
    const parsed = importProposal.parse(p);
    expect(parsed.entries[0].translation?.machine).toBeUndefined();
    const plan = planImport(parsed, [], [], { fr: 'Ailleurs' });
    expect(plan.creates[0].entry).toMatchObject({ title: { nl: 'Opleidingen' } });
    expect(plan.creates[0].entry.machineTranslated).toBeUndefined();
  });

  it('refuses a flag naming another text', async () => {
    const p = await frenchProposal();
    const result = importProposal.safeParse({
      ...p,
      entries: [{ ...p.entries[0], translation: { language: 'nl', title: 'Opleidingen', description: '', machine: ['subheading'] } }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['entries', 0, 'translation', 'machine', 0]);
  });
});

describe('a suggested translation when the clerk merges two measures', () => {
  it('keeps the joined description a machine’s when the next one’s was', async () => {
    const p = await frenchProposal();
    const [first, second] = p.entries;
    first.translation = { language: 'nl', title: 'Opleidingen', description: 'Door een persoon', machine: [] };
    second.translation = { language: 'nl', title: 'Aanwerving', description: 'Door een machine', machine: ['title', 'description'] };
    expect(mergeWithNext(p, first.key)).toBe(true);
    expect(p.entries[0].translation).toEqual({
      language: 'nl',
      title: 'Opleidingen',
      description: 'Door een persoon\n\nDoor een machine',
      machine: ['description'],
    });
  });
});
