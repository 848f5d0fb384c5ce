// Picks registry text in the notice language, falling back zh-Hant <-> zh-Hans (converted), then English, then any.
import { LANGUAGES, type Labels, type Language, type Registry } from '../registry/index.ts';
import { simplifiedToTaiwanConverter, taiwanToSimplified } from './notice.convert.ts';
import type { Inline } from './notice.model.ts';

/** Returns registry text for a label set in the notice language, or undefined when the set is empty. */
export type Localize = (labels: Labels | undefined) => Inline | undefined;

const converters = new WeakMap<Registry, (text: string) => string>();

function toTaiwan(registry: Registry, text: string): string {
  let convert = converters.get(registry);
  if (!convert) {
    const corpus = JSON.stringify(registry);
    const converter = simplifiedToTaiwanConverter(corpus);
    const memo = new Map<string, string>();
    convert = (t) => memo.get(t) ?? memo.set(t, converter(t)).get(t)!;
    converters.set(registry, convert);
  }
  return convert(text);
}

/** Builds the label picker for one registry and notice language. */
export function createLocalizer(registry: Registry, lang: Language): Localize {
  const order: Language[] = [...new Set<Language>(['en', ...registry.organization.languages, ...LANGUAGES])];
  return (labels) => {
    if (!labels) return undefined;
    const own = labels[lang];
    if (own !== undefined) return own;
    // The two Chinese scripts are one language: a converted label reads as native text, so it is not marked.
    if (lang === 'zh-Hant' && labels['zh-Hans'] !== undefined) return toTaiwan(registry, labels['zh-Hans']);
    if (lang === 'zh-Hans' && labels['zh-Hant'] !== undefined) return taiwanToSimplified(labels['zh-Hant']);
    for (const other of order) {
      const text = labels[other];
      if (text !== undefined) return { text, lang: other };
    }
    return undefined;
  };
}
