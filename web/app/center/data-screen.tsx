// What we hold about the person: categories, and from their latest access answer the values (masked until they
// verify again), who received them and who accessed them.
import { useState } from 'preact/hooks';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { AccessAnswerView, type AccessAnswer } from './access-answer-view.tsx';
import { personApi } from './person-session.ts';
import { RequestButton } from './request-button.tsx';

/** The "my data" screen. */
export function DataScreen() {
  const { t } = useI18n();
  const me = useLoad(() => call(personApi.GET('/v1/me')));
  const [revealed, setRevealed] = useState(false);
  const done = me.data?.requests.filter((r) => r.type === 'access' && r.status === 'completed').sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0];
  const pending = me.data?.requests.find((r) => r.type === 'access' && (r.status === 'open' || r.status === 'awaiting-review'));
  const answer = useLoad(async () => (done ? call(personApi.GET('/v1/me/requests/{id}', { params: { path: { id: done.id } } })) : { data: undefined }), [done?.id, revealed]);
  const a = (answer.data as { answer?: AccessAnswer } | undefined)?.answer;
  return (
    <>
      <h1 tabIndex={-1}>{t('center.data.title')}</h1>
      {me.problem && <ProblemAlert problem={me.problem} />}
      {me.data && !a && (
        <section class="card">
          <ul>{me.data.categories.map((c) => <li key={c.category}>{c.label}</li>)}</ul>
          {pending ? <p class="muted">{t('status.open')} · {t('center.requests.reference')} <code>{pending.id}</code></p> : <RequestButton type="access" onFiled={() => setTimeout(me.reload, 1500)} />}
        </section>
      )}
      {answer.problem && <ProblemAlert problem={answer.problem} />}
      {a && <AccessAnswerView answer={a} revealed={revealed} onRevealed={() => setRevealed(true)} />}
    </>
  );
}
