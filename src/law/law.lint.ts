// The lint engine: runs every checkable rule of the requested regimes over a registry and returns findings.
import { formatPath, LANGUAGES, type Language, type Regime, type Registry } from '../registry/index.ts';
import { CATALOGUE } from './law.catalogue.ts';
import type { Finding, Hit, Rule } from './law.model.ts';

/** Options of `lint`: which regimes to check (default: those the registry declares) and which message languages to add. */
export interface LintOptions {
  regimes?: Regime[];
  lang?: Language | Language[] | 'all';
}

const SEPARATOR: Record<Language, string> = { en: ': ', 'zh-Hans': '：', 'zh-Hant': '：', ko: ': ' };

/** Fills a rule's title template with the subject of a hit, in one language. */
export function messageIn(rule: Rule, hit: Pick<Hit, 'subject' | 'message'>, lang: Language): string {
  // English carries the predicate's own specific message; the other languages fill the rule's title template.
  if (lang === 'en') return hit.message;
  return `${rule.title?.[lang] ?? rule.id}${SEPARATOR[lang]}${hit.subject}`;
}

/** Checks a registry against the catalogue; findings come in catalogue order. */
export function lint(registry: Registry, options: LintOptions = {}): Finding[] {
  const regimes = new Set(options.regimes ?? registry.organization.regimes);
  const langs: Language[] = options.lang === undefined ? [] : options.lang === 'all' ? [...LANGUAGES] : Array.isArray(options.lang) ? options.lang : [options.lang];
  const findings: Finding[] = [];
  for (const rule of CATALOGUE) {
    if (!rule.check || !regimes.has(rule.regime)) continue;
    for (const hit of rule.check({ reg: registry, regime: rule.regime })) {
      const finding: Finding = {
        ruleId: rule.id,
        regime: rule.regime,
        article: rule.article,
        severity: hit.severity ?? rule.severity,
        path: formatPath(hit.path),
        subject: hit.subject,
        message: hit.message,
      };
      const code = hit.code ?? rule.code;
      if (code) finding.code = code;
      if (langs.length > 0) finding.messages = Object.fromEntries(langs.map((l) => [l, messageIn(rule, hit, l)]));
      findings.push(finding);
    }
  }
  return findings;
}

/** Whether any finding is an error. */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
