// `custodia scan [FILE|-]`: finds personal data in a file or stdin, streaming; prints findings or the redacted text.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { DETECTED_KINDS, redactStream, scanStreamBatches, STRUCTURED_KINDS, type DetectedKind, type Finding, type RedactMode } from '../../deid/index.ts';
import { parseCommandArgs, processIO, UsageError, type CliCommand, type CliIO } from '../cli.io.ts';
import { FindingsJson } from './scan-json.ts';

const MODES = ['mask', 'tag', 'pseudonym'] as const;

function input(file: string, io: CliIO): AsyncIterable<Uint8Array | string> {
  if (file === '-') return io === processIO ? process.stdin : Readable.from((async function* () { yield await io.readStdin(); })());
  try {
    if (!statSync(file).isFile()) throw new UsageError(`not a regular file: ${file}`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`file not found: ${file}`);
  }
  return createReadStream(file, { highWaterMark: 1 << 20 });
}

// The pseudonym key is a deployment secret: from --key-file, else CUSTODIA_PSEUDONYM_KEY; never printed.
function pseudonymKey(keyFile: string | undefined): Buffer {
  let key: Buffer | undefined;
  if (keyFile) {
    try {
      key = readFileSync(keyFile);
    } catch {
      throw new UsageError(`cannot read the key file: ${keyFile}`);
    }
    if (key.at(-1) === 0x0a) key = key.subarray(0, key.at(-2) === 0x0d ? -2 : -1);
  } else if (process.env.CUSTODIA_PSEUDONYM_KEY) key = Buffer.from(process.env.CUSTODIA_PSEUDONYM_KEY, 'utf8');
  if (!key) throw new UsageError('--redact pseudonym needs --key-file F or CUSTODIA_PSEUDONYM_KEY');
  if (key.length < 16) throw new UsageError('the pseudonym key must be at least 16 bytes');
  return key;
}

// Raw output without the line-per-call convention of io.out, with back-pressure on the real stdout.
async function write(io: CliIO, text: string | Buffer): Promise<void> {
  if (io !== processIO) return io.out(typeof text === 'string' ? text : text.toString('utf8'));
  if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
}

// --types: `structured` (identifiers found by shape and check digit), `all`, or a comma-separated list of kinds.
function kindsOf(types: string | undefined): readonly DetectedKind[] | undefined {
  if (types === undefined || types === 'all') return undefined;
  if (types === 'structured') return STRUCTURED_KINDS;
  const asked = types.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = asked.filter((t) => !(DETECTED_KINDS as readonly string[]).includes(t));
  if (unknown.length || asked.length === 0) throw new UsageError(`--types: unknown kind(s) ${unknown.join(', ') || '(none given)'}; use structured, all, or some of: ${DETECTED_KINDS.join(', ')}`);
  return asked as DetectedKind[];
}

function human(f: Finding): string {
  const check = f.checkDigit === 'not-applicable' ? 'n/a' : f.checkDigit ? 'ok' : 'FAIL';
  return `${f.start}-${f.end}  ${f.type.padEnd(18)} ${f.masked}  check=${check} confidence=${f.confidence}`;
}

export const command: CliCommand = {
  summary: 'find personal data in a file or stdin (streamed); optionally print it redacted',
  usage: 'custodia scan [FILE|-] [--format text|json] [--types structured|all|KIND,...] [--redact mask|tag|pseudonym] [--key-file F] [--min-confidence N]\n' +
    '  json: one array of findings {type,start,end,byteStart,byteEnd,masked,checkDigit,confidence} (offsets: UTF-16 / UTF-8 bytes)\n' +
    '  --redact: the redacted text goes to stdout and a summary (text or json) to stderr; exit 0 whenever the scan completes',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string', default: 'text' },
      redact: { type: 'string' },
      'key-file': { type: 'string' },
      'min-confidence': { type: 'string' },
      types: { type: 'string' },
    });
    if (positionals.length > 1) throw new UsageError('expected at most one FILE (or - for stdin)');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format is text or json');
    const mode = values.redact as RedactMode | undefined;
    if (mode !== undefined && !MODES.includes(mode)) throw new UsageError('--redact is mask, tag or pseudonym');
    const minConfidence = values['min-confidence'] === undefined ? undefined : Number(values['min-confidence']);
    if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError('--min-confidence is a number in 0..1');
    const key = mode === 'pseudonym' ? pseudonymKey(values['key-file']) : undefined;
    const kinds = kindsOf(values.types);
    const source = input(positionals[0] ?? '-', io);
    const json = values.format === 'json';
    const counts: Record<string, number> = {};
    let total = 0;
    const count = (f: Finding) => {
      counts[f.type] = (counts[f.type] ?? 0) + 1;
      total++;
    };
    if (mode) {
      for await (const piece of redactStream(source, mode, { key, minConfidence, kinds, onFinding: count })) if (piece) await write(io, piece);
      io.err(json ? JSON.stringify({ findings: total, byType: counts }) : `custodia scan: ${total} finding(s) redacted${total ? ` (${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')})` : ''}`);
      return 0;
    }
    if (json) await write(io, '[');
    const out = new FindingsJson();
    // one write per window of findings: a write per finding cost more than the scan on dense input
    for await (const batch of scanStreamBatches(source, { minConfidence, kinds })) {
      if (json) {
        for (const f of batch) {
          count(f);
          out.add(f);
        }
        await write(io, out.take());
        continue;
      }
      const lines: string[] = [];
      for (const f of batch) {
        count(f);
        lines.push(`${human(f)}\n`);
      }
      await write(io, lines.join(''));
    }
    if (json) await write(io, '\n]\n');
    else io.out(`${total} finding(s)${total ? `: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}` : ''}`);
    return 0;
  },
};
