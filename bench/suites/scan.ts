// Scan suite: free-text PII detection throughput and quality on the synthetic mixed corpus (zh-Hans, zh-Hant, ko, en).
//
// Rows (byte rates count UTF-8 input bytes; SCAN_BENCH_MB sets the corpus size, default 50):
//   scan / mb_per_s, one row per peer, value = Custodia's full detector on the whole corpus:
//     peer openredaction and redact-pii (@dawn-analytics fork): npm PII redactors run offline; they are ~100x slower,
//       so they run on the first ~2 MB piece only (peer_sample_mb) and their rate is measured there;
//     peer naive-regex-per-type: the identifiers.md §1.17 shapes, one regex pass per type, no validation;
//     peer ceiling-one-regex: those shapes as one alternation, one pass, no validation (an upper bound, ratio < 1).
//     Extra fields: recall / peer_recall = share of labelled values that no longer appear after redaction on the
//     sample (all types, and *_common over the types every peer claims: e-mail, IP, card, phones);
//     decoys_redacted / peer_decoys_redacted = share of look-alike non-PII values (order, tracking numbers,
//     timestamps, wrong check digits) that were redacted anyway (lower is better).
//   scan-structured / mb_per_s: only the shape-and-check-digit recognisers (no label-led names, addresses, dates).
//   scan-e2e / mb_per_s: wall time of `node bin/custodia.js scan FILE --format json > /dev/null` on the corpus file,
//     one row with every kind (types=all) and one with `--types structured` (the target: structured
//     recognisers end to end); startup_s is the same command on an empty file, after_startup_mb_per_s excludes it.
//     Each command runs SCAN_BENCH_E2E_RUNS times (default 3): value is the median run, runs_s lists them all;
//     cpu_mb_per_s uses the median run's CPU seconds (user + system, all its threads: JIT and GC included), read
//     from this process's children times in /proc/self/stat (Linux only; absent elsewhere).
//   cpu_mb_per_s / peer_cpu_mb_per_s: the same bytes over this process's CPU seconds (the per-core rate when the
//     machine is shared; wall-clock rates drop with the load average, reported as load1).
//   scan-quality / recall, one row per type: value = recall, with precision, tp, fp, fn fields (whole corpus).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { OpenRedaction } from '@openredaction/openredaction';
import { SyncRedactor } from '@dawn-analytics/redact-pii';
import { detect, redact, STRUCTURED_KINDS } from '../../src/deid/index.ts';
import { generateCorpusPieces, type LabelledText } from '../../src/deid/corpus/generate.ts';
import { evaluate, type TypeScore } from '../../src/deid/corpus/evaluate.ts';
import type { BenchSuite } from '../bench.ts';

const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
const SHAPES = [
  '[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]', '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}',
  '(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}', '0\\d{2,3}[- ]?\\d{7,8}', '\\d{4}[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{4}(?:\\d{1,3})?',
  'E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[PSD]E?[0-9]{7}|S[0-9]{8}|1[45][0-9]{7}', '[A-Z]{1,2}\\d{6}\\(?[0-9A]\\)?', '[157]\\/?\\d{6}\\/?\\(?\\d\\)?',
  '[A-Z][12]\\d{8}', '[A-Z][89A-D]\\d{8}', '\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])-?\\d{7}', '\\d{3}-?\\d{2}-?\\d{5}',
  '(?:\\+?82[- ]?)?0?1[016789][- ]?\\d{3,4}[- ]?\\d{4}', '[MSROD]\\d{3}[A-Z]\\d{4}|[MSROD]\\d{8}', '\\d{2}-?\\d{2}-?\\d{6}-?\\d{2}',
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', '(?:\\d{1,3}\\.){3}\\d{1,3}', '\\+85[23][- ]?\\d{4}[- ]?\\d{4}', '09\\d{2}-?\\d{3}-?\\d{3}',
];
const NAIVE = SHAPES.map((s) => new RegExp(`${B}(?:${s})${E}`, 'g'));
const CEILING = new RegExp(`${B}(?:${SHAPES.join('|')})${E}`, 'g');
const COMMON = new Set(['email', 'ip', 'bank-card', 'cn-mobile', 'cn-landline', 'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone']);

const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

// Wall seconds, and this process's CPU seconds in `lastCpu`: on a shared machine the CPU figure is the per-core rate.
let lastCpu = 0;
function timeIt(f: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1e6;
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Share of labelled values gone from the output, and of decoys redacted anyway (values counted per occurrence).
function survival(sample: LabelledText, output: string): { recall: number; recallCommon: number; decoys: number } {
  const present = (v: string) => output.includes(v);
  const labels = sample.labels;
  const common = labels.filter((l) => COMMON.has(l.type));
  const gone = (ls: { value: string }[]) => (ls.length ? ls.filter((l) => !present(l.value)).length / ls.length : 1);
  return { recall: gone(labels), recallCommon: gone(common), decoys: gone(sample.decoys ?? []) };
}

function naiveRedact(text: string, res: RegExp[]): string {
  let out = text;
  for (const re of res) out = out.replace(re, '[X]');
  return out;
}

const suite: BenchSuite = async ({ report }) => {
  const targetBytes = Number(process.env.SCAN_BENCH_MB ?? 50) * 1e6;
  const pieces: LabelledText[] = [];
  let bytes = 0;
  // 15% of sentences carry personal data and 7% are look-alike decoys: denser than real logs or tickets
  for (const p of generateCorpusPieces(20260101, Infinity, 1 << 20, 0.15)) {
    pieces.push(p);
    bytes += Buffer.byteLength(p.text);
    if (bytes >= targetBytes) break;
  }
  const texts = pieces.map((p) => p.text);
  const sample = pieces[0];
  const sampleBytes = Buffer.byteLength(sample.text);
  const load1 = round(os.loadavg()[0], 2);

  detect(texts[0]);
  let found: ReturnType<typeof detect>[] = [];
  const ours = mbps(bytes, timeIt(() => (found = texts.map((t) => detect(t)))));
  const oursCpu = mbps(bytes, lastCpu);
  const scores: Record<string, TypeScore> = {};
  pieces.forEach((p, i) => {
    for (const [t, s] of Object.entries(evaluate(p.labels, found[i]))) {
      const a = (scores[t] ??= { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 });
      a.tp += s.tp;
      a.fp += s.fp;
      a.fn += s.fn;
    }
  });
  found = [];
  const structured = mbps(bytes, timeIt(() => texts.forEach((t) => detect(t, { kinds: STRUCTURED_KINDS }))));
  const structuredCpu = mbps(bytes, lastCpu);
  const oursQ = survival(sample, redact(sample.text, 'tag').text);
  const base = { bench: 'scan', metric: 'mb_per_s', value: round(ours, 2), cpu_mb_per_s: round(oursCpu, 2), mb: round(bytes / 1e6, 1), load1, recall: round(oursQ.recall), recall_common: round(oursQ.recallCommon), decoys_redacted: round(oursQ.decoys) };

  const peers: [string, (t: string) => string][] = [
    ['openredaction', (t) => new OpenRedaction().detect(t).redacted as string],
    ['redact-pii', (t) => new SyncRedactor().redact(t)],
  ];
  for (const [peer, run] of peers) {
    run(sample.text.slice(0, 2000));
    let out = '';
    const rate = mbps(sampleBytes, timeIt(() => (out = run(sample.text))));
    const rateCpu = mbps(sampleBytes, lastCpu);
    const q = survival(sample, out);
    report({ ...base, peer, peer_value: round(rate, 3), ratio: round(ours / rate, 1), peer_cpu_mb_per_s: round(rateCpu, 3), peer_sample_mb: round(sampleBytes / 1e6, 2), peer_recall: round(q.recall), peer_recall_common: round(q.recallCommon), peer_decoys_redacted: round(q.decoys) });
  }

  const naive = mbps(bytes, timeIt(() => texts.forEach((t) => NAIVE.forEach((re) => { re.lastIndex = 0; while (re.exec(t)); }))));
  const naiveCpu = mbps(bytes, lastCpu);
  const nq = survival(sample, naiveRedact(sample.text, NAIVE));
  report({ ...base, peer: 'naive-regex-per-type', peer_value: round(naive, 2), ratio: round(ours / naive, 2), peer_cpu_mb_per_s: round(naiveCpu, 2), peer_recall: round(nq.recall), peer_recall_common: round(nq.recallCommon), peer_decoys_redacted: round(nq.decoys) });
  const ceiling = mbps(bytes, timeIt(() => texts.forEach((t) => { CEILING.lastIndex = 0; while (CEILING.exec(t)); })));
  report({ ...base, peer: 'ceiling-one-regex', peer_value: round(ceiling, 2), ratio: round(ours / ceiling, 3), peer_cpu_mb_per_s: round(mbps(bytes, lastCpu), 2) });
  report({ bench: 'scan-structured', metric: 'mb_per_s', value: round(structured, 2), cpu_mb_per_s: round(structuredCpu, 2), mb: round(bytes / 1e6, 1), load1 });

  const dir = mkdtempSync(join(os.tmpdir(), 'custodia-scan-bench-'));
  try {
    const file = join(dir, 'corpus.txt');
    const fd = openSync(file, 'w');
    for (const t of texts) writeSync(fd, t);
    closeSync(fd);
    const empty = join(dir, 'empty.txt');
    closeSync(openSync(empty, 'w'));
    // CPU seconds of the children waited for so far (utime + stime of terminated children, in clock ticks of 1/100 s)
    const childCpu = (): number | undefined => {
      try {
        const stat = readFileSync('/proc/self/stat', 'utf8');
        // fields after the command name: state is the first, cutime and cstime the 14th and 15th
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(f[13]) + Number(f[14]);
        return Number.isFinite(ticks) ? ticks / 100 : undefined;
      } catch {
        return undefined;
      }
    };
    // wall time of the whole command, and of the same command on an empty file (process start, imports)
    const run = (path: string, extra: string[]) => {
      const devnull = openSync('/dev/null', 'w');
      const c0 = childCpu();
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['bin/custodia.js', 'scan', path, '--format', 'json', ...extra], { stdio: ['ignore', devnull, 'pipe'], cwd: new URL('../../', import.meta.url).pathname });
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      const c1 = childCpu();
      closeSync(devnull);
      return { secs, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0, status: r.status ?? -1 };
    };
    const times = Math.max(1, Number(process.env.SCAN_BENCH_E2E_RUNS ?? 3));
    // the median of `times` runs (by wall time), and every run's wall time
    const median = (path: string, extra: string[]) => {
      const runs = Array.from({ length: times }, () => run(path, extra));
      const sorted = [...runs].sort((a, b) => a.secs - b.secs);
      return { ...sorted[(times - 1) >> 1], all: runs.map((r) => round(r.secs, 2)), status: runs.find((r) => r.status !== 0)?.status ?? 0 };
    };
    const startup = median(empty, []).secs;
    for (const [types, extra] of [['all', []], ['structured', ['--types', 'structured']]] as const) {
      const r = median(file, [...extra]);
      report({
        bench: 'scan-e2e', metric: 'mb_per_s', value: round(mbps(bytes, r.secs), 2), types, seconds: round(r.secs, 2), runs_s: r.all,
        ...(r.cpu === undefined ? {} : { cpu_s: round(r.cpu, 2), cpu_mb_per_s: round(mbps(bytes, r.cpu), 2) }),
        startup_s: round(startup, 2), after_startup_mb_per_s: round(mbps(bytes, r.secs - startup), 2), mb: round(bytes / 1e6, 1), exit: r.status, load1: round(os.loadavg()[0], 2),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  for (const [type, s] of Object.entries(scores).sort()) {
    const n = s.tp + s.fn;
    report({ bench: 'scan-quality', metric: 'recall', value: round(n ? s.tp / n : 1), precision: round(s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1), type, tp: s.tp, fp: s.fp, fn: s.fn });
  }
};
export default suite;
