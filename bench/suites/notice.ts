// Notice suite: seconds to render every example registry (or, without examples, the test fixture) in all four languages.
import { readdirSync } from 'node:fs';
import { LANGUAGES, loadRegistryFile, type Registry } from '../../src/registry/index.ts';
import { renderNotice } from '../../src/notice/index.ts';
import { seconds, type BenchSuite } from '../bench.ts';

function registries(): Registry[] {
  const dir = new URL('../../examples/', import.meta.url);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    files = [];
  }
  const out = files.map((f) => loadRegistryFile(new URL(f, dir).pathname)).flatMap((r) => (r.ok ? [r.registry] : []));
  if (out.length === 0) {
    const r = loadRegistryFile(new URL('../../test/fixtures/minimal.yaml', import.meta.url).pathname);
    if (r.ok) out.push(r.registry);
  }
  return out;
}

const suite: BenchSuite = async ({ report }) => {
  const regs = registries();
  // The first pass is the one that counts: it includes building the Chinese script converters a registry needs.
  const cold = await seconds(() => {
    for (const r of regs) for (const lang of LANGUAGES) renderNotice(r, lang, 'html');
  });
  report({ bench: 'render', metric: 'seconds', value: cold, n: regs.length * LANGUAGES.length });
  const warm = await seconds(() => {
    for (const r of regs) for (const lang of LANGUAGES) renderNotice(r, lang, 'html');
  });
  report({ bench: 'render-warm', metric: 'seconds', value: warm, n: regs.length * LANGUAGES.length });
};
export default suite;
