import { CatalogueError } from '../domain';
import type { AnnexModel } from './model';

/** How many texts of the annex's language a machine translated and no person reviewed yet. */
function unreviewedCount(model: AnnexModel): number {
  return model.meta.machineTranslated.reduce((sum, entry) => sum + entry.fields.length, 0);
}

/** The template refuses unreviewed machine translations and the annex still has some: it is not printed. */
export class UnreviewedTranslationsError extends CatalogueError {
  readonly code = 'unreviewed_translations';
  constructor(
    readonly count: number,
    readonly language: string,
  ) {
    super(`${count} machine-translated text(s) in ${language} still need review before the annex is printed`);
    this.name = 'UnreviewedTranslationsError';
  }
  override params() {
    return { count: this.count };
  }
  override details() {
    return { count: this.count, language: this.language };
  }
}

/**
 * A printed annex honours its template's choice: with 'refuse' it is not produced while any text in its language is
 * an unreviewed machine translation (the model itself stays available, so the screens can list what to review).
 */
export function assertPrintable(model: AnnexModel): AnnexModel {
  const count = unreviewedCount(model);
  if (model.meta.template.machineTranslations === 'refuse' && count > 0) throw new UnreviewedTranslationsError(count, model.meta.language);
  return model;
}
