import { translate } from '../i18n';
import type { Language, Params } from '../i18n';

/** Why a file cannot be imported; nothing was written. Worded from the catalogue ("import.problem.<code>"). */
export type ImportProblem =
  | 'empty_file'
  | 'too_large'
  | 'unpacks_too_large'
  | 'not_docx'
  | 'legacy_doc'
  | 'password_protected'
  | 'corrupt'
  | 'image_only'
  | 'no_text'
  | 'not_a_report'
  /** the reading took longer or more memory than an import may: stopped */
  | 'too_complex'
  /** the caller gave up before the proposal was ready */
  | 'cancelled'
  /** this person already has an import being read */
  | 'busy'
  /** the review's changes name a proposal this server no longer keeps */
  | 'expired';

export class ImportRejectedError extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly params: Params = {},
  ) {
    super(translate('en', `import.problem.${problem}`, params));
    this.name = 'ImportRejectedError';
  }

  /** What was wrong and what was expected, in the reader's language. */
  messageIn(language: Language): string {
    return translate(language, `import.problem.${this.problem}`, this.params);
  }
}
