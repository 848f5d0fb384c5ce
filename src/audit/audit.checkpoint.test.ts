import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CheckpointSigner, TrustedKeys } from './audit.checkpoint.ts';

const body = { blockNo: '7', firstSeq: '41', lastSeq: '60', hash: 'ab'.repeat(32), ts: '2026-11-22T03:00:00.000Z' };

describe('checkpoint signatures', () => {
  it('verify with the signer key and fail when any field or the signature changes', () => {
    const signer = new CheckpointSigner(randomBytes(32));
    const keys = new TrustedKeys([signer.jwk]);
    const cp = signer.sign(body);
    expect(keys.check(cp)).toBe('ok');
    for (const [k, v] of [['blockNo', '8'], ['firstSeq', '40'], ['lastSeq', '61'], ['hash', 'cd'.repeat(32)], ['ts', '2026-11-22T03:00:00.001Z']] as const) {
      expect(keys.check({ ...cp, [k]: v }), k).toBe('bad');
    }
    const sig = Buffer.from(cp.sig, 'base64url');
    sig[3] ^= 1;
    expect(keys.check({ ...cp, sig: sig.toString('base64url') })).toBe('bad');
  });

  it('derives the same key from the same seed, another from another, and refuses a key claiming a foreign kid', () => {
    const seed = randomBytes(32);
    const a = new CheckpointSigner(seed);
    expect(new CheckpointSigner(seed).kid).toBe(a.kid);
    const other = new CheckpointSigner(randomBytes(32));
    expect(other.kid).not.toBe(a.kid);
    expect(new TrustedKeys([a.jwk]).check(other.sign(body))).toBe('unknown-key');
    // a forger who signs with their own key and claims the trusted kid
    expect(new TrustedKeys([a.jwk]).check({ ...other.sign(body), kid: a.kid })).toBe('bad');
    expect(() => new TrustedKeys([{ ...other.jwk, kid: a.kid }])).toThrow(/fingerprint/);
  });
});
