// Shows a refusal or error from the API: in the reader's language when the code is one people meet (with the rule
// the server names), else the detail; and each listed problem with its line and column.
import type { Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';

/** An alert for a problem document; `title` replaces the generic heading. `id` lets a control point at it. */
export function ProblemAlert(props: { problem: Problem; title?: string; id?: string }) {
  const { t } = useI18n();
  const p = props.problem;
  const known = tOr(t, 'problem.', p.code);
  const [ruleBefore, ruleAfter = ''] = t('problem.rule').split('{rule}');
  const text = p.code === 'FORBIDDEN' ? t('common.forbidden', { detail: p.detail })
    : p.code === 'ROUTE_NOT_FOUND' ? t('common.unavailable')
    : props.title ?? (known !== p.code ? known : t('common.error', { detail: p.detail }));
  return (
    <div class="alert alert-error" role="alert" id={props.id}>
      <p>{text}</p>
      {p.rule && <p class="hint" data-testid="problem-rule">{ruleBefore}<code class="rule">{p.rule}</code>{ruleAfter}</p>}
      {p.errors && p.errors.length > 0 && (
        <ul class="problems">
          {p.errors.map((e, i) => (
            <li key={i}>
              {e.line !== undefined && <code class="pos">{e.line}:{e.col ?? 1}</code>}
              {e.code && <code class="rule">{e.code}</code>}
              <span class="path">{e.path}</span> <span>{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
