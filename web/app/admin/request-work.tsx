// Working one request: its deadline and history, and the staff actions its status allows (review, answer,
// refuse with a reason code, extend once).
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { isOverdue } from '../lib/requests.ts';
import { useLoad } from '../lib/use-load.ts';
import { linkClick } from '../lib/use-route.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffApi } from './staff-session.ts';

const REFUSALS = ['identity-not-verified', 'manifestly-unfounded', 'excessive', 'legal-exemption', 'third-party-rights', 'not-applicable', 'other'] as const;
type Action = 'complete' | 'refuse' | 'extend' | 'approve' | 'reject';

/** The request detail screen for staff. */
export function RequestWork(props: { id: string }) {
  const { t, date } = useI18n();
  const r = useLoad(() => call(staffApi.GET('/v1/requests/{id}', { params: { path: { id: props.id } } })), [props.id]);
  const [action, setAction] = useState<Action>('complete');
  const [text, setText] = useState('');
  const [code, setCode] = useState<(typeof REFUSALS)[number]>('other');
  const [problem, setProblem] = useState<Problem | null>(null);
  const q = r.data;
  const actions: Action[] = q?.status === 'awaiting-review' ? ['approve', 'reject'] : q?.status === 'open' ? ['complete', 'refuse', 'extend'] : [];
  const chosen = actions.includes(action) ? action : actions[0];

  const submit = async (e: Event) => {
    e.preventDefault();
    const path = { params: { path: { id: props.id } } };
    const res = chosen === 'complete' ? await call(staffApi.POST('/v1/requests/{id}/complete', { ...path, body: { text } }))
      : chosen === 'refuse' ? await call(staffApi.POST('/v1/requests/{id}/refuse', { ...path, body: { code, text } }))
      : chosen === 'extend' ? await call(staffApi.POST('/v1/requests/{id}/extend', { ...path, body: { reason: text } }))
      : await call(staffApi.POST('/v1/requests/{id}/review', { ...path, body: { decision: chosen, reason: text } }));
    setProblem(res.problem ?? null);
    if (!res.problem) {
      setText('');
      r.reload();
    }
  };

  return (
    <>
      <p><a href="/admin/requests" onClick={linkClick}>← {t('admin.requests.title')}</a></p>
      {r.problem && <ProblemAlert problem={r.problem} />}
      {q && (
        <>
          <h1 tabIndex={-1}>{tOr(t, 'request.', q.type)}</h1>
          <section class="card">
            <p>
              <span class="badge" data-testid="staff-request-status">{tOr(t, 'status.', q.status)}</span>
              {isOverdue(q) && <> <span class="badge overdue">{t('status.overdue')}</span></>}
            </p>
            <p><code>{q.id}</code> · <code>{q.subjectId}</code> · {q.requester} · {q.channel}</p>
            <p>{t('admin.requests.received')}: {date(q.receivedAt, true)}<br />{t('admin.requests.due')}: <strong>{date(q.dueAt)}</strong> <span class="muted">({q.deadline.regime.toUpperCase()} · {q.deadline.rule})</span></p>
            {q.outcome?.text && <p>{t('center.requests.outcome', { text: q.outcome.text })}</p>}
            {q.lastError && <div class="alert alert-warn"><p>{q.lastError}</p></div>}
            <ol class="muted">{q.events.map((e, i) => <li key={i}>{date(e.at, true)} — {e.event} <code>{e.actor}</code></li>)}</ol>
          </section>
          {chosen && (
            <form class="card" onSubmit={submit}>
              <h2 style="margin-top:0">{t('admin.requests.work')}</h2>
              <fieldset class="row" style="border:none;padding:0;margin:0 0 .8rem">
                <legend class="visually-hidden">{t('admin.requests.work')}</legend>
                {actions.map((a) => (
                  <label key={a} style="font-weight:500"><input type="radio" name="action" value={a} checked={a === chosen} onChange={() => setAction(a)} /> {t(`admin.requests.do.${a}`)}</label>
                ))}
              </fieldset>
              {chosen === 'refuse' && (
                <div class="field">
                  <label for="refusal-code">{t('admin.requests.refusalCode')}</label>
                  <select id="refusal-code" value={code} onChange={(e) => setCode(e.currentTarget.value as (typeof REFUSALS)[number])}>{REFUSALS.map((c) => <option key={c} value={c}>{c}</option>)}</select>
                </div>
              )}
              <div class="field">
                <label for="work-text">{chosen === 'complete' ? t('admin.requests.answer') : t('admin.requests.reason')}</label>
                <textarea id="work-text" rows={5} required minLength={3} style="font-family:inherit;font-size:1rem" value={text} onInput={(e) => setText(e.currentTarget.value)} />
              </div>
              {problem && <ProblemAlert problem={problem} />}
              <button type="submit">{t(`admin.requests.do.${chosen}`)}</button>
            </form>
          )}
        </>
      )}
    </>
  );
}
