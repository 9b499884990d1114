/**
 * Characters XML 1.0 forbids anywhere in a document (controls other than tab, newline and carriage return,
 * U+FFFE, U+FFFF, lone surrogates). One of them in a user's text would make Word refuse the whole .docx.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A text shown inside HTML or XML (element content or a quoted attribute): the one escaper of the server's pages. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP_ENTITIES[c]!);
}
