// `custodia report ropa|pia FILE [--purpose P] [--format html|json] [--lang L]`: records of processing and impact assessments.
import { formatProblem, LANGUAGES, loadRegistryFile, type Language } from '../../registry/index.ts';
import { buildRopa, purposesNeedingAssessment, renderPia, renderRopa } from '../../lifecycle/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

export const command: CliCommand = {
  summary: 'print the record of processing activities (GDPR 30) or impact assessments (PIPL 55/56) of a registry',
  usage: `custodia report ropa|pia FILE [--purpose P] [--format html|json] [--lang ${LANGUAGES.join('|')}]`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      purpose: { type: 'string', multiple: true },
      format: { type: 'string', default: 'html' },
      lang: { type: 'string', default: 'en' },
    });
    const [kind, file, ...extra] = positionals;
    if (kind !== 'ropa' && kind !== 'pia') throw new UsageError('expected ropa or pia');
    if (!file || extra.length > 0) throw new UsageError('expected exactly one FILE');
    const { format, lang } = values;
    if (format !== 'html' && format !== 'json') throw new UsageError(`unknown --format "${format}"; use html or json`);
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`unknown --lang "${lang}"; use one of ${LANGUAGES.join(', ')}`);
    if (kind === 'ropa' && values.purpose) throw new UsageError('--purpose applies to pia only');
    const result = loadRegistryFile(file);
    if (!result.ok) {
      for (const p of result.problems) io.err(formatProblem(p));
      return 1;
    }
    const registry = result.registry;
    const options = { format, lang: lang as Language } as const;
    if (kind === 'ropa') {
      io.out(renderRopa(registry, options));
      const issues = buildRopa(registry).issues;
      for (const i of issues) io.err(`${i.rule}  ${i.purpose ?? '(controller)'}  ${i.message}`);
      return issues.length > 0 ? 1 : 0;
    }
    const known = new Set(registry.purposes.map((p) => p.id));
    const unknown = (values.purpose ?? []).filter((p) => !known.has(p));
    if (unknown.length > 0) throw new UsageError(`unknown --purpose ${unknown.map((p) => `"${p}"`).join(', ')}; the registry has ${[...known].join(', ')}`);
    io.out(renderPia(registry, values.purpose, options));
    // A purpose that needs an assessment without an approved one on file is a finding (PIPL 55).
    const missing = purposesNeedingAssessment(registry).filter((n) => !n.onFile && (!values.purpose || values.purpose.includes(n.purpose)));
    for (const n of missing) io.err(`PIPL-55-1  ${n.purpose}  needs an approved impact assessment (${n.triggers.map((t) => t.kind).join(', ')})`);
    return missing.length > 0 ? 1 : 0;
  },
};
