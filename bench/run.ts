// `npm run bench [-- SUITE...] [--json]`: runs benchmark suites from bench/suites/ and prints one row per figure.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import type { BenchRow, BenchSuite } from './bench.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const wanted = args.filter((a) => !a.startsWith('--'));
const dir = new URL('./suites/', import.meta.url);
const available = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const machine = { cores: os.availableParallelism(), node: process.version, memory_gb: Math.round(os.totalmem() / 2 ** 30) };
const print = (row: object) => console.log(json ? JSON.stringify(row) : formatRow(row as BenchRow));
console.log(json ? JSON.stringify({ machine }) : `machine: ${machine.cores} cores, node ${machine.node}, ${machine.memory_gb} GiB`);
for (const name of wanted.length > 0 ? wanted : available) {
  const suite = (await import(new URL(`${name}.ts`, dir).href)).default as BenchSuite;
  await suite({ report: print });
}

function formatRow(r: BenchRow): string {
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toPrecision(4));
  const extra = Object.entries(r).filter(([k]) => !['bench', 'metric', 'value', 'peer', 'peer_value', 'ratio'].includes(k)).map(([k, v]) => `${k}=${v}`);
  const peer = r.peer ? `  vs ${r.peer} ${fmt(r.peer_value ?? 0)}  ratio ${r.ratio?.toFixed(2)}` : '';
  return `${r.bench.padEnd(14)} ${r.metric.padEnd(10)} ${fmt(r.value).padStart(14)}${peer}${extra.length ? `  (${extra.join(', ')})` : ''}`;
}
