// `custodia audit verify|export`: walks the audit chain and names the first bad entry; exports signed checkpoints.
import { appendCheckpoint, exportCheckpoint, exportFileAnchors, fileDestination, readCheckpointFile, TrustedKeys, verifyAuditChain, type Anchor, type AuditVerification, type ExportedCheckpoint } from '../../audit/index.ts';
import { AppError } from '../../errors.ts';
import { chainPending } from '../cli.audit.ts';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../cli.io.ts';
import { apiError, withDataOrApi } from '../cli.target.ts';

async function verify(values: { url?: string; data?: string; checkpoints?: string }): Promise<AuditVerification> {
  const file = values.checkpoints ? readCheckpointFile(values.checkpoints) : { anchor: undefined, keys: [] };
  const anchors: Anchor[] = file.anchor ? [file.anchor] : [];
  return withDataOrApi(
    { url: values.url, data: values.data },
    async (store, config) => {
      // without the master key here, signatures are checked against the keys of the checkpoint file, if one is given
      const signer = await chainPending(store, config);
      const trusted = signer ? [signer.jwk] : file.keys;
      const keys = trusted.length ? new TrustedKeys(trusted) : undefined;
      return verifyAuditChain(store.db, { keys, anchors: [...anchors, ...exportFileAnchors(config.CUSTODIA_AUDIT_EXPORT_FILE)] });
    },
    async (api) => {
      const r = anchors.length ? await api.call('POST', '/v1/audit/verify', { checkpoints: anchors.map((a) => a.checkpoint) }) : await api.call('GET', '/v1/audit/verify');
      if (r.status !== 200) throw apiError(r);
      return r.json;
    },
  );
}

async function exportTo(out: string, values: { url?: string; data?: string }, io: CliIO): Promise<number> {
  const r = await withDataOrApi<{ checkpoint?: ExportedCheckpoint; exportedTo: string[] }>(
    { url: values.url, data: values.data },
    async (store, config) => {
      const signer = await chainPending(store, config);
      if (!signer) throw new AppError('VAULT_KEY_UNAVAILABLE', 'exporting a checkpoint needs the master key (CUSTODIA_MASTER_KEY or the data directory\'s master.key)');
      return exportCheckpoint(store.db, signer, [fileDestination(out)]);
    },
    async (api) => {
      const res = await api.call('POST', '/v1/audit/checkpoints/export');
      if (res.status !== 200) throw apiError(res);
      const body = res.json as { checkpoint?: ExportedCheckpoint; exportedTo: string[] };
      if (body.checkpoint) appendCheckpoint(out, body.checkpoint);
      return { ...body, exportedTo: body.checkpoint ? [...body.exportedTo, `file:${out}`] : body.exportedTo };
    },
  );
  if (!r.checkpoint) io.out('no signed checkpoint yet: the audit log has no signed block');
  else if (!r.exportedTo.includes(`file:${out}`)) io.out(`checkpoint of block ${r.checkpoint.blockNo} (entry ${r.checkpoint.lastSeq}) is already in ${out}`);
  else io.out(`exported the checkpoint of block ${r.checkpoint.blockNo} (entries up to ${r.checkpoint.lastSeq}, key ${r.checkpoint.kid}) to ${out}`);
  return 0;
}

export const command: CliCommand = {
  summary: 'verify the audit chain and its signed checkpoints (exit 1 and the first bad entry when it does not verify), or export the newest checkpoint to a file',
  usage: 'custodia audit verify [--checkpoints FILE] | audit export --out FILE   [--data DIR] [--url URL] [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' }, url: { type: 'string' }, format: { type: 'string', default: 'text' }, checkpoints: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length !== 1 || (positionals[0] !== 'verify' && positionals[0] !== 'export')) throw new UsageError('expected: audit verify | audit export --out FILE');
    if (positionals[0] === 'export') {
      if (!values.out) throw new UsageError('audit export needs --out FILE (checkpoints are appended as JSON lines)');
      return exportTo(values.out, values, io);
    }
    const started = Date.now();
    const v = await verify(values);
    const seconds = (Date.now() - started) / 1000;
    if (values.format === 'json') io.out(JSON.stringify({ ...v, seconds }));
    else if (v.ok) {
      const cp = v.checkpoints;
      if (!cp.signaturesChecked) io.err('checkpoint signatures were not checked: no master key here and no checkpoint file with keys');
      const anchor = cp.anchor ? `; reaches the checkpoint of block ${cp.anchor.blockNo} exported to ${cp.anchor.source}` : '; no exported checkpoint to hold it against';
      io.out(`audit chain verifies: ${v.entries} entries in ${v.blocks} blocks (${cp.signed} signed${cp.unsigned ? `, ${cp.unsigned} older unsigned` : ''}), head ${v.lastHash.slice(0, 16)}…${anchor} (${seconds.toFixed(2)} s)`);
    } else io.out(`audit chain BROKEN at entry ${v.firstBad!.seq}: ${v.firstBad!.reason} (${v.entries} entries verified before it)`);
    return v.ok ? 0 : 1;
  },
};
