import path from 'node:path';

/** Where the XML add-in manifest template lives, from the repository root. */
export const MANIFEST_TEMPLATE = (root: string) => path.join(root, 'appPackage', 'word-addin.template.xml');

/** The add-in's own GUID (not the Teams app id); WORD_ADDIN_ID overrides it per tenant. */
export const DEFAULT_ADDIN_ID = '3c0f5c9a-6d2e-4b7a-9f41-2a8e5d7c1b60';

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface ManifestValues {
  publicUrl: string;
  addinId?: string;
}

/** Fills the template's {{PUBLIC_URL}} and {{ADDIN_ID}}; refuses values that would make a broken manifest. */
export function fillManifest(template: string, values: ManifestValues): string {
  const url = new URL(values.publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be an http(s) URL, not ${values.publicUrl}`);
  const publicUrl = url.origin + url.pathname.replace(/\/$/, '');
  const addinId = values.addinId ?? process.env.WORD_ADDIN_ID ?? DEFAULT_ADDIN_ID;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(addinId)) throw new Error(`WORD_ADDIN_ID must be a GUID, not ${addinId}`);
  return template.replace(/\{\{PUBLIC_URL\}\}/g, escapeXml(publicUrl)).replace(/\{\{ADDIN_ID\}\}/g, addinId);
}
