// Loads the example registries for the lifecycle tests.
import { loadRegistryFile, type Registry } from '../registry/index.ts';

const cache = new Map<string, Registry>();

/** The validated registry of examples/NAME.yaml; throws listing the problems when it does not load. */
export function example(name: string): Registry {
  let reg = cache.get(name);
  if (!reg) {
    const r = loadRegistryFile(new URL(`../../examples/${name}.yaml`, import.meta.url).pathname);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    cache.set(name, (reg = r.registry));
  }
  // A deep copy so a test may change it.
  return structuredClone(reg);
}
