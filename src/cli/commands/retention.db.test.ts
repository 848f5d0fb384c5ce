import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cliDataDir, runCli } from '../../../test/cli-harness.ts';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';

const dir = cliDataDir('custodia-retention-');

describe('custodia retention plan and sweep on a data directory', () => {
  it('lists expired CCTV footage without changing anything, then erases it; usage errors exit 2', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', CUSTODIA_DATA_DIR: dir, CUSTODIA_RETENTION_INTERVAL_MINUTES: '0' });
    const server = await startServer(config, { registryFile: 'examples/000-broker.live.yaml', listen: false, logger: false, print: () => {}, store: { dataDir: dir } });
    const { db } = server.ctx.store;
    await sql`insert into subjects (id, role, regimes, language) values ('sub_cli000000000000000000000000001', 'visitor', '["gdpr"]'::jsonb, 'zh-Hant')`.execute(db);
    await server.ctx.vault.put((await server.ctx.registry.load()).registry, 'sub_cli000000000000000000000000001', [{ category: 'cctv-footage', value: 'cam-1/clip-7', purposes: ['cctv'] }], 'test');
    await sql`update vault_values set collected_at = ${new Date('2026-01-01T00:00:00Z')}`.execute(db);
    await server.stop();

    const early = await runCli(['retention', 'plan', '--data', dir, '--at', '2026-01-15T00:00:00Z', '--format', 'json']);
    expect(early.code).toBe(0);
    expect(JSON.parse(early.out)).toMatchObject({ total: 0 });
    const plan = await runCli(['retention', 'plan', '--data', dir, '--at', '2026-02-01T00:00:00Z']);
    expect(plan.out).toContain('1 value(s) past retention at 2026-02-01T00:00:00.000Z');
    expect(plan.out).toMatch(/cctv-footage\s+cctv\s+1/);
    const sweep = await runCli(['retention', 'sweep', '--data', dir, '--format', 'json']);
    expect(sweep.code).toBe(0);
    expect(JSON.parse(sweep.out)).toMatchObject({ erased: 1, counts: [{ category: 'cctv-footage', purpose: 'cctv', count: 1 }], keysDestroyed: 1 });
    expect(sweep.out).not.toContain('clip-7');
    expect((await runCli(['audit', 'verify', '--data', dir])).code).toBe(0);
    expect((await runCli(['retention', 'sweep', '--data', dir, '--at', '2030-01-01T00:00:00Z'])).code).toBe(2);
    expect((await runCli(['retention', 'expire', '--data', dir])).code).toBe(2);
  }, 240_000);
});
