import { batches, DEFAULT_GLOSSARY, marksAfterChange, withGlossary } from '../../src/domain/translation';

describe('the glossary as Translator dynamic dictionary markup', () => {
  const glossary = [
    { nl: 'OCMW', fr: 'CPAS' },
    { nl: 'Overlegcomité', fr: 'Comité de concertation' },
    { nl: 'Comité', fr: 'Comité' },
  ];

  it('marks each term with the administration’s translation, the longest term first, whole words only', () => {
    expect(withGlossary('Het Overlegcomité en het OCMW; OCMW-raad, geen OCMWX', glossary, 'nl', 'fr')).toBe(
      'Het <mstrans:dictionary translation="Comité de concertation">Overlegcomité</mstrans:dictionary> en het ' +
        '<mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>; <mstrans:dictionary translation="CPAS">OCMW</mstrans:dictionary>-raad, geen OCMWX',
    );
  });

  it('works the other way round and leaves a text without terms as it was', () => {
    expect(withGlossary('Le CPAS', glossary, 'fr', 'nl')).toBe('Le <mstrans:dictionary translation="OCMW">CPAS</mstrans:dictionary>');
    expect(withGlossary('Niets te zien', glossary, 'nl', 'fr')).toBe('Niets te zien');
    // written the same in both languages: no markup, whose characters would be billed for nothing
    expect(withGlossary('Het Comité', glossary, 'nl', 'fr')).toBe('Het Comité');
  });

  it('starts with OCMW/CPAS, the consultation committee and the vocabulary’s domain labels', () => {
    expect(DEFAULT_GLOSSARY).toEqual(
      expect.arrayContaining([
        { nl: 'OCMW', fr: 'CPAS' },
        { nl: 'Overlegcomité', fr: 'Comité de concertation' },
        { nl: 'Huisvesting', fr: 'Logement' },
      ]),
    );
  });
});

describe('requests cut within the service limits', () => {
  it('never puts more texts or characters in one request than allowed, keeping the order', () => {
    const texts = ['aaaa', 'bbb', 'cc', 'dddddd', 'e', 'f', 'g'];
    const cut = batches(texts, (t) => t, { texts: 3, characters: 8 });
    expect(cut).toEqual([
      ['aaaa', 'bbb'],
      ['cc', 'dddddd'],
      ['e', 'f', 'g'],
    ]);
    expect(cut.flat()).toEqual(texts);
  });

  it('counts characters as code points, as the service does', () => {
    expect(batches(['😀😀', '😀'], (t) => t, { texts: 10, characters: 2 })).toEqual([['😀😀'], ['😀']]);
  });
});

describe('the machine translation mark', () => {
  const before = { title: { nl: 'Aankoop', fr: 'Achat' }, description: { nl: 'Tekst', fr: 'Texte' } };
  const marks = [
    { field: 'title' as const, language: 'fr' as const },
    { field: 'description' as const, language: 'fr' as const },
  ];

  it('stays while nobody touches the text, goes when a person writes it', () => {
    expect(marksAfterChange(marks, { status: 'in_progress' }, before)).toEqual(marks);
    expect(marksAfterChange(marks, { title: { nl: 'Aankoop', fr: 'Achat groupé' } }, before)).toEqual([marks[1]]);
    // the same text sent back (a form saving every field) is no edit
    expect(marksAfterChange(marks, { title: { nl: 'Andere', fr: 'Achat' } }, before)).toEqual(marks);
  });

  it('is what a change that names it says (accepting a suggestion, confirming one)', () => {
    expect(marksAfterChange(marks, { title: { fr: 'Nouveau' }, machineTranslated: [] }, before)).toEqual([]);
    expect(marksAfterChange(undefined, { machineTranslated: [marks[0]] }, before)).toEqual([marks[0]]);
  });
});
