import type { ZodIssue } from 'zod';
import { hasMessage, translate, translateKey } from './catalogue';
import type { Language, Params } from './types';
import { LANGUAGES } from '../domain';

/**
 * Validation reasons as message codes: a zod issue becomes { code, params } (a key under "validation."),
 * rendered in the reader's language with the field's label. The schemas' own rules name their code in
 * the refinement's params (`params: { code: 'needs_text' }`).
 */
export interface IssueCode {
  code: string;
  params?: Params;
}

/** A refused field: its dotted path, a machine-readable code with parameters, and the English reason. */
export interface CodedIssue extends IssueCode {
  field: string;
}

type ZodBound = { minimum?: number | bigint; maximum?: number | bigint; type?: string };

function bound(issue: ZodBound, which: 'minimum' | 'maximum'): number {
  return Number(issue[which]);
}

export function codeOfZodIssue(issue: ZodIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { code: 'required' };
      return { code: 'invalid_type', params: { expected: issue.expected === 'integer' ? 'integer' : String(issue.expected) } };
    case 'invalid_enum_value':
      return { code: 'invalid_option', params: { options: issue.options.join(', ') } };
    case 'invalid_literal':
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { code: 'invalid_value' };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: issue.keys.join(', ') } };
    case 'too_small': {
      const min = bound(issue, 'minimum');
      if (issue.type === 'string') return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (issue.type === 'array' || issue.type === 'set') return { code: 'too_few', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = bound(issue, 'maximum');
      if (issue.type === 'string') return { code: 'too_long', params: { max } };
      if (issue.type === 'array' || issue.type === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_string':
      if (issue.validation === 'email') return { code: 'invalid_email' };
      if (issue.validation === 'url') return { code: 'invalid_url' };
      if (issue.validation === 'datetime') return { code: 'invalid_datetime' };
      return { code: 'invalid_format' };
    case 'invalid_date':
      return { code: 'not_a_date' };
    case 'custom': {
      const params = { ...(issue.params ?? {}) } as Record<string, unknown>;
      const code = typeof params.code === 'string' && hasMessage(`validation.${params.code}`) ? params.code : 'invalid';
      delete params.code;
      const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Params;
      return Object.keys(clean).length ? { code, params: clean } : { code };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Parameters that name vocabulary codes: their labels in the reader's language ("shared_service" → "Gedeelde dienst"). */
const CODE_PARAMS: Record<string, string> = { form: 'form', formalisation: 'formalisation', administration: 'administration' };

/** Parameters whose values are codes of the catalogue themselves (the expected type, a form…) are translated. */
function localParams(language: Language, params: Params | undefined): Params | undefined {
  if (!params) return params;
  const out: Params = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const table = name === 'expected' ? (hasMessage(`formalisation.${value}`) ? 'formalisation' : 'validation.type') : CODE_PARAMS[name];
    if (table) out[name] = translateKey(language, `${table}.${value}`, undefined, value);
  }
  return out;
}

/** The reason alone, in a language: "is verplicht". */
export function reasonText(language: Language, issue: IssueCode): string {
  return translateKey(language, `validation.${issue.code}`, localParams(language, issue.params), translate(language, 'validation.invalid'));
}

const LANGUAGE_SEGMENTS = new Set<string>(LANGUAGES);

/** "title.nl" → "Titel (Nederlands)", "contacts.0.email" → "Contactpersonen › 1 › E-mailadres"; "" → "De aanvraag". */
export function fieldLabel(language: Language, field: string): string {
  if (!field) return translate(language, 'field.(body)');
  const parts: string[] = [];
  for (const segment of field.split('.')) {
    if (/^\d+$/.test(segment)) parts.push(String(Number(segment) + 1));
    else if (LANGUAGE_SEGMENTS.has(segment) && parts.length) parts[parts.length - 1] += ` (${translateKey(language, `field.${segment}`)})`;
    else parts.push(translateKey(language, `field.${segment}`, undefined, segment));
  }
  return parts.join(' › ');
}

/** "Titel (Nederlands): is verplicht" — what a form or a bot reply shows. */
export function describeIssue(language: Language, issue: CodedIssue): string {
  return translate(language, 'validation.labelled', { label: fieldLabel(language, issue.field), reason: reasonText(language, issue) });
}

/** All issues in one sentence: "Ongeldige invoer: Titel: is verplicht; Domein: …". */
export function describeIssues(language: Language, issues: readonly CodedIssue[]): string {
  return translate(language, 'validation.summary', { issues: issues.map((i) => describeIssue(language, i)).join('; ') });
}
