import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cliDataDir, runCli } from '../../../test/cli-harness.ts';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';
import { openStore } from '../../store/index.ts';

const dir = cliDataDir('custodia-audit-cli-');
const file = join(dir, 'kept-elsewhere.jsonl');

describe('custodia audit export and verify on a data directory', () => {
  it('exports a signed checkpoint to a file and detects a chain cut short before it', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', CUSTODIA_DATA_DIR: dir, CUSTODIA_RETENTION_INTERVAL_MINUTES: '0' });
    const server = await startServer(config, { registryFile: 'test/fixtures/minimal.yaml', listen: false, logger: false, print: () => {}, store: { dataDir: dir } });
    const before = (await server.ctx.audit.flush(), await server.ctx.store.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq;
    for (let i = 0; i < 5; i++) await server.ctx.audit.append({ actor: 'test', action: 'read', details: { i } });
    await server.stop();

    const out = await runCli(['audit', 'export', '--data', dir, '--out', file]);
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^exported the checkpoint of block \d+ \(entries up to \d+, key ak_[0-9a-f]{12}\)/);
    expect((await runCli(['audit', 'export', '--data', dir, '--out', file])).out).toMatch(/is already in/);
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    const ok = await runCli(['audit', 'verify', '--data', dir, '--checkpoints', file]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^audit chain verifies: \d+ entries in \d+ blocks \(\d+ signed\).*reaches the checkpoint of block \d+ exported to file:/);

    // cut the last block and roll the head back to before it, and forget the export: only the kept file tells
    const store = await openStore({ dataDir: dir });
    const last = await store.db.selectFrom('audit_blocks').selectAll().orderBy('block_no', 'desc').limit(1).executeTakeFirstOrThrow();
    const prev = await store.db.selectFrom('audit_entries').select(['seq', 'hash']).where('seq', '<', last.first_seq).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_entries').where('seq', '>=', last.first_seq).execute();
    await store.db.deleteFrom('audit_blocks').where('block_no', '=', last.block_no).execute();
    await store.db.deleteFrom('audit_exports').execute();
    await sql`update audit_head set last_seq = ${prev.seq}, last_hash = ${prev.hash}, last_block = ${String(Number(last.block_no) - 1)}`.execute(store.db);
    await store.close();
    expect(Number(prev.seq)).toBeGreaterThanOrEqual(Number(before));

    expect((await runCli(['audit', 'verify', '--data', dir])).code).toBe(0); // nothing inside the database shows it
    const cut = await runCli(['audit', 'verify', '--data', dir, '--checkpoints', file]);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(`audit chain BROKEN at entry ${Number(prev.seq) + 1}: entries ${Number(prev.seq) + 1} to ${line.lastSeq} are missing`);
    expect((await runCli(['audit', 'export', '--data', dir])).code).toBe(2);
  }, 120_000);
});
