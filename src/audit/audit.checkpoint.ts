// Signed checkpoints: each audit block's last hash signed with Ed25519, so a rewritten chain cannot be re-signed
// without the key (derived from the master key, which lives outside the data database).
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** What a checkpoint asserts: block `blockNo` holds entries firstSeq..lastSeq and the chain's hash after it is `hash`. */
export interface Checkpoint {
  blockNo: string;
  firstSeq: string;
  lastSeq: string;
  hash: string;
  ts: string;
  kid: string;
  sig: string;
}

/** A checkpoint as exported: self-contained, with the public key that verifies it. */
export interface ExportedCheckpoint extends Checkpoint {
  type: 'custodia.audit.checkpoint';
  jwk: PublicJwk;
}

/** An Ed25519 public key as a JWK. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
}

// PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410): node imports private keys only in a container format.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const CONTEXT = 'custodia.audit.checkpoint.v1';

/** The exact bytes a checkpoint signs; the fields are fixed-format (digits, hex, ISO time), so joining is unambiguous. */
export function checkpointMessage(c: Omit<Checkpoint, 'kid' | 'sig'>): Buffer {
  return Buffer.from(`${CONTEXT}\n${c.blockNo}\n${c.firstSeq}\n${c.lastSeq}\n${c.hash}\n${c.ts}`);
}

/** Signs checkpoints with one Ed25519 key; `kid` is a fingerprint of its public half. */
export class CheckpointSigner {
  readonly kid: string;
  readonly jwk: PublicJwk;
  private readonly privateKey: KeyObject;

  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('the checkpoint signing seed must be 32 bytes');
    this.privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
    const x = createPublicKey(this.privateKey).export({ format: 'jwk' }).x as string;
    this.kid = `ak_${createHash('sha256').update(x).digest('hex').slice(0, 12)}`;
    this.jwk = { kty: 'OKP', crv: 'Ed25519', x, kid: this.kid };
  }

  /** Signs a block's checkpoint. */
  sign(c: Omit<Checkpoint, 'kid' | 'sig'>): Checkpoint {
    return { ...c, kid: this.kid, sig: sign(null, checkpointMessage(c), this.privateKey).toString('base64url') };
  }
}

/** Public keys trusted to have signed checkpoints, by kid. */
export class TrustedKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(jwks: PublicJwk[] = []) {
    for (const j of jwks) this.add(j);
  }

  /** Trusts a key; its kid must be the fingerprint of its public half, so a kid cannot be claimed by another key. */
  add(jwk: PublicJwk): void {
    const kid = `ak_${createHash('sha256').update(jwk.x).digest('hex').slice(0, 12)}`;
    if (kid !== jwk.kid) throw new Error(`key ${jwk.kid} does not match its fingerprint`);
    this.keys.set(kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
  }

  get size(): number {
    return this.keys.size;
  }

  /** 'ok', 'bad' (a trusted key says no) or 'unknown-key'. */
  check(c: Checkpoint): 'ok' | 'bad' | 'unknown-key' {
    const key = this.keys.get(c.kid);
    if (!key) return 'unknown-key';
    let sig: Buffer;
    try {
      sig = Buffer.from(c.sig, 'base64url');
    } catch {
      return 'bad';
    }
    return verify(null, checkpointMessage(c), key, sig) ? 'ok' : 'bad';
  }
}
