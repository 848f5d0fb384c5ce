// The audit chain's verification status, checked by the server on every view.
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffApi } from './staff-session.ts';

/** Intact, or the first bad entry. */
export function AuditVerify() {
  const { t } = useI18n();
  const v = useLoad(() => call(staffApi.GET('/v1/audit/verify')));
  return (
    <section class="card" aria-labelledby="chain-h" aria-busy={v.loading}>
      <h2 id="chain-h" style="margin-top:0">{t('admin.audit.chain')}</h2>
      {v.problem && <ProblemAlert problem={v.problem} />}
      {v.data && (v.data.ok
        ? <p class="alert alert-ok" data-testid="chain-status">✓ {t('admin.audit.verified', { entries: v.data.entries, blocks: v.data.blocks })}</p>
        : <p class="alert alert-error" data-testid="chain-status">✗ {t('admin.audit.broken', { seq: v.data.firstBad?.seq ?? '?', reason: v.data.firstBad?.reason ?? '' })}</p>)}
    </section>
  );
}
