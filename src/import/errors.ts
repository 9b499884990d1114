/** Why a file cannot be imported; nothing was written. `code` lets each surface say it in its own language. */
export type ImportProblem =
  | 'empty_file'
  | 'too_large'
  | 'not_docx'
  | 'legacy_doc'
  | 'password_protected'
  | 'corrupt'
  | 'image_only'
  | 'no_text'
  | 'not_a_report';

const MESSAGES: Record<ImportProblem, string> = {
  empty_file: 'The file is empty. Expected a Word report (.docx) with numbered section headings and the measures as bullets or paragraphs.',
  too_large: 'The file is too large. Expected a Word report (.docx) of at most {limit}.',
  not_docx: 'The file is not a Word document. Expected a .docx file saved by Word, LibreOffice or this app.',
  legacy_doc: 'The file is an old Word 97-2003 document (.doc). Open it in Word and save it as .docx, then import that file.',
  password_protected: 'The document is protected with a password. Remove the password in Word (File > Info > Protect Document), save, and import again.',
  corrupt: 'The .docx file is damaged and cannot be read. Open it in Word, save it again as .docx, and import that file.',
  image_only: 'The document holds only pictures (a scan?). Expected a report whose text can be selected: run text recognition (OCR) first, or import the original Word file.',
  no_text: 'The document has no text. Expected a Word report with numbered section headings and the measures as bullets or paragraphs.',
  not_a_report:
    'This document does not look like a synergy report (a letter?). Expected numbered section headings (e.g. "3.1 Human Resources") with the measures as bullets or paragraphs under them.',
};

export class ImportRejectedError extends Error {
  constructor(
    readonly problem: ImportProblem,
    vars: Record<string, string> = {},
  ) {
    super(MESSAGES[problem].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole));
    this.name = 'ImportRejectedError';
  }
}
