// Shared tests of a connector driver against a real server: export, delete, mask, null, resume after failure, errors.
import { expect, it } from 'vitest';
import { loadRegistryFile, type Registry } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import { createSubject } from '../subjects/index.ts';
import { describeStore } from '../../test/db-harness.ts';
import { ConnectorConfig, type ConnectorDriver } from './connectors.model.ts';
import { ConnectorRunner, defaultDrivers } from './connectors.runner.ts';
import { listRuns } from './connectors.store.ts';

/** A scratch database on a real server: a fresh `orders` table per call, dropped by `drop`. */
export interface ExternalDb {
  driver: 'postgres' | 'mariadb';
  url: string;
  /** Creates (or re-creates) `orders(id, customer_ref, phone, addr, amount, note)` and returns its qualified name. */
  table: (name: string) => Promise<string>;
  insert: (table: string, rows: { ref: string; phone: string | null; addr?: string; amount?: number }[]) => Promise<void>;
  rows: (table: string) => Promise<{ id: unknown; customer_ref: string | null; phone: string | null; addr: string | null }[]>;
}

const PHONE = '13812345678';
const ADDR = '上海市浦东新区世纪大道100号环球金融中心56楼';
const registry = (): Registry => {
  const r = loadRegistryFile('examples/003-online-shop.live.yaml');
  if (!r.ok) throw new Error('registry fixture does not load');
  return r.registry;
};

/** Registers the connector tests for one external database (on every Custodia test store). */
export function connectorSuite(title: string, ext: () => ExternalDb): void {
  describeStore(title, (store: () => Store) => {
    let n = 0;
    const reg = registry();
    const subject = async (ref: string) => (await createSubject(store().db, reg, { externalRef: `${ref}-${Date.now()}-${n++}`, role: 'customer', regimes: ['pipl'], language: 'zh-Hans' }, 'test')).id;
    const refOf = async (id: string) => (await store().db.selectFrom('subjects').select('external_ref').where('id', '=', id).executeTakeFirstOrThrow()).external_ref!;
    const config = (table: string, over: Partial<Record<string, unknown>> = {}) =>
      ConnectorConfig.parse({ id: 'shop-orders', driver: ext().driver, url: ext().url, table, subjectKey: { column: 'customer_ref', refers: 'external-ref' }, columns: { phone: 'recipient-phone', addr: 'recipient-address' }, erase: { mode: 'delete', batchSize: 2 }, ...over });
    const runner = (configs: ConnectorConfig[], drivers = defaultDrivers) => new ConnectorRunner({ db: store().db, connectors: configs, registry: async () => reg, drivers });
    const audit = async (action: string) => (await store().db.selectFrom('audit_inbox').select('body').execute()).map((r) => JSON.parse(r.body)).filter((b) => b.action === action);

    it('exports every row of the subject, columns mapped to categories, and nobody else', async () => {
      const t = await ext().table('exp');
      const [a, b] = [await subject('a'), await subject('b')];
      await ext().insert(t, [0, 1, 2].map((i) => ({ ref: 'someone-else', phone: PHONE, addr: `${ADDR}${i}` })));
      const [ra, rb] = [await refOf(a), await refOf(b)];
      await ext().insert(t, [{ ref: ra, phone: PHONE, addr: ADDR }, { ref: ra, phone: null, addr: ADDR }, { ref: ra, phone: '13900001111' }, { ref: rb, phone: '13700002222' }]);
      const r = runner([config(t)]);
      const out = await r.export(a, 'req-exp');
      expect(out['shop-orders']).toEqual([{ 'recipient-phone': PHONE, 'recipient-address': ADDR }, { 'recipient-phone': null, 'recipient-address': ADDR }, { 'recipient-phone': '13900001111', 'recipient-address': null }]);
      const entries = (await audit('connector.export')).filter((e) => e.requestId === 'req-exp');
      expect(entries).toHaveLength(1);
      expect(entries[0].details).toMatchObject({ rows: 3, table: t });
      expect(JSON.stringify(entries)).not.toContain('1381234');
      await r.close();
    });

    it('deletes in batches, leaves other people alone, and a second call repeats nothing', async () => {
      const t = await ext().table('del');
      const [a, b] = [await subject('a'), await subject('b')];
            const [ra, rb] = [await refOf(a), await refOf(b)];
      await ext().insert(t, [...Array(5)].map(() => ({ ref: ra, phone: PHONE })).concat([{ ref: rb, phone: PHONE }]));
      let calls = 0;
      const counting = async (c: ConnectorConfig, url: string): Promise<ConnectorDriver> => {
        const d = await defaultDrivers(c, url);
        return { ...d, deleteBatch: (k, l) => (calls++, d.deleteBatch(k, l)) };
      };
      const r = runner([config(t)], counting);
      expect(await r.erase(a, 'req-del')).toEqual([{ connector: 'shop-orders', table: t, rows: 5, mode: 'delete' }]);
      expect(calls).toBe(3);
      const left = await ext().rows(t);
      expect(left.filter((x) => x.customer_ref === ra)).toHaveLength(0);
      expect(left.filter((x) => x.customer_ref === rb)).toHaveLength(1);
      expect(left).toHaveLength(1);
      expect(await r.erase(a, 'req-del')).toEqual([{ connector: 'shop-orders', table: t, rows: 5, mode: 'delete' }]);
      expect(calls).toBe(3);
      const entries = (await audit('connector.erase')).filter((e) => e.requestId === 'req-del');
      expect(entries).toHaveLength(1);
      expect(entries[0].details).toMatchObject({ rows: 5, batches: 3, mode: 'delete', attempt: 1 });
      await r.close();
    });

    it('resumes after a failure without repeating work, and names the connector without values', async () => {
      for (const mode of ['delete', 'mask'] as const) {
        const t = await ext().table(`res_${mode}`);
        const a = await subject('a');
        const ra = await refOf(a);
        await ext().insert(t, [...Array(7)].map((_, i) => ({ ref: ra, phone: `1381234${String(i).padStart(4, '0')}`, addr: ADDR })));
        let fail = true;
        const seen: unknown[] = [];
        const flaky = async (c: ConnectorConfig, url: string): Promise<ConnectorDriver> => {
          const d = await defaultDrivers(c, url);
          let batches = 0;
          const boom = () => {
            if (fail && ++batches > 2) throw Object.assign(new Error(`duplicate key (phone)=(${PHONE})`), { code: 'XX000' });
          };
          return {
            ...d,
            deleteBatch: async (k, l) => (boom(), d.deleteBatch(k, l)),
            updateBatch: async (k, cols, l, change) => (boom(), d.updateBatch(k, cols, l, (row) => (seen.push(row.id), change(row)))),
          };
        };
        const r1 = runner([config(t, { erase: { mode, batchSize: 2 } })], flaky);
        const err = await r1.erase(a, `req-res-${mode}`).catch((e) => e);
        expect(err).toMatchObject({ code: 'CONNECTOR_FAILED', details: [{ path: 'connectors.shop-orders', code: 'XX000' }] });
        expect(err.message).toContain('"shop-orders"');
        expect(err.message).not.toContain(PHONE);
        expect((await listRuns(store().db, a, `req-res-${mode}`))[0]).toMatchObject({ status: 'failed', rows: 4, batches: 2, attempts: 1, lastError: `${ext().driver} error XX000` });
        await r1.close();
        fail = false;
        const r2 = runner([config(t, { erase: { mode, batchSize: 2 } })], flaky);
        expect(await r2.erase(a, `req-res-${mode}`)).toEqual([{ connector: 'shop-orders', table: t, rows: 7, mode }]);
        expect((await listRuns(store().db, a, `req-res-${mode}`))[0]).toMatchObject({ status: 'done', rows: 7, attempts: 2 });
        const rows = await ext().rows(t);
        if (mode === 'delete') expect(rows).toHaveLength(0);
        else {
          // every row changed exactly once: no primary key went through the mask twice
          expect(seen.map(String).sort()).toEqual([...new Set(seen.map(String))].sort());
          expect(seen).toHaveLength(7);
          expect(rows.map((x) => x.phone)).toEqual([...Array(7)].map((_, i) => `138****${String(i).padStart(4, '0')}`));
          expect(rows.every((x) => x.customer_ref !== ra && x.addr !== ADDR && x.addr!.startsWith(ADDR.slice(0, 5)))).toBe(true);
        }
        const failed = (await audit('connector.erase.failed')).filter((e) => e.requestId === `req-res-${mode}`);
        expect(failed).toHaveLength(1);
        expect(JSON.stringify(failed)).not.toContain(PHONE);
        await r2.close();
      }
    });

    it('null mode clears the mapped columns and the key when the key is the Custodia id', async () => {
      const t = await ext().table('nul');
      const [a, b] = [await subject('a'), await subject('b')];
      await ext().insert(t, [{ ref: a, phone: PHONE, addr: ADDR }, { ref: a, phone: PHONE }, { ref: b, phone: PHONE, addr: ADDR }]);
      const r = runner([config(t, { subjectKey: { column: 'customer_ref', refers: 'custodia-id' }, erase: { mode: 'null', batchSize: 10 } })]);
      expect((await r.erase(a, 'req-nul'))[0].rows).toBe(2);
      const rows = await ext().rows(t);
      expect(rows.filter((x) => x.customer_ref === null && x.phone === null && x.addr === null)).toHaveLength(2);
      expect(rows.filter((x) => x.customer_ref === b && x.phone === PHONE)).toHaveLength(1);
      expect(await r.export(a, 'req-nul-2')).toEqual({ 'shop-orders': [] });
      await r.close();
    });

    it('surfaces a missing table, an unknown category and a missing URL with the connector id', async () => {
      const a = await subject('a');
      const missing = await r1(config(`${(await ext().table('gone')).replace(/orders$/, 'nothing_here')}`)).export(a, 'req-err').catch((e) => e);
      expect(missing).toMatchObject({ code: 'CONNECTOR_FAILED' });
      expect(missing.message).toMatch(ext().driver === 'postgres' ? /"shop-orders".*postgres error 42P01/ : /"shop-orders".*mariadb error ER_NO_SUCH_TABLE/);
      const t = await ext().table('cat');
      const badCat = await r1(config(t, { columns: { phone: 'blood-type' } })).erase(a, 'req-err').catch((e) => e);
      expect(badCat.details[0]).toMatchObject({ path: 'connectors.shop-orders', code: 'CONNECTOR_CATEGORY_UNKNOWN' });
      const noUrl = ConnectorConfig.parse({ ...config(t), url: undefined, urlEnv: 'CUSTODIA_TEST_UNSET_URL' });
      const e3 = await new ConnectorRunner({ db: store().db, connectors: [noUrl], registry: async () => reg, env: () => undefined }).export(a, 'req-err').catch((e) => e);
      expect(e3.details[0]).toMatchObject({ code: 'CONNECTOR_URL_MISSING' });
      expect(e3.message).toContain('CUSTODIA_TEST_UNSET_URL');
    });

    const r1 = (c: ConnectorConfig) => runner([c]);

    it('erases 100,000 rows of one subject in a few seconds', async () => {
      const t = await ext().table('big');
      const a = await subject('a');
      const ra = await refOf(a);
      const chunk = [...Array(5000)].map(() => ({ ref: ra, phone: PHONE }));
      for (let i = 0; i < 20; i++) await ext().insert(t, chunk);
      await ext().insert(t, [{ ref: 'someone-else', phone: PHONE }]);
      const r = runner([config(t, { erase: { mode: 'delete', batchSize: 10_000 } })]);
      const started = Date.now();
      expect((await r.erase(a, 'req-big'))[0].rows).toBe(100_000);
      const ms = Date.now() - started;
      expect(ms).toBeLessThan(15_000);
      expect(await ext().rows(t)).toHaveLength(1);
      await r.close();
    }, 120_000);
  });
}
