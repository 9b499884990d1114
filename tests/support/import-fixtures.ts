import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { annexDocx } from '../../src/annex/docx/render';
import { AnnexService } from '../../src/annex/annex-service';
import { Register } from '../../src/register/register-service';
import { loadDemoDataIfEmpty } from '../../src/seed/demo-data';
import { loadConfig } from '../../src/host/config';
import { createLocalStore } from '../../src/store/local/local-store';
import type { RegisterStore } from '../../src/store/store';

/** A register on a fresh embedded store in a temporary folder, with or without the demo data. */
export async function tempRegister(demo: boolean): Promise<{ register: Register; store: RegisterStore; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'synergy-import-'));
  const config = loadConfig({ PORT: '0', AUTH_MODE: 'local', DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const store = createLocalStore(dir);
  await store.init();
  if (demo) await loadDemoDataIfEmpty(store, config);
  return {
    register: new Register(store),
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The annex this app exports for a year, as the .docx a clerk downloads. */
export async function exportedAnnex(
  register: Register,
  query: { year: number; lang: 'nl' | 'fr'; shape?: 'list' | 'narrative'; table?: boolean },
): Promise<Buffer> {
  const config = loadConfig({ PORT: '0', AUTH_MODE: 'local', LOG_LEVEL: 'silent' });
  const model = await new AnnexService(register, { municipality: config.municipality, language: 'nl' }).model(query);
  return annexDocx(model);
}

export function importIdOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
