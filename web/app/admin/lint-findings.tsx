// Lint findings as a list: severity, rule and article, the path, and the message in the reader's language.
import { useI18n } from '../i18n/i18n-context.tsx';

/** A finding as the lint endpoint and the publish refusal return it. */
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
  article?: string;
  messages?: Partial<Record<string, string>>;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes. */
export function LintFindings(props: { findings: Finding[] }) {
  const { t, lang } = useI18n();
  if (props.findings.length === 0) return <p class="alert alert-ok">{t('admin.registry.lintNone')}</p>;
  const sorted = [...props.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul class="problems" style="list-style:none;padding:0">
      {sorted.map((f, i) => (
        <li key={i} style="padding:.45rem 0;border-bottom:1px solid var(--line)">
          <span class={`badge ${f.severity}`}>{t(`admin.severity.${f.severity}`)}</span> <code class="rule">{f.ruleId}</code>
          {f.article && <span class="muted">{f.article}</span>}
          <div>{f.messages?.[lang] ?? f.message}</div>
          <div class="path muted">{f.path}</div>
        </li>
      ))}
    </ul>
  );
}
