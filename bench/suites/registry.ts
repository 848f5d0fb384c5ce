// Registry suite: how fast a registry is parsed and validated.
import { readFileSync } from 'node:fs';
import { loadRegistry } from '../../src/registry/index.ts';
import { opsPerSecond, type BenchSuite } from '../bench.ts';

const suite: BenchSuite = async ({ report }) => {
  const text = readFileSync(new URL('../../test/fixtures/minimal.yaml', import.meta.url), 'utf8');
  report({ bench: 'registry-load', metric: 'ops_per_s', value: opsPerSecond(() => loadRegistry(text), 500) });
};
export default suite;
