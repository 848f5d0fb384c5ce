// `custodia diff OLD NEW [--format json]`: every change between two registry versions, material or not, and the consents it affects.
import { formatProblem, loadRegistryFile } from '../../registry/index.ts';
import { classifyChanges, type ClassifiedChange } from '../../notice/index.ts';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../cli.io.ts';

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function human(c: ClassifiedChange): string {
  const value = c.op === 'added' ? ` ${show(c.after)}` : c.op === 'removed' ? ` ${show(c.before)}` : ` ${show(c.before)} -> ${show(c.after)}`;
  const affects = [
    c.affects.purposes.length > 0 ? `purposes ${c.affects.purposes.join(', ')}` : '',
    c.affects.recipients.length > 0 ? `recipients ${c.affects.recipients.join(', ')}` : '',
  ].filter(Boolean);
  const tail = affects.length > 0 ? `\n    consents to renew: ${affects.join('; ')}` : '';
  return `${c.material ? 'MATERIAL ' : 'minor    '} ${c.op.padEnd(7)} ${c.path}${value}\n    ${c.code}: ${c.reason}${tail}`;
}

function loadBoth(files: string[], io: CliIO) {
  const loaded = files.map((f) => loadRegistryFile(f));
  for (const r of loaded) if (!r.ok) for (const p of r.problems) io.err(formatProblem(p));
  return loaded;
}

export const command: CliCommand = {
  summary: 'list the changes between two registry versions, which are material, and which consents they affect',
  usage: 'custodia diff OLD NEW [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
    if (positionals.length !== 2) throw new UsageError('expected OLD and NEW registry files');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown --format "${values.format}"; use json`);
    const [before, after] = loadBoth(positionals, io);
    if (!before.ok || !after.ok) return 1;
    const changes = classifyChanges(before.registry, after.registry);
    const material = changes.filter((c) => c.material).length;
    if (values.format === 'json') {
      const purposes = [...new Set(changes.flatMap((c) => c.affects.purposes))].sort();
      const recipients = [...new Set(changes.flatMap((c) => c.affects.recipients))].sort();
      io.out(JSON.stringify({ material: material > 0, counts: { changes: changes.length, material }, affects: { purposes, recipients }, changes }));
      return 0;
    }
    if (changes.length === 0) {
      io.out('no changes');
      return 0;
    }
    io.out(changes.map(human).join('\n'));
    io.out(`\n${changes.length} change(s), ${material} material${material > 0 ? ': people must be told before the new version takes effect' : ''}`);
    return 0;
  },
};
