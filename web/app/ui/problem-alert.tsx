// Shows a refusal or error from the API: the detail, and each listed problem with its line and column.
import type { Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** An alert for a problem document; `title` replaces the generic heading. */
export function ProblemAlert(props: { problem: Problem; title?: string }) {
  const { t } = useI18n();
  const p = props.problem;
  const text = p.code === 'FORBIDDEN' ? t('common.forbidden', { detail: p.detail }) : p.code === 'ROUTE_NOT_FOUND' ? t('common.unavailable') : props.title ?? t('common.error', { detail: p.detail });
  return (
    <div class="alert alert-error" role="alert">
      <p>{text}</p>
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
