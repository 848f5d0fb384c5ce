import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cliDataDir, runCli } from '../../../test/cli-harness.ts';
import { openStore } from '../../store/index.ts';

const dir = cliDataDir('custodia-cli-');

describe('custodia keys and audit verify on a data directory', () => {
  it('creates, lists and revokes keys, and verifies the audit chain; a tampered chain exits 1', async () => {
    const created = await runCli(['keys', 'create', '--name', 'ops', '--role', 'auditor', '--data', dir, '--format', 'json']);
    expect(created.code).toBe(0);
    const { id, key } = JSON.parse(created.out);
    expect(key).toMatch(/^cus_/);
    const listed = await runCli(['keys', 'list', '--data', dir]);
    expect(listed.out).toContain(`${id}  auditor`);
    expect(listed.out).not.toContain(key);
    expect((await runCli(['keys', 'revoke', id, '--data', dir])).code).toBe(0);
    const again = await runCli(['keys', 'revoke', id, '--data', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('KEY_NOT_FOUND');
    expect((await runCli(['keys', 'create', '--name', 'x', '--role', 'service', '--data', dir])).code).toBe(2);
    const ok = await runCli(['audit', 'verify', '--data', dir]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit chain verifies: 2 entries/);
    const store = await openStore({ dataDir: dir });
    await sql`update audit_entries set body = replace(body, 'key.revoke', 'key.create') where seq = 2`.execute(store.db);
    await store.close();
    const bad = await runCli(['audit', 'verify', '--data', dir, '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).firstBad).toMatchObject({ seq: '2' });
  });
});
