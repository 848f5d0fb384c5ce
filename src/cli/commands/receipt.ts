// `custodia receipt verify FILE`: checks a consent receipt offline against the key set it came with (or --jwks).
import { readFileSync } from 'node:fs';
import { verifyReceipt } from '../../consent/index.ts';
import { AppError } from '../../errors.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

export const command: CliCommand = {
  summary: 'verify a consent receipt offline (a JSON file {receipt, jwks}, or a JWS with --jwks FILE)',
  usage: 'custodia receipt verify FILE [--jwks FILE] [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { jwks: { type: 'string' }, format: { type: 'string', default: 'text' } });
    if (positionals[0] !== 'verify' || positionals.length !== 2) throw new UsageError('expected: receipt verify FILE');
    const text = readFileSync(positionals[1] === '-' ? 0 : positionals[1], 'utf8').trim();
    let receipt = text;
    let jwks: { keys: Record<string, unknown>[] } | undefined;
    if (text.startsWith('{')) {
      const parsed = JSON.parse(text) as { receipt?: string; jwks?: { keys: Record<string, unknown>[] } };
      if (!parsed.receipt) throw new AppError('RECEIPT_INVALID', 'the file has no "receipt" field');
      receipt = parsed.receipt;
      jwks = parsed.jwks;
    }
    if (values.jwks) jwks = JSON.parse(readFileSync(values.jwks, 'utf8'));
    if (!jwks) throw new UsageError('no key set: the file has no "jwks" and --jwks was not given (GET /v1/consents/jwks serves it)');
    const { claims, kid } = await verifyReceipt(receipt, jwks as never);
    if (values.format === 'json') io.out(JSON.stringify({ ok: true, kid, claims }));
    else io.out(`receipt verifies (key ${kid}): ${claims.event} ${claims.target}${claims.recipient ? `/${claims.recipient}` : ''} for ${claims.sub}, seq ${claims.seq}, registry v${claims.registryVersion}, ${new Date(claims.iat * 1000).toISOString()}`);
    return 0;
  },
};
