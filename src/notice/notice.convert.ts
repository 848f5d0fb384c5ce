// Simplified <-> Traditional (Taiwan) conversion of registry text, used only when a label is missing in one script.
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

// In a privacy notice 註銷 means closing an account; the Taiwan phrase table would turn it into 登出 (log out).
const TW_PHRASES = TWPhrases.split('|').filter((e) => !e.startsWith('註銷 ')).join('|');
// Taiwan writes 帳 for accounts (帳號, 帳戶); OpenCC keeps the mainland-derived 賬.
const TW_FIXES = '賬 帳';

let phraseEntries: string[] | undefined;
let toSimplified: ConverterFunction | undefined;

/** Converts Simplified Chinese to Traditional Chinese in Taiwan usage, loading only the phrases the texts contain. */
export function simplifiedToTaiwanConverter(corpus: string): ConverterFunction {
  // Building OpenCC's full phrase trie takes about half a second; the phrases a registry uses are a few dozen.
  phraseEntries ??= STPhrases.split('|');
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < corpus.length; i++) pairs.add(corpus.slice(i, i + 2));
  const phrases = phraseEntries.filter((e) => pairs.has(e.slice(0, 2))).join('|');
  return ConverterFactory([phrases ? [phrases, STCharacters] : [STCharacters]], [[TW_PHRASES], [TWVariantsPhrases, TWVariants], [TW_FIXES]]);
}

/** Converts Traditional Chinese (Taiwan usage) to Simplified Chinese. */
export function taiwanToSimplified(text: string): string {
  toSimplified ??= ConverterFactory([[TWPhrasesRev, TWVariantsRevPhrases, TWVariantsRev]], [[TSPhrases, TSCharacters]]);
  return toSimplified(text);
}
