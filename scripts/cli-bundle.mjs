// Fast start of the `custodia` command for verbs that can run bundled (see BUNDLED_VERBS in bin/custodia.js):
// their sources, built by esbuild into one ESM file and cached under node_modules/.cache/custodia-cli, load in
// ~40 ms where registering tsx and transpiling at run time cost ~250 ms. No manual build step: the first run
// builds, and a run whose inputs changed (by sha-256: the bundled sources, tsconfig.json, package.json,
// package-lock.json, this file) builds again. Packages stay external, loaded from node_modules as usual, but for
// those in INLINE; any failure returns undefined and the caller uses tsx. A bundled module that refers to
// import.meta (to find files beside itself) is never used: such a verb must not be in BUNDLED_VERBS.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = join(ROOT, 'src/cli/index.ts');
const COMMANDS = join(ROOT, 'src/cli/commands/index.ts');
// files besides the bundled sources whose change makes a cached bundle stale
const ALSO = ['tsconfig.json', 'package.json', 'package-lock.json', fileURLToPath(import.meta.url)];
const INLINE = ['libphonenumber-js'];

/** Where bundles and their manifests are kept (CUSTODIA_CLI_CACHE overrides, for tests: a folder inside the
 * project, as the bundle's package imports resolve from where it lies). */
export function cacheDir() {
  return process.env.CUSTODIA_CLI_CACHE || join(ROOT, 'node_modules/.cache/custodia-cli');
}

const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');

// sha-256 of each file, or undefined when one cannot be read
function hashes(files) {
  const out = {};
  for (const f of files) {
    try {
      out[f] = digest(readFileSync(resolve(ROOT, f)));
    } catch {
      return undefined;
    }
  }
  return out;
}

// The cached bundle for `verbs` when every input it was built from is unchanged.
function cached(dir, name) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
  const now = hashes(Object.keys(manifest.inputs ?? {}));
  if (!now) return undefined;
  for (const [f, h] of Object.entries(manifest.inputs)) if (now[f] !== h) return undefined;
  return join(dir, manifest.bundle);
}

// Builds the CLI with a command table holding only `verbs`; writes the bundle, then the manifest that names it.
async function build(dir, name, verbs) {
  const esbuild = await import('esbuild');
  const table = {
    name: 'custodia-command-table',
    setup(b) {
      b.onResolve({ filter: /commands\/index\.ts$/ }, (a) => (resolve(a.resolveDir, a.path) === COMMANDS ? { path: COMMANDS, namespace: 'custodia-commands' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'custodia-commands' }, () => ({
        contents: `export const COMMANDS = {${verbs.map((v) => `${JSON.stringify(v)}: () => import(${JSON.stringify(`./${v}.ts`)})`).join(',')}};`,
        resolveDir: dirname(COMMANDS),
        loader: 'ts',
      }));
    },
  };
  // packages stay external, loaded from node_modules at run time, except those in INLINE: libphonenumber-js is
  // some 40 small ES modules whose resolution and loading took ~30 ms of every start
  const packages = {
    name: 'custodia-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (a) => (INLINE.some((p) => a.path === p || a.path.startsWith(`${p}/`)) ? undefined : { path: a.path, external: true }));
    },
  };
  const r = await esbuild.build({
    entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    write: false, metafile: true, logLevel: 'silent', plugins: [table, packages], outfile: join(dir, 'out.mjs'), absWorkingDir: ROOT,
  });
  const code = r.outputFiles[0].text;
  // a module that finds files next to itself would look beside the bundle instead: such verbs are not bundled
  if (code.includes('import.meta')) return undefined;
  const inputs = Object.keys(r.metafile.inputs).filter((f) => !f.includes(':')).map((f) => relative(ROOT, resolve(ROOT, f)));
  const sums = hashes([...new Set([...inputs, ...ALSO.map((f) => relative(ROOT, resolve(ROOT, f)))])].sort());
  if (!sums) return undefined;
  const bundle = `${name}-${digest(code).slice(0, 16)}.mjs`;
  mkdirSync(dir, { recursive: true });
  // written under temporary names and renamed: a concurrent run sees the old pair or the new one, never half
  const tmp = `.${process.pid}-${Date.now()}`;
  writeFileSync(join(dir, bundle + tmp), code);
  renameSync(join(dir, bundle + tmp), join(dir, bundle));
  writeFileSync(join(dir, `${name}.json${tmp}`), JSON.stringify({ bundle, inputs: sums }));
  renameSync(join(dir, `${name}.json${tmp}`), join(dir, `${name}.json`));
  // earlier builds of the same verbs (a run still loading one falls back to tsx)
  for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`) && f !== bundle && f.endsWith('.mjs')) rmSync(join(dir, f), { force: true });
  return join(dir, bundle);
}

/** The CLI's `main` for `verbs` from a cached bundle (building it when stale), or undefined to fall back to tsx. */
export async function bundledMain(verbs) {
  const dir = cacheDir();
  const name = `cli-${[...verbs].sort().join('-')}`;
  try {
    const path = cached(dir, name) ?? (await build(dir, name, [...verbs]));
    if (!path) return undefined;
    return (await import(pathToFileURL(path).href)).main;
  } catch {
    try {
      rmSync(join(dir, `${name}.json`), { force: true });
    } catch {
      // an unwritable cache only costs the fast start
    }
    return undefined;
  }
}
