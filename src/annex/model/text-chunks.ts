/**
 * How a free text (a measure's description, a meeting's summary) is printed: chunks apart by a blank line;
 * a chunk whose every line starts with "- " is a list of those lines, any other chunk one paragraph.
 * The annex prints by this rule and the import reads paragraphs back by it.
 */
export type TextChunk = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const LIST_LINE = /^[-•–]\s+/;

export function textChunks(text: string): TextChunk[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) =>
      chunk
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .map((lines): TextChunk =>
      lines.every((l) => LIST_LINE.test(l))
        ? { kind: 'list', items: lines.map((l) => l.replace(LIST_LINE, '')) }
        : { kind: 'paragraph', text: lines.join(' ') },
    );
}
