// Consent receipts: each event is signed as a compact JWS (EdDSA, Ed25519) that a person can keep and verify offline.
import { createPrivateKey, randomUUID, sign as edSign, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
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
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Signs receipts with the active key; keys rotate, retired ones still verify. */
export class ReceiptSigner {
  private active: { kid: string; key: KeyObject } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Loads the active key, creating the first one when there is none. */
  async init(): Promise<void> {
    const row = await this.db.selectFrom('signing_keys').select(['kid', 'private_jwk']).where('retired_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (row) this.active = { kid: row.kid, key: createPrivateKey({ key: row.private_jwk as JWK & { kty: string }, format: 'jwk' }) };
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
    this.active = { kid, key: createPrivateKey({ key: priv as JWK & { kty: string }, format: 'jwk' }) };
    return kid;
  }

  /** Signs claims as a compact JWS. */
  async sign(claims: ReceiptClaims): Promise<string> {
    return this.signClaims(claims, 'consent-receipt+jws');
  }

  /**
   * Signs any claims object with the active key; `typ` names what the receipt proves (banner choices use their own).
   * The compact form (RFC 7515 §7.1) is built here and signed with node's Ed25519 directly: jose's WebCrypto path cost
   * twice as much per receipt on the grant hot path, on the event loop. Receipts are verified with jose (verifyReceipt), which
   * checks that the two agree.
   */
  async signClaims(claims: object, typ: string): Promise<string> {
    if (!this.active) await this.init();
    const input = `${b64(JSON.stringify({ alg: ALG, kid: this.active!.kid, typ }))}.${b64(JSON.stringify(claims))}`;
    // the callback form signs on libuv's thread pool, so a batch of receipts does not hold the event loop
    const sig = await new Promise<Buffer>((resolve, reject) => edSign(null, Buffer.from(input), this.active!.key, (e, out) => (e ? reject(e) : resolve(out))));
    return `${input}.${sig.toString('base64url')}`;
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
