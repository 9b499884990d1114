import { z } from 'zod';
import { localizedText, requiredLocalizedText } from './model-base';
import { BILINGUAL_LANGUAGES } from './bilingual';

/**
 * The commune a register belongs to, set up once on the first-run screen and kept in the register itself: its name in
 * Dutch and French, whether it is a gemeente/commune or a stad/ville, the OCMW/CPAS as the title names it, the region
 * (Brussels: art. 26bis of the OCMW law; Wallonia: CDLD art. L1122-11) and the languages its reports are written in.
 * The server's environment only proposes the first values.
 */

export const SETTINGS_KEY = 'commune';

export const communeSettings = z
  .object({
    /** the one settings record of a register */
    key: z.literal(SETTINGS_KEY).default(SETTINGS_KEY).describe('The one settings record of a register: always "commune"'),
    municipality: requiredLocalizedText(200).describe('Name of the municipality, in Dutch and/or French'),
    bodyKind: z
      .enum(['municipality', 'city'])
      .default('municipality')
      .describe('gemeente/commune (municipality) or stad/ville (city): the wording of titles and texts'),
    ocmwName: localizedText(300).default({}).describe('The OCMW/CPAS as report titles name it; omitted: "OCMW van {municipality}"'),
    region: z
      .enum(['brussels', 'wallonia'])
      .default('brussels')
      .describe('Brussels (OCMW law art. 26bis) or Wallonia (CDLD art. L1122-11): the law the reports cite'),
    languages: z
      .array(z.enum(BILINGUAL_LANGUAGES))
      .min(1, 'must name at least one language')
      .max(2)
      .refine((l) => new Set(l).size === l.length, { message: 'must not repeat a language', params: { code: 'duplicate' } })
      .default([...BILINGUAL_LANGUAGES])
      .describe('Languages the reports are written in: nl and/or fr'),
  })
  .strict();
export type CommuneSettings = z.infer<typeof communeSettings>;
