// Lint suite: seconds to load and lint every examples/*.yaml registry against all the regimes it declares.
import { readdirSync, readFileSync } from 'node:fs';
import { lint } from '../../src/law/index.ts';
import { loadRegistry, type Registry } from '../../src/registry/index.ts';
import { seconds, type BenchSuite } from '../bench.ts';

const suite: BenchSuite = async ({ report }) => {
  const dir = new URL('../../examples/', import.meta.url);
  const registries: Registry[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    const loaded = loadRegistry(readFileSync(new URL(f, dir), 'utf8'), f);
    if (loaded.ok) registries.push(loaded.registry);
  }
  let findings = 0;
  const lintAll = () => { for (const r of registries) findings += lint(r, { lang: 'all' }).length; };
  lintAll(); // warm-up
  const runs = 20;
  findings = 0;
  const total = await seconds(() => { for (let i = 0; i < runs; i++) lintAll(); });
  report({ bench: 'lint', metric: 'seconds', value: total / runs, n: registries.length, findings: findings / runs });
};
export default suite;
