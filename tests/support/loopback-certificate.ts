import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A self-signed certificate for 127.0.0.1 (openssl), written into `dir`: for a local fake that must speak https
 * (a client that refuses tokens without TLS). Only whoever is given `cert` (an agent's `ca`, NODE_EXTRA_CA_CERTS
 * with `file`) trusts it.
 */
export function loopbackCertificate(dir: string): { key: string; cert: string; file: string } {
  const keyFile = path.join(dir, 'key.pem');
  const file = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      file,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(file, 'utf8'), file };
}
