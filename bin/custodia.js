#!/usr/bin/env node
// Entry point of the `custodia` command. Verbs in BUNDLED_VERBS start from an esbuild bundle cached on disk
// (scripts/cli-bundle.mjs: built on first use and whenever a source changes); every other verb, and these
// whenever the bundle cannot be had (or CUSTODIA_CLI_BUNDLE=0), loads the TypeScript sources through tsx.
const BUNDLED_VERBS = ['scan'];

const argv = process.argv.slice(2);
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
