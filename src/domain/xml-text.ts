/**
 * Characters XML 1.0 forbids anywhere in a document (controls other than tab, newline and carriage return,
 * U+FFFE, U+FFFF, lone surrogates). One of them in a user's text would make Word refuse the whole .docx.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
