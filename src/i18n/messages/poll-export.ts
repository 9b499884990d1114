/** The ballots export of a poll (.csv and .xlsx headings; keys under "pollExport."). */
export const pollExportMessages = {
  ballot: { nl: 'Stembiljet', fr: 'Bulletin', en: 'Ballot' },
  voter: { nl: 'Stemmer', fr: 'Votant', en: 'Voter' },
  at: { nl: 'Gestemd op (Brussel)', fr: 'Voté le (Bruxelles)', en: 'Voted at (Brussels)' },
  total: { nl: 'Totaal', fr: 'Total', en: 'Total' },
  question: { nl: 'Vraag', fr: 'Question', en: 'Question' },
  status: { nl: 'Status', fr: 'Statut', en: 'Status' },
  ballots: { nl: 'Stemmen', fr: 'Bulletins', en: 'Ballots' },
  roster: { nl: 'Stemgerechtigden', fr: 'Votants inscrits', en: 'Roster' },
  outcome: { nl: 'Uitslag', fr: 'Résultat', en: 'Outcome' },
  option: { nl: 'Optie', fr: 'Option', en: 'Option' },
  votes: { nl: 'Stemmen', fr: 'Voix', en: 'Votes' },
  results: { nl: 'Uitslag', fr: 'Résultats', en: 'Results' },
  ballotSheet: { nl: 'Stembiljetten', fr: 'Bulletins', en: 'Ballots' },
  'status.scheduled': { nl: 'gepland', fr: 'programmé', en: 'scheduled' },
  'status.open': { nl: 'open', fr: 'ouvert', en: 'open' },
  'status.closed': { nl: 'gesloten', fr: 'clôturé', en: 'closed' },
};
