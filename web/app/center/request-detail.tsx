// One of the person's requests: status, deadline, outcome, history, and the export download when ready.
import { useState } from 'preact/hooks';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { isOverdue, money } from '../lib/requests.ts';
import { useLoad } from '../lib/use-load.ts';
import { linkClick } from '../lib/use-route.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi, personToken } from './person-session.ts';

/** The detail screen; another person's id answers exactly like an unknown one. */
export function RequestDetail(props: { id: string }) {
  const { t, date, lang } = useI18n();
  const r = useLoad(() => call(personApi.GET('/v1/me/requests/{id}', { params: { path: { id: props.id } } })), [props.id]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const notFound = r.problem && (r.problem.status === 404 || r.problem.code === 'VALIDATION_FAILED');
  const download = async () => {
    const res = await fetch(`/v1/me/requests/${props.id}/export`, { headers: { authorization: `Bearer ${personToken()}` } });
    if (!res.ok) return setDownloadError(((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? `HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `${props.id}.zip` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const q = r.data;
  const eventName = (e: string) => (e.startsWith('step:') ? t('event.step') : tOr(t, 'event.', e) !== e ? tOr(t, 'event.', e) : tOr(t, 'status.', e));
  return (
    <>
      <p><a href="/requests" onClick={linkClick}>← {t('center.requests.title')}</a></p>
      {notFound && <><h1 tabIndex={-1}>{t('center.requests.reference')}</h1><div class="alert alert-error" role="alert"><p>{t('center.requests.notFound')}</p></div></>}
      {r.problem && !notFound && <ProblemAlert problem={r.problem} />}
      {q && (
        <>
          <h1 tabIndex={-1}>{tOr(t, 'request.', q.type)}</h1>
          <section class="card">
            <p>
              <span class={`badge ${q.status === 'completed' ? 'ok' : ''}`} data-testid="request-status">{tOr(t, 'status.', q.status)}</span>
              {isOverdue(q) && <> <span class="badge overdue">{t('status.overdue')}</span></>}
            </p>
            <p>{t('center.requests.reference')}: <code>{q.id}</code></p>
            <p>{t('center.requests.received', { date: date(q.receivedAt, true) })}<br />{t('center.requests.due', { date: date(q.dueAt) })}</p>
            {q.type === 'copy' && <p data-testid="request-fee">{q.fee && q.fee.amount > 0 ? t('center.requests.fee', { amount: money(q.fee, lang), n: String(q.fee.copyNo) }) : t('center.requests.feeFree')}</p>}
            {q.outcome?.text && <p class="outcome" data-testid="request-outcome">{t('center.requests.outcome', { text: q.outcome.text })}</p>}
            {(q.type === 'copy' || q.type === 'portability') && q.status === 'completed' && <p><button type="button" onClick={download}>{t('center.requests.download')}</button></p>}
            {downloadError && <div class="alert alert-error" role="alert"><p>{downloadError}</p></div>}
          </section>
          <section class="card" aria-label={t('admin.requests.status')}>
            <ol>
              {q.events.map((e, i) => <li key={i}>{date(e.at, true)} — {eventName(e.event)}</li>)}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
