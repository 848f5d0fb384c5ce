// Test helpers: the registries to render (fixture, minimal, examples) and every string a registry supplies.
import { readdirSync } from 'node:fs';
import { LANGUAGES, loadRegistryFile, type Registry } from '../registry/index.ts';
import { simplifiedToTaiwanConverter, taiwanToSimplified } from './notice.convert.ts';
import { fullRegistry } from './notice.fixture.ts';

const ROOT = new URL('../../', import.meta.url);

/** Every registry a test should render: the full fixture, test/fixtures/minimal.yaml and each valid examples/*.yaml. */
export function sampleRegistries(): { name: string; registry: Registry }[] {
  return (samples ??= loadSamples());
}

let samples: { name: string; registry: Registry }[] | undefined;

function loadSamples(): { name: string; registry: Registry }[] {
  const out = [{ name: 'full-fixture', registry: fullRegistry() }];
  const minimal = loadRegistryFile(new URL('test/fixtures/minimal.yaml', ROOT).pathname);
  if (minimal.ok) out.push({ name: 'minimal', registry: minimal.registry });
  let files: string[] = [];
  try {
    files = readdirSync(new URL('examples/', ROOT)).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    // examples/ is written by another team; a checkout without it still tests the fixtures.
  }
  for (const f of files) {
    const r = loadRegistryFile(new URL(`examples/${f}`, ROOT).pathname);
    if (r.ok) out.push({ name: f, registry: r.registry });
  }
  return out;
}

const TEXT_KEYS = new Set(['email', 'phone', 'url', 'contact', 'reference', 'cookies', 'script', 'version', 'text']);
const isLabels = (v: object) => Object.keys(v).length > 0 && Object.keys(v).every((k) => (LANGUAGES as readonly string[]).includes(k));

/** Strings the registry supplies (labels in any language and their script conversions, contacts, names); ids and enums are left out. */
export function registryStrings(registry: Registry): string[] {
  const out = new Set<string>();
  const toTw = simplifiedToTaiwanConverter(JSON.stringify(registry));
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (TEXT_KEYS.has(key)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      if (isLabels(v)) for (const s of Object.values(v) as string[]) [s, toTw(s), taiwanToSimplified(s)].forEach((x) => out.add(x));
      else for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(registry, '');
  return [...out].sort((a, b) => b.length - a.length);
}

/** The notice text a reader sees with every registry-supplied string removed (Markdown link targets dropped). */
export function ownText(markdown: string, registry: Registry): string {
  let text = markdown.replace(/\]\([^)]*\)/g, ']').replace(/\\(.)/g, '$1');
  for (const s of registryStrings(registry)) text = text.split(s).join(' ');
  return text;
}
