/** The slice of OData `$filter` SharePoint list items answer: `fields/Column eq literal`. */

export type Literal = string | number | boolean | null;

export interface EqualityFilter {
  column: string;
  value: Literal;
}

export class FilterSyntaxError extends Error {}

/** Parses one OData literal exactly: quoted strings with '' for a quote, numbers, true, false, null. */
export function parseLiteral(text: string): Literal {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    const inner = text.slice(1, -1);
    let out = '';
    for (let i = 0; i < inner.length; i++) {
      if (inner[i] !== "'") {
        out += inner[i];
        continue;
      }
      if (inner[i + 1] !== "'") throw new FilterSyntaxError(`unescaped quote at position ${i + 1} in ${text}`);
      out += "'";
      i++;
    }
    return out;
  }
  throw new FilterSyntaxError(`${text} is not an OData literal`);
}

export function parseEqualityFilter(filter: string): EqualityFilter {
  const match = /^\s*fields\/([A-Za-z_][A-Za-z0-9_]*)\s+eq\s+(.+?)\s*$/.exec(filter);
  if (!match) throw new FilterSyntaxError(`unsupported filter: ${filter}`);
  return { column: match[1], value: parseLiteral(match[2]) };
}
