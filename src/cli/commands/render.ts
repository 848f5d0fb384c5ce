// `custodia render FILE --lang L [--format html|md]`: prints the registry's privacy notice to stdout.
import { formatProblem, LANGUAGES, loadRegistryFile, type Language } from '../../registry/index.ts';
import { renderNotice } from '../../notice/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

export const command: CliCommand = {
  summary: 'render a registry as a privacy notice (HTML or Markdown) in one language',
  usage: `custodia render FILE --lang ${LANGUAGES.join('|')} [--format html|md]`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { lang: { type: 'string' }, format: { type: 'string', default: 'html' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    const lang = values.lang;
    if (!lang) throw new UsageError('--lang is required');
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`unknown --lang "${lang}"; use one of ${LANGUAGES.join(', ')}`);
    const format = values.format;
    if (format !== 'html' && format !== 'md') throw new UsageError(`unknown --format "${format}"; use html or md`);
    const result = loadRegistryFile(positionals[0]);
    if (!result.ok) {
      for (const p of result.problems) io.err(formatProblem(p));
      return 1;
    }
    io.out(renderNotice(result.registry, lang as Language, format));
    return 0;
  },
};
