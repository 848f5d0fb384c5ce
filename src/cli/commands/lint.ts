// `custodia lint FILE` checks a registry against the PIPL, PIPA and GDPR rules; `--list` prints the catalogue.
import { CATALOGUE, hasErrors, lint, type Finding } from '../../law/index.ts';
import { formatProblem, LANGUAGES, loadRegistryFile, REGIMES, type Language, type Regime } from '../../registry/index.ts';
import { parseCommandArgs, UsageError, type CliCommand, type CliIO } from '../cli.io.ts';

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}"; expected ${allowed.join(', ')}`);
  return value as T;
}

function list(json: boolean, io: CliIO): number {
  const rules = CATALOGUE.map((r) => ({ id: r.id, regime: r.regime, article: r.article, kind: r.kind, severity: r.severity, enforcedBy: r.enforcedBy, checkable: r.check !== undefined, ...(r.code ? { code: r.code } : {}), requirement: r.requirement }));
  if (json) {
    io.out(JSON.stringify({ count: rules.length, checkable: rules.filter((r) => r.checkable).length, rules }));
    return 0;
  }
  for (const r of rules) io.out(`${r.id.padEnd(12)} ${r.regime.padEnd(5)} ${r.kind.padEnd(9)} ${(r.checkable ? 'lint ' : '     ')}${r.enforcedBy.filter((e) => e !== 'lint').join(',').padEnd(24)} ${r.article}`);
  io.out(`${rules.length} rules, ${rules.filter((r) => r.checkable).length} checked by lint`);
  return 0;
}

function human(file: string, findings: Finding[], lang: Language | undefined, regimes: readonly Regime[], io: CliIO): void {
  for (const f of findings) {
    const message = lang ? f.messages?.[lang] ?? f.message : f.message;
    io.out(`${file}  ${f.severity.padEnd(7)} ${f.ruleId} (${f.article})  ${f.path}  ${message}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  io.out(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes (${regimes.join(', ')})`);
}

/** The lint command: findings per rule with citation, or the catalogue with --list. */
export const command: CliCommand = {
  summary: 'check a registry against the PIPL, PIPA and GDPR rules; --list prints every rule',
  usage: 'custodia lint FILE [--regime pipl|pipa|gdpr] [--lang zh-Hans|zh-Hant|ko|en] [--format json]  |  custodia lint --list [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      regime: { type: 'string', multiple: true },
      lang: { type: 'string' },
      format: { type: 'string', default: 'text' },
      list: { type: 'boolean', default: false },
    });
    const json = oneOf(values.format ?? 'text', ['text', 'json'] as const, 'format') === 'json';
    if (values.list) {
      if (positionals.length > 0 || values.regime || values.lang) throw new UsageError('--list takes no FILE, --regime or --lang');
      return list(json, io);
    }
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    const regimes = values.regime?.flatMap((r) => r.split(',')).map((r) => oneOf(r, REGIMES, 'regime'));
    const lang = values.lang === undefined ? undefined : oneOf(values.lang, LANGUAGES, 'language');
    const file = positionals[0];
    const loaded = loadRegistryFile(file);
    if (!loaded.ok) {
      if (json) io.out(JSON.stringify({ file, ok: false, problems: loaded.problems }));
      else for (const p of loaded.problems) io.out(formatProblem(p));
      return 1;
    }
    const used = regimes ?? loaded.registry.organization.regimes;
    const findings = lint(loaded.registry, { regimes: used, ...(lang ? { lang } : {}) });
    if (json) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      io.out(JSON.stringify({ file, ok: !hasErrors(findings), regimes: used, counts, findings }));
    } else {
      human(file, findings, lang, used, io);
    }
    return hasErrors(findings) ? 1 : 0;
  },
};
