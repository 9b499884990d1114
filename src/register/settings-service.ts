import { type BilingualLanguage, type CommuneSettings, communeSettings, SETTINGS_KEY } from '../domain';
import type { Collection, Stored } from '../store';
import { stripMeta, validate } from './records';

/**
 * The commune's settings as the register keeps them (one record). Until the first-run screen saved them, the
 * server's environment proposes values (`configured: false`); once saved, they are what the annex, the templates and
 * the import use, whatever the environment says.
 */

export interface SettingsView extends CommuneSettings {
  /** false until someone saved them: the tab then opens the first-run screen */
  configured: boolean;
  /** the stored version, for If-Match; null before the first save */
  etag: string | null;
  /** not configured and the register holds nothing yet: the tab opens its first-run screen */
  firstRun: boolean;
}

export interface SettingsDefaults {
  municipality: { nl: string; fr: string };
  languages?: BilingualLanguage[];
}

export class SettingsService {
  constructor(
    private readonly collection: Collection<CommuneSettings>,
    private readonly defaults: SettingsDefaults,
    /** whether the register holds no measure yet (a first run); unknown: never a first run */
    private readonly isEmpty: () => Promise<boolean> = async () => false,
  ) {}

  private async stored(): Promise<Stored<CommuneSettings> | undefined> {
    return (await this.collection.list()).find((s) => s.key === SETTINGS_KEY);
  }

  async get(): Promise<SettingsView> {
    const stored = await this.stored();
    if (stored) return { ...stripMeta(stored), configured: true, etag: stored.etag, firstRun: false };
    const proposed = communeSettings.parse({
      municipality: this.defaults.municipality,
      ...(this.defaults.languages ? { languages: this.defaults.languages } : {}),
    });
    return { ...proposed, configured: false, etag: null, firstRun: await this.isEmpty() };
  }

  /** The commune's name per language, as the annex and new templates print it. */
  async municipality(): Promise<{ nl: string; fr: string }> {
    const { municipality } = await this.get();
    const nl = municipality.nl ?? municipality.fr ?? '';
    return { nl, fr: municipality.fr ?? nl };
  }

  /** Saves the settings; after the first save, `ifMatch` (when given) must name the version read (else ConflictError). */
  async put(input: unknown, ifMatch?: string): Promise<SettingsView> {
    const value = validate(communeSettings, input);
    const stored = await this.stored();
    const saved = stored
      ? await this.collection.update(stored.id, value, ifMatch ?? stored.etag)
      : (await this.collection.createOnce(value, `settings:${SETTINGS_KEY}`)).record;
    return { ...stripMeta(saved), configured: true, etag: saved.etag, firstRun: false };
  }
}
