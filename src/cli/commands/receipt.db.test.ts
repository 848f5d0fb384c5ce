import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.ts';
import { ReceiptSigner } from '../../consent/index.ts';
import { openStore } from '../../store/index.ts';

describe('custodia receipt verify', () => {
  it('verifies a receipt offline and refuses an altered one or a foreign key set', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const signer = new ReceiptSigner(store.db);
    await signer.init();
    const receipt = await signer.sign({ iss: 'acme', sub: 'sub_1', jti: 'ce_1', iat: 1_790_000_000, seq: '1', type: 'consent', event: 'grant', target: 'face-login', kind: 'separate', action: 'checkbox', registryVersion: 3, channel: 'app' });
    const jwks = await signer.jwks();
    const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ receipt, jwks }));
    const ok = await runCli(['receipt', 'verify', join(dir, 'r.json')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('grant face-login for sub_1, seq 1, registry v3');
    const altered = receipt.replace(/\.([^.]+)\./, (_m, p: string) => `.${Buffer.from(Buffer.from(p, 'base64url').toString().replace('"seq":"1"', '"seq":"2"')).toString('base64url')}.`);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ receipt: altered, jwks }));
    const bad = await runCli(['receipt', 'verify', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('RECEIPT_INVALID');
    await signer.rotate();
    const other = await signer.jwks();
    writeFileSync(join(dir, 'jws.txt'), receipt);
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: other.keys.slice(1) }));
    expect((await runCli(['receipt', 'verify', join(dir, 'jws.txt'), '--jwks', join(dir, 'jwks.json')])).code).toBe(1);
    writeFileSync(join(dir, 'jwks-all.json'), JSON.stringify(other));
    expect((await runCli(['receipt', 'verify', join(dir, 'jws.txt'), '--jwks', join(dir, 'jwks-all.json')])).code).toBe(0);
    expect((await runCli(['receipt', 'verify', join(dir, 'jws.txt')])).code).toBe(2);
    await store.close();
  });
});
