// Envelope encryption: values under AES-256-GCM data keys, data keys wrapped by the master key, rows bound by AAD.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

const IV = 12;
const TAG = 16;

/** Encrypts with AES-256-GCM; output is iv | ciphertext | tag. `aad` binds the ciphertext to its row. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([iv, body, c.getAuthTag()]);
}

/** Decrypts what seal produced; a changed byte, key or AAD is reported as tampering, never returned as garbage. */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV + TAG) throw new AppError('VAULT_TAMPERED', 'a stored value is truncated');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([d.update(sealed.subarray(IV, sealed.length - TAG)), d.final()]);
  } catch {
    throw new AppError('VAULT_TAMPERED', 'a stored value failed its integrity check (ciphertext, key or row binding changed)');
  }
}

/** The master key: wraps data keys and derives the blind-index key; identified by a short fingerprint. */
export class MasterKey {
  readonly id: string;
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes');
    this.id = createHash('sha256').update(key).digest('hex').slice(0, 12);
  }

  /** Wraps a data key (AAD names what it is for, so a wrapped key cannot be moved to another subject). */
  wrap(dataKey: Buffer, purpose: string): string {
    return `${this.id}.${seal(this.key, dataKey, purpose).toString('base64url')}`;
  }

  /** Unwraps a data key wrapped by this master key. */
  unwrap(wrapped: string, purpose: string): Buffer {
    const [id, body] = wrapped.split('.');
    if (id !== this.id) throw new AppError('VAULT_KEY_UNAVAILABLE', `a data key is wrapped by master key ${id}, not the configured one (${this.id})`);
    return open(this.key, Buffer.from(body, 'base64url'), purpose);
  }

  /** Derives a named sub-key (HMAC-based), e.g. for blind indexes. */
  derive(label: string): Buffer {
    return createHmac('sha256', this.key).update(`custodia:${label}`).digest();
  }
}

/** Keyed blind index of a normalised value: lookups without storing the value. */
export function blindIndex(key: Buffer, category: string, normalized: string): string {
  return createHmac('sha256', key).update(`${category}\u0000${normalized}`).digest('base64url');
}
