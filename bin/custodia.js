#!/usr/bin/env node
// Entry point of the `custodia` command. Verbs in BUNDLED_VERBS start from an esbuild bundle cached on disk
// (scripts/cli-bundle.mjs: built on first use and whenever a source changes); every other verb, and these
// whenever the bundle cannot be had (or CUSTODIA_CLI_BUNDLE=0), loads the TypeScript sources through tsx.
const BUNDLED_VERBS = ['scan'];

const argv = process.argv.slice(2);
// A reader that stops early (`custodia scan big.txt | head`) closes the pipe: end quietly, as Unix filters do.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
if (argv[0] === 'scan') {
  // A scan is one short batch process: TurboFan's compile jobs cost it ~0.33 CPU-s on the 51 MB bench corpus, most
  // of it inlining callees into the scanner's large functions. A smaller inlining budget (default 920 bytes of
  // bytecode) cut that to ~0.19 s with the main thread unchanged (0.72-0.77 s; 0.51-0.60 vs 0.72-1.10 s over
  // 612 MB), which is what a one-core or busy machine pays for. Set before any of the scanner's code is compiled.
  (await import('node:v8')).setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}
let main;
if (BUNDLED_VERBS.includes(argv[0]) && process.env.CUSTODIA_CLI_BUNDLE !== '0') {
  main = await (await import('../scripts/cli-bundle.mjs')).bundledMain(BUNDLED_VERBS);
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(argv);
