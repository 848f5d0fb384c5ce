import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/app-harness.ts';
import { DEMO_REGISTRIES, seedDemo } from './index.ts';

describe('custodia demo', () => {
  for (const [seed, file] of Object.entries(DEMO_REGISTRIES)) {
    it(`seeds synthetic people whose values pass the vault's checks for ${seed}`, { timeout: 120_000 }, async () => {
      const s = await startTestServer({ dataDir: 'memory://' }, file);
      try {
        const { created, sample } = await seedDemo(s.ctx, 12);
        expect(created).toBe(12);
        expect(sample.length).toBe(5);
        const values = await s.ctx.store.db.selectFrom('vault_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        expect(Number(values.n)).toBeGreaterThan(12);
        expect((await seedDemo(s.ctx, 25)).created).toBe(0); // a second start does not seed again
      } finally {
        await s.stop();
      }
    });
  }
});
