import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';

for (const target of TEST_DATABASES) {
  describe(`audit checkpoints over HTTP [${target.name}]`, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'custodia-cp-')), 'exported.jsonl');
    const received: { topic: string; data: Record<string, unknown> }[] = [];
    let hook: Server;
    let s: TestServer;
    let auditor: string;
    beforeAll(async () => {
      hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.end('ok');
        });
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
      s = await startTestServer(target.options(), undefined, { CUSTODIA_AUDIT_EXPORT_FILE: file, CUSTODIA_AUDIT_EXPORT_SECONDS: '0' });
      auditor = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'auditor', role: 'auditor' } })).json.key;
    });
    afterAll(async () => {
      await s?.stop();
      hook?.close();
    });

    it('exports the newest signed checkpoint to the file, the webhook and the caller, and verifies against it', async () => {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/cp`;
      expect((await s.call('POST', '/v1/webhooks', { key: s.adminKey, body: { url, topics: ['audit.checkpoint'] } })).status).toBe(201);
      const r = await s.call('POST', '/v1/audit/checkpoints/export', { key: auditor });
      expect(r.status).toBe(200);
      expect(r.json.exportedTo.sort()).toEqual([`file:${file}`, 'events', expect.stringMatching(/^api:/)].sort());
      const cp = r.json.checkpoint;
      const keys = (await s.call('GET', '/v1/audit/checkpoints/keys', { key: auditor })).json.keys;
      expect(keys).toEqual([cp.jwk]);
      expect(JSON.parse(readFileSync(file, 'utf8').trim())).toEqual(cp);
      const listed = (await s.call('GET', `/v1/audit/checkpoints?after=${Number(cp.blockNo) - 1}`, { key: auditor })).json.checkpoints;
      expect(listed[0]).toEqual({ blockNo: cp.blockNo, firstSeq: cp.firstSeq, lastSeq: cp.lastSeq, hash: cp.hash, ts: cp.ts, kid: cp.kid, sig: cp.sig });
      await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(received[0]).toMatchObject({ topic: 'audit.checkpoint', data: { lastSeq: cp.lastSeq, sig: cp.sig } });
      const v = (await s.call('GET', '/v1/audit/verify', { key: auditor })).json;
      expect(v).toMatchObject({ ok: true, checkpoints: { signaturesChecked: true, anchor: { lastSeq: cp.lastSeq } } });
      // a checkpoint the caller kept, altered, is refused as a forgery
      const altered = await s.call('POST', '/v1/audit/verify', { key: auditor, body: { checkpoints: [{ ...cp, lastSeq: String(Number(cp.lastSeq) + 5) }] } });
      expect(altered.json.ok).toBe(false);
      expect(altered.json.firstBad.reason).toMatch(/from the caller has a signature that does not verify/);
    });

    it('refuses callers without audit rights, and missing keys', async () => {
      const svc = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'orders', role: 'service', purposes: ['account'] } })).json.key;
      for (const [method, path] of [['POST', '/v1/audit/checkpoints/export'], ['GET', '/v1/audit/checkpoints'], ['GET', '/v1/audit/checkpoints/keys'], ['POST', '/v1/audit/verify']] as const) {
        expect((await s.call(method, path, { key: svc, body: method === 'POST' ? { checkpoints: [] } : undefined })).status, `${method} ${path}`).toBe(403);
        expect((await s.call(method, path)).status, `${method} ${path}`).toBe(401);
      }
      const bad = await s.call('POST', '/v1/audit/verify', { key: auditor, body: { checkpoints: [{ blockNo: 'x' }] } });
      expect(bad.status).toBe(400);
    });
  });
}
