import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../src/host';
import { escapeMarkup } from '../src/domain';

/** Where the XML add-in manifest template lives, from the repository root. */
export const MANIFEST_TEMPLATE = (root: string) => path.join(root, 'appPackage', 'word-addin.template.xml');

/** The add-in's GUID when nothing else names one (a template filled by hand); a deployment's comes from addinIdFor. */
export const DEFAULT_ADDIN_ID = '3c0f5c9a-6d2e-4b7a-9f41-2a8e5d7c1b60';

/** The name space of the add-in ids derived from Teams app ids (a UUID of this project's own). */
const ADDIN_ID_NAMESPACE = '0f6e6e5a-7c1d-4b2a-9e3f-5d4c3b2a1908';

/**
 * The Word add-in's GUID for an install: a name-based UUID (RFC 9562 version 5) of its Teams app id, which the
 * toolkit generates per install (teamsApp/create). So every install has its own add-in id, the same on every
 * build, without a second id to keep; WORD_ADDIN_ID overrides it.
 */
export function addinIdFor(teamsAppId: string): string {
  const namespace = Buffer.from(ADDIN_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(teamsAppId.toLowerCase(), 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const escapeXml = escapeMarkup;

/** Office SSO (<WebApplicationInfo>): the app registration's client id and its Application ID URI. */
export interface ManifestSso {
  clientId: string;
  /** the Application ID URI the API accepts as audience, api://<PUBLIC_URL host>/<client id> */
  resource: string;
}

export interface ManifestValues {
  publicUrl: string;
  addinId?: string;
  /** tenant mode only: without it the manifest has no <WebApplicationInfo> and the pane does not sign in */
  sso?: ManifestSso;
}

/**
 * The SSO values for the manifest from the configuration: in tenant mode (AUTH_MODE=entra, which needs
 * CLIENT_ID) the client id and the first audience the API accepts (APPLICATION_ID_URI or
 * api://<PUBLIC_URL host>/<CLIENT_ID>), so Office asks for exactly the token the server validates.
 * In local mode: none.
 */
export function manifestSsoOf(config: AppConfig): ManifestSso | undefined {
  if (config.auth.mode !== 'entra') return undefined;
  return { clientId: config.auth.clientId, resource: config.auth.audiences[0] };
}

/** The optional block of the template, between its two marker comments (markers included). */
const SSO_BLOCK = /[ \t]*<!--\{\{#SSO\}\}[^]*?-->\r?\n([^]*?)[ \t]*<!--\{\{\/SSO\}\}-->\r?\n?/;

/**
 * Fills the template's {{PUBLIC_URL}} and {{ADDIN_ID}}, and keeps its SSO block (filling {{CLIENT_ID}} and
 * {{APPLICATION_ID_URI}}) only when `sso` is given; refuses values that would make a broken manifest.
 */
export function fillManifest(template: string, values: ManifestValues): string {
  const url = new URL(values.publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be an http(s) URL, not ${values.publicUrl}`);
  const publicUrl = url.origin + url.pathname.replace(/\/$/, '');
  const addinId = values.addinId ?? DEFAULT_ADDIN_ID;
  if (!GUID.test(addinId)) throw new Error(`WORD_ADDIN_ID must be a GUID, not ${addinId}`);
  const sso = values.sso;
  if (sso) {
    if (!GUID.test(sso.clientId)) throw new Error(`CLIENT_ID must be the app registration's GUID for Office SSO, not ${sso.clientId}`);
    if (!/^api:\/\/[^\s/]+\/\S+$/.test(sso.resource))
      throw new Error(`The Application ID URI must look like api://<host>/<client id> for Office SSO, not ${sso.resource}`);
  }
  if (!SSO_BLOCK.test(template)) throw new Error('The add-in manifest template lost its SSO block markers');
  const filled = template
    .replace(SSO_BLOCK, (_whole, block: string) =>
      sso ? block.replace(/\{\{CLIENT_ID\}\}/g, sso.clientId).replace(/\{\{APPLICATION_ID_URI\}\}/g, escapeXml(sso.resource)) : '',
    )
    .replace(/\{\{PUBLIC_URL\}\}/g, escapeXml(publicUrl))
    .replace(/\{\{ADDIN_ID\}\}/g, addinId);
  const left = /\{\{[A-Z_#/]+\}\}/.exec(filled);
  if (left) throw new Error(`The add-in manifest template has an unfilled placeholder ${left[0]}`);
  return filled;
}

/**
 * The manifest for this deployment: its public URL, its add-in id (WORD_ADDIN_ID, else derived from the Teams app
 * id) and Office SSO in tenant mode; read from the template in `root`.
 */
export function manifestFor(config: AppConfig, root: string): string {
  const addinId = config.wordAddinId ?? addinIdFor(config.teamsAppId);
  return fillManifest(readFileSync(MANIFEST_TEMPLATE(root), 'utf8'), { publicUrl: config.publicUrl, addinId, sso: manifestSsoOf(config) });
}
