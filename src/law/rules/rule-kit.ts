// Small helpers for writing rule entries: four-language titles and common hit shapes.
import type { Text4 } from '../law.model.ts';

/** A title in en, zh-Hans, zh-Hant and ko (argument order). */
export function t(en: string, zhHans: string, zhHant: string, ko: string): Text4 {
  return { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, ko };
}
