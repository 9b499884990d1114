import { z } from 'zod';
import { localizedText, requiredLocalizedText } from './model-base';

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
    key: z.literal(SETTINGS_KEY).default(SETTINGS_KEY),
    municipality: requiredLocalizedText(200),
    bodyKind: z.enum(['municipality', 'city']).default('municipality'),
    ocmwName: localizedText(300).default({}),
    region: z.enum(['brussels', 'wallonia']).default('brussels'),
    languages: z
      .array(z.enum(['nl', 'fr']))
      .min(1, 'must name at least one language')
      .max(2)
      .refine((l) => new Set(l).size === l.length, { message: 'must not repeat a language', params: { code: 'duplicate' } })
      .default(['nl', 'fr']),
  })
  .strict();
export type CommuneSettings = z.infer<typeof communeSettings>;
