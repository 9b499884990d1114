import { z } from 'zod';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

/** 127.x.x.x, ::1 or localhost: this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * A link the register shows people (minutes, documents): https, or http to this machine for development.
 * javascript:, data:, file: and the like never reach a page or a document.
 */
export function isSafeLink(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export const safeLink = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine(isSafeLink, { message: 'must be an https:// link (http:// only to this machine)' });
