// Picks a registry label in the reader's language, falling back to any language the registry has.
import type { Lang } from '../i18n/index.ts';

/** Labels by language, as the registry writes them. */
export type Labels = Partial<Record<string, string>> | undefined;

/** The label in `lang`, else English, else the first one, else the fallback. */
export function label(labels: Labels, lang: Lang, fallback = ''): string {
  if (!labels) return fallback;
  return labels[lang] ?? labels.en ?? Object.values(labels).find(Boolean) ?? fallback;
}
