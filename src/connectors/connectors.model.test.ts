import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../deploy.ts';
import { ConnectorList } from './connectors.model.ts';

describe('deploy.yaml connectors', () => {
  it('reads the documented format with defaults', () => {
    const d = loadDeployConfig('test/fixtures/deploy-connectors.yaml');
    expect(d.connectors.map((c) => [c.id, c.driver, c.erase.mode, c.erase.batchSize, c.primaryKey])).toEqual([['shop-orders', 'postgres', 'mask', 5000, 'id'], ['crm-contacts', 'mariadb', 'delete', 5000, 'id']]);
    expect(d.connectors[0].urlEnv).toBe('SHOP_DATABASE_URL');
  });

  it('refuses unsafe identifiers, duplicate ids, and both or neither of url and urlEnv, naming the path', () => {
    const base = { id: 'a', driver: 'postgres', url: 'postgres://x', table: 't', subjectKey: { column: 'k', refers: 'custodia-id' }, columns: { c: 'phone' }, erase: { mode: 'delete' } };
    const paths = (v: unknown) => (ConnectorList.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths([base])).toEqual([]);
    expect(paths([{ ...base, table: 't; drop table x' }])).toEqual(['0.table']);
    expect(paths([{ ...base, columns: { 'c"': 'phone' } }])).toEqual(['0.columns.c"']);
    expect(paths([base, base])).toEqual(['1.id']);
    expect(paths([{ ...base, urlEnv: 'X' }])).toEqual(['0.url']);
    expect(paths([{ ...base, url: undefined }])).toEqual(['0.url']);
    expect(paths([{ ...base, erase: { mode: 'truncate' } }])).toEqual(['0.erase.mode']);
    const file = join(tmpdir(), `deploy-${process.pid}.yaml`);
    writeFileSync(file, 'connectors:\n  - id: Bad Id\n');
    expect(() => loadDeployConfig(file)).toThrow(/connectors\.0\.id/);
  });
});
