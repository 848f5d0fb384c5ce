// `custodia audit verify`: walks the audit chain and names the first bad entry.
import { AuditWriter, verifyAuditChain, type AuditVerification } from '../../audit/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';
import { apiError, withDataOrApi } from '../cli.target.ts';

export const command: CliCommand = {
  summary: 'verify the audit chain (exit 1 and the first bad entry when it does not verify)',
  usage: 'custodia audit verify [--data DIR] [--url URL] [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' }, url: { type: 'string' }, format: { type: 'string', default: 'text' } });
    if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('expected: audit verify');
    const started = Date.now();
    const v: AuditVerification = await withDataOrApi(
      { url: values.url, data: values.data },
      async (store) => {
        await new AuditWriter(store.db).flush(); // chain what is waiting in the inbox first
        return verifyAuditChain(store.db);
      },
      async (api) => {
        const r = await api.call('GET', '/v1/audit/verify');
        if (r.status !== 200) throw apiError(r);
        return r.json;
      },
    );
    const seconds = (Date.now() - started) / 1000;
    if (values.format === 'json') io.out(JSON.stringify({ ...v, seconds }));
    else if (v.ok) io.out(`audit chain verifies: ${v.entries} entries in ${v.blocks} blocks, head ${v.lastHash.slice(0, 16)}… (${seconds.toFixed(2)} s)`);
    else io.out(`audit chain BROKEN at entry ${v.firstBad!.seq}: ${v.firstBad!.reason} (${v.entries} entries verified before it)`);
    return v.ok ? 0 : 1;
  },
};
