// Moving a stored value to another retention class: decrypt under the old class key, seal under the new one.
import type { KeyRing } from '../vault/index.ts';
import { open, seal } from '../vault/index.ts';

/** The AAD the vault binds a ciphertext to: its row identity, class included. */
export function valueAad(subjectId: string, category: string, retentionClass: string): string {
  return `${subjectId}|${category}|${retentionClass}`;
}

/** Re-seals one value under `toClass`'s data key (created if absent); the clear value lives only in this call. */
export async function resealValue(keyring: KeyRing, v: { subjectId: string; category: string; retentionClass: string; ciphertext: Uint8Array }, toClass: string): Promise<Buffer> {
  const plain = open(await keyring.key(v.subjectId, v.retentionClass, false), Buffer.from(v.ciphertext), valueAad(v.subjectId, v.category, v.retentionClass));
  try {
    return seal(await keyring.key(v.subjectId, toClass, true), plain, valueAad(v.subjectId, v.category, toClass));
  } finally {
    plain.fill(0);
  }
}
