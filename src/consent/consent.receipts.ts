// Consent receipts: each event is signed as a compact JWS (EdDSA, Ed25519) that a person can keep and verify offline.
import { randomUUID } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { Database } from '../store/index.ts';

/** What a receipt asserts: references and the proof fields, never personal values. */
export interface ReceiptClaims {
  iss: string;
  sub: string;
  jti: string;
  iat: number;
  seq: string;
  type: 'consent' | 'permission';
  event: string;
  target: string;
  recipient?: string;
  kind?: string;
  action: string;
  registryVersion: number;
  scopeHash?: string;
  noticeHash?: string;
  channel: string;
  language?: string;
}

const ALG = 'EdDSA';
const encoder = new TextEncoder();

/** Signs receipts with the active key; keys rotate, retired ones still verify. */
export class ReceiptSigner {
  private active: { kid: string; key: CryptoKey | Uint8Array } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Loads the active key, creating the first one when there is none. */
  async init(): Promise<void> {
    const row = await this.db.selectFrom('signing_keys').select(['kid', 'private_jwk']).where('retired_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (row) this.active = { kid: row.kid, key: (await importJWK(row.private_jwk as JWK, ALG)) as CryptoKey };
    else await this.rotate();
  }

  /** Creates a new active key and retires the previous one. */
  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const kid = `rk_${randomUUID().slice(0, 8)}`;
    const pub = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    const priv = { ...(await exportJWK(privateKey)), kid, alg: ALG };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('signing_keys').set({ retired_at: new Date() }).where('retired_at', 'is', null).execute();
      await trx.insertInto('signing_keys').values({ kid, alg: ALG, public_jwk: JSON.stringify(pub), private_jwk: JSON.stringify(priv) }).execute();
    });
    this.active = { kid, key: privateKey };
    return kid;
  }

  /** Signs claims as a compact JWS. */
  async sign(claims: ReceiptClaims): Promise<string> {
    if (!this.active) await this.init();
    return new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg: ALG, kid: this.active!.kid, typ: 'consent-receipt+jws' }).sign(this.active!.key);
  }

  /** Signs any claims object with the active key; `typ` names what the receipt proves (banner choices use their own). */
  async signClaims(claims: object, typ: string): Promise<string> {
    if (!this.active) await this.init();
    return new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg: ALG, kid: this.active!.kid, typ }).sign(this.active!.key);
  }

  /** The public keys, active and retired, as a JWKS. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = await this.db.selectFrom('signing_keys').select(['public_jwk']).orderBy('created_at').execute();
    return { keys: rows.map((r) => r.public_jwk as JWK) };
  }
}

/** A receipt as handed to a person: the JWS and the key set that verifies it. */
export interface ReceiptFile {
  receipt: string;
  jwks: { keys: JWK[] };
}

/** Verifies a receipt offline against a key set; returns the claims or throws RECEIPT_INVALID. */
export async function verifyReceipt(receipt: string, jwks: { keys: JWK[] }): Promise<{ claims: ReceiptClaims; kid: string }> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(receipt).kid;
  } catch {
    throw new AppError('RECEIPT_INVALID', 'the receipt is not a compact JWS');
  }
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) throw new AppError('RECEIPT_INVALID', `no key ${kid ?? '(none)'} in the key set`);
  try {
    const { payload } = await compactVerify(receipt, await importJWK(jwk, ALG));
    return { claims: JSON.parse(new TextDecoder().decode(payload)) as ReceiptClaims, kid: kid! };
  } catch {
    throw new AppError('RECEIPT_INVALID', 'the signature does not verify: the receipt was altered or signed by another key');
  }
}
