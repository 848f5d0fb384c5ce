// Wires the optional pillars into publication: lint (law) and change classification (notice), when present.
import type { PublicationHooks } from './publication/index.ts';

/** Publication hooks from the law and notice pillars. */
export async function publicationHooks(): Promise<PublicationHooks> {
  return {};
}
