import type { EntryStatus, Language } from '../domain';
import { FORMALISATION_OF_FORM } from '../domain';
import { formOf, partiesOf, type Reason, scopeOfSection, statusOfText, suggestDomain, yearsOf } from './classify';
import { meetingStatusOf } from './meeting-measures';
import type { Draft } from './measure-text';
import type { ProposedEntry } from './proposal';

/**
 * Stage 4 of the import (measures → proposed entries, pure): each measure classified — status, domain, scope,
 * parties, years, form — each guess with the reason the review screen shows.
 */

export interface DraftOptions {
  /** domain of a section label in the register's own template, if it has one for that label */
  templateDomainOf?: (sectionLabel: string) => import('../domain').DomainCode | undefined;
}

function statusOf(d: Draft): { status: EntryStatus; reason: Reason } {
  if (d.block === 'meetings') return meetingStatusOf(d);
  if (d.row?.status) return { status: d.row.status, reason: { code: 'table', detail: d.row.statusLabel } };
  if (d.block === 'running')
    return d.italic || /\((nieuw|nouveau|nouvelle|new)\)/i.test(d.text)
      ? { status: 'new', reason: { code: 'italic' } }
      : { status: 'existing', reason: { code: 'block_running', detail: d.section ?? undefined } };
  if (d.block === 'proposals') {
    const verb = statusOfText(d.text);
    return verb?.status === 'under_study' ? verb : { status: 'proposed', reason: { code: 'block_proposals', detail: d.section ?? undefined } };
  }
  if (d.block === 'stopped') {
    const verb = statusOfText(d.text);
    return verb?.status === 'rejected' ? verb : { status: 'stopped', reason: { code: 'block_stopped', detail: d.section ?? undefined } };
  }
  return statusOfText(d.text) ?? { status: 'existing', reason: { code: 'present' } };
}

export function proposedEntries(list: readonly Draft[], options: DraftOptions, translations: ReadonlyMap<Draft, Draft> = new Map()): ProposedEntry[] {
  return list.map((d, i) => {
    const { domain, reason: domainReason } = suggestDomain({
      tableLabel: d.row?.domainLabel,
      subheading: d.subheading ?? undefined,
      section: d.section ?? undefined,
      templateDomain: d.section ? options.templateDomainOf?.(d.section) : undefined,
      text: `${d.title} ${d.description}`,
    });
    const { status, reason: statusReason } = statusOf(d);
    const text = `${d.title}\n${d.description}`;
    const form = d.row?.form ?? formOf(text)?.form ?? null;
    const other = translations.get(d);
    return {
      key: `m${i + 1}`,
      title: d.title.slice(0, 500),
      description: d.description.slice(0, 20000),
      language: d.language,
      block: d.block,
      section: d.section,
      subheading: d.subheading,
      italic: d.italic,
      status,
      statusReason,
      domain,
      domainReason,
      scope: scopeOfSection(d.section ?? undefined),
      parties: d.row?.parties.length ? d.row.parties : partiesOf(text),
      // a meeting's heading dates what it decided
      years: yearsOf(d.block === 'meetings' ? `${text}\n${d.section}` : text).slice(0, 50),
      form,
      formalisation: form ? FORMALISATION_OF_FORM[form] : 'informal_exchange',
      department: d.row?.department?.slice(0, 200) ?? null,
      startYear: d.row?.startYear ?? null,
      // a measure the register knows by its paragraphs is that entry's mention
      action: d.knownAs ? 'mention' : 'create',
      entryId: d.knownAs ?? null,
      translation:
        other && other.language !== d.language
          ? { language: other.language as Language, title: other.title.slice(0, 500), description: other.description.slice(0, 20000) }
          : null,
    };
  });
}
