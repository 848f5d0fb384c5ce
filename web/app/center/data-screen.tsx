// What we hold about the person, masked, with who received it and who read it — all straight from the API. Full
// values need a fresh one-time code and come from the answer to an access request (filed here when there is none).
import { useEffect, useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr, type Lang } from '../i18n/index.ts';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { CodeForm } from './code-form.tsx';
import { DecisionsCard } from './decisions-card.tsx';
import { personApi } from './person-session.ts';

/** The parts of the access answer this screen reads (the route types it as an open object). */
interface AccessAnswer {
  data: { category: string; label: string; value: string | null; collectedAt: string }[];
  recipients?: { recipient: string; name: string }[];
  declaredRecipients?: { recipient: string; name: string }[];
}

const POLL_MS = 2000;

/** After a fresh verification: the full values of the newest completed access request, filing one if needed. */
function useFullValues(active: boolean, lang: Lang) {
  const [state, setState] = useState<{ answer?: AccessAnswer; pending?: string; problem?: Problem }>({});
  useEffect(() => {
    setState({});
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let filed: string | undefined;
    const step = async (): Promise<void> => {
      const me = await call(personApi.GET('/v1/me/requests'));
      if (!live) return;
      if (!me.data) return setState({ problem: me.problem });
      const access = me.data.requests.filter((r) => r.type === 'access');
      const done = access.filter((r) => r.status === 'completed').sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0];
      if (done) {
        const r = await call(personApi.GET('/v1/me/requests/{id}', { params: { path: { id: done.id } } }));
        if (live) setState(r.data?.answer ? { answer: r.data.answer as unknown as AccessAnswer } : { problem: r.problem });
        return;
      }
      let pending = access.find((r) => r.status === 'open' || r.status === 'awaiting-review')?.id ?? filed;
      if (!pending) {
        const r = await call(personApi.POST('/v1/me/requests', { body: { type: 'access', language: lang } }));
        if (!live) return;
        if (!r.data) return setState({ problem: r.problem });
        pending = filed = r.data.id;
      }
      setState({ pending });
      timer = setTimeout(() => void step(), POLL_MS);
    };
    void step();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active]);
  return state;
}

/** The "my data" screen. */
export function DataScreen() {
  const { t, lang, date, list } = useI18n();
  const me = useLoad(() => call(personApi.GET('/v1/me')));
  const held = useLoad(() => call(personApi.GET('/v1/me/data')));
  const shares = useLoad(() => call(personApi.GET('/v1/me/shares')));
  const report = useLoad(() => call(personApi.GET('/v1/me/access-report')));
  const about = useLoad(() => call(personApi.GET('/v1/notice/purposes', { params: { query: { lang } } })), [lang]);
  const [verifying, setVerifying] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const full = useFullValues(revealed, lang);

  // category names in the reader's language (the notice's), else as the access answer or the overview has them
  const category = (id: string) => about.data?.categories.find((c) => c.id === id)?.label ?? full.answer?.data.find((d) => d.category === id)?.label ?? me.data?.categories.find((c) => c.category === id)?.label ?? id;
  const cats = (ids: string[]) => list(ids.map(category));
  const purpose = (id: string | null) => (id ? about.data?.purposes.find((p) => p.id === id)?.label ?? id : '—');
  // names in the reader's language: the notice's recipients (the access answer's, once revealed)
  const recipient = (id: string) =>
    [...(full.answer?.recipients ?? []), ...(full.answer?.declaredRecipients ?? [])].find((r) => r.recipient === id)?.name ?? about.data?.purposes.flatMap((p) => p.recipients).find((r) => r.id === id)?.name ?? id;
  const rows = full.answer ? full.answer.data.map((d) => ({ ...d, label: category(d.category) })) : held.data?.values.map((v) => ({ ...v, label: category(v.category) }));
  const problem = held.problem ?? me.problem;
  // labels first, so ids never flash in place of names
  const named = !!(me.data || me.problem) && !!(about.data || about.problem);

  return (
    <>
      <h1 tabIndex={-1}>{t('center.data.title')}</h1>
      {problem && <ProblemAlert problem={problem} />}
      {!named && <p class="muted">{t('common.loading')}</p>}
      {named && rows && (
        <section class="card" aria-labelledby="values-h">
          <h2 id="values-h" class="card-title">{t('center.nav.data')}</h2>
          <p class="muted" role="status">{full.answer ? t('center.data.revealedNote') : t('center.data.lead')}</p>
          {rows.length === 0 ? <p class="muted">{t('common.none')}</p> : (
            <table class="stack">
              <thead><tr><th>{t('center.data.category')}</th><th>{t('center.data.value')}</th><th>{t('center.data.since')}</th></tr></thead>
              <tbody>
                {rows.map((d, i) => (
                  <tr key={`${d.category}-${i}`} data-category={d.category}>
                    <th scope="row">{d.label}</th>
                    <td data-label={t('center.data.value')} data-testid="value" class="value">{d.value ?? '—'}</td>
                    <td data-label={t('center.data.since')}>{date(d.collectedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!revealed && !verifying && rows.length > 0 && <p class="actions"><button type="button" class="secondary" onClick={() => setVerifying(true)}>{t('center.data.reveal')}</button></p>}
          {!revealed && verifying && <div class="card inset"><CodeForm codeLabel={t('center.data.revealCode')} submitLabel={t('center.data.reveal')} onVerified={() => { setVerifying(false); setRevealed(true); }} /></div>}
          {revealed && full.pending && <p class="alert alert-warn" role="status">{t('center.data.preparing', { id: full.pending })}</p>}
          {full.problem && <ProblemAlert problem={full.problem} />}
        </section>
      )}

      <section class="card" aria-labelledby="recipients-h">
        <h2 id="recipients-h" class="card-title">{t('center.data.recipients')}</h2>
        <p class="hint">{t('center.data.recipientsHint')}</p>
        {shares.problem && <ProblemAlert problem={shares.problem} />}
        {named && shares.data && (shares.data.shares.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <table class="stack">
            <thead><tr><th>{t('center.data.recipient')}</th><th>{t('center.data.purpose')}</th><th>{t('center.data.category')}</th><th>{t('center.data.when')}</th></tr></thead>
            <tbody>
              {shares.data.shares.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{recipient(s.recipient)} <span class="muted">({s.country})</span></th>
                  <td data-label={t('center.data.purpose')}>{purpose(s.purpose)}</td>
                  <td data-label={t('center.data.category')}>{cats(s.categories)}</td>
                  <td data-label={t('center.data.when')}>{date(s.sharedAt, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>

      {named && <DecisionsCard purpose={purpose} />}

      <section class="card" aria-labelledby="accesses-h">
        <h2 id="accesses-h" class="card-title">{t('center.data.accesses')}</h2>
        <p class="hint">{t('center.data.accessesHint')}</p>
        {report.problem && <ProblemAlert problem={report.problem} />}
        {named && report.data && (report.data.accesses.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <table class="stack">
            <thead><tr><th>{t('center.data.when')}</th><th>{t('center.data.who')}</th><th>{t('center.data.purpose')}</th><th>{t('center.data.category')}</th></tr></thead>
            <tbody>
              {report.data.accesses.map((a, i) => (
                <tr key={i}>
                  <th scope="row">{date(a.at, true)}</th>
                  <td data-label={t('center.data.who')}>
                    {tOr(t, 'actor.', a.actor)} · {tOr(t, 'action.', a.action)}
                    {a.decision && <> <span class={`badge ${a.decision === 'deny' ? 'error' : 'info'}`}>{tOr(t, 'decision.', a.decision)}</span></>}
                  </td>
                  <td data-label={t('center.data.purpose')}>{purpose(a.purpose)}</td>
                  <td data-label={t('center.data.category')}>{a.categories.length ? cats(a.categories) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
    </>
  );
}
