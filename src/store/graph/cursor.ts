import { z } from 'zod';

/** Where a page of a SharePoint list read stopped: the Graph link of the page it stopped in, and how much of it was used. */
export interface Cursor {
  link: string;
  skip: number;
  /** the query's `$filter`, so a cursor is never continued under another filter */
  filter?: string;
}

const cursorShape = z.object({ link: z.string().min(1).max(4000), skip: z.number().int().min(0).max(5000), filter: z.string().optional() }).strict();

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor a page handed out, or undefined for anything else (a client may send any text). */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > 8000 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
