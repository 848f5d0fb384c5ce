// Searching the audit log by subject and action, newest first, paging back by sequence number.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import type { paths } from '../api/schema';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { AuditVerify } from './audit-verify.tsx';
import { staffApi } from './staff-session.ts';

type Entry = paths['/v1/audit/']['get']['responses']['200']['content']['application/json']['entries'][number];
const PAGE = 50;

/** The audit screen. */
export function AuditScreen() {
  const { t, date } = useI18n();
  const [subject, setSubject] = useState('');
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const search = async (before?: string) => {
    const query = { limit: PAGE, ...(subject.trim() ? { subject: subject.trim() } : {}), ...(action.trim() ? { action: action.trim() } : {}), ...(before ? { before } : {}) };
    const r = await call(staffApi.GET('/v1/audit/', { params: { query } }));
    setProblem(r.problem ?? null);
    if (r.data) {
      setEntries((prev) => (before && prev ? [...prev, ...r.data!.entries] : r.data!.entries));
      setMore(r.data.entries.length === PAGE);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('admin.audit.title')}</h1>
      <AuditVerify />
      <form class="card" role="search" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <div class="row">
          <div class="field"><label for="audit-subject">{t('admin.audit.subject')}</label><input id="audit-subject" value={subject} placeholder="sub_…" onInput={(e) => setSubject(e.currentTarget.value)} /></div>
          <div class="field"><label for="audit-action">{t('admin.audit.action')}</label><input id="audit-action" value={action} placeholder="data.read" onInput={(e) => setAction(e.currentTarget.value)} /></div>
          <div class="field" style="flex:0 0 auto"><button type="submit">{t('admin.audit.search')}</button></div>
        </div>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      {entries && (
        <section class="card table-wrap" aria-live="polite">
          {entries.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <table>
              <thead><tr><th>{t('admin.audit.seq')}</th><th>{t('admin.audit.time')}</th><th>{t('admin.audit.actor')}</th><th>{t('admin.audit.action')}</th><th>{t('admin.audit.subject')}</th><th>{t('admin.audit.details')}</th></tr></thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td style="white-space:nowrap">{date(e.ts, true)}</td>
                    <td><code>{e.actor}</code></td>
                    <td><code>{e.action}</code></td>
                    <td>{e.subject ? <code>{e.subject.slice(0, 12)}…</code> : ''}</td>
                    <td>{[e.purpose, e.decision, e.rule, e.target].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {more && <p><button type="button" class="secondary" onClick={() => search(entries[entries.length - 1].seq)}>{t('admin.audit.more')}</button></p>}
        </section>
      )}
    </>
  );
}
