// Automated decisions made about the person (PIPL 24, PIPA 37-2, GDPR 15(1)(h) and 22): each with its outcome, an
// explanation the person reads here in their language, and one button to ask a person to review it.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';

interface Decision {
  id: string;
  purpose: string;
  outcome: string;
  significant: boolean;
  decidedAt: string;
}

/** One decision: its explanation on demand, and a human-review request. */
function DecisionItem(props: { d: Decision; purpose: string }) {
  const { t, lang, date } = useI18n();
  const { d } = props;
  const [explanation, setExplanation] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const heading = `adm-${d.id}-h`;
  const explain = async () => {
    const r = await call(personApi.GET('/v1/me/automated-decisions/{decisionId}/explanation', { params: { path: { decisionId: d.id }, query: { lang } } }));
    setProblem(r.problem ?? null);
    setExplanation(r.data?.text ?? null);
  };
  const review = async () => {
    const r = await call(personApi.POST('/v1/me/requests', { body: { type: 'adm-human-review', decisionRef: d.id, language: lang } }));
    setProblem(r.problem ?? null);
    setFiled(r.data?.id ?? null);
  };
  return (
    <li data-testid={`decision-${d.id}`} style="padding:.6rem 0;border-bottom:1px solid var(--line)">
      <h3 id={heading} style="margin:0 0 .25rem;font-size:1rem">{props.purpose} <span class="muted">· {date(d.decidedAt, true)}</span></h3>
      <p style="margin:0">{t('center.adm.outcome', { outcome: d.outcome })}</p>
      {explanation && <p class="outcome" data-testid="adm-explanation">{explanation}</p>}
      {(!explanation || !filed) && (
        <p class="actions row">
          {!explanation && <button type="button" class="secondary" aria-describedby={heading} onClick={explain}>{t('center.adm.explain')}</button>}
          {!filed && <button type="button" class="secondary" aria-describedby={heading} onClick={review}>{t('center.adm.review')}</button>}
        </p>
      )}
      {filed && <p class="alert alert-ok" role="status">{t('center.adm.reviewFiled', { id: filed })}</p>}
      {problem && <ProblemAlert problem={problem} />}
    </li>
  );
}

/** The card on "my data"; nothing is shown when no decision was made by automated means. */
export function DecisionsCard(props: { purpose: (id: string) => string }) {
  const { t } = useI18n();
  const list = useLoad(() => call(personApi.GET('/v1/me/automated-decisions')));
  const decisions = list.data?.decisions ?? [];
  if (!list.problem && decisions.length === 0) return null;
  return (
    <section class="card" aria-labelledby="adm-h">
      <h2 id="adm-h" class="card-title">{t('center.adm.title')}</h2>
      <p class="hint">{t('center.adm.hint')}</p>
      {list.problem && <ProblemAlert problem={list.problem} />}
      <ul style="list-style:none;padding:0;margin:0">
        {decisions.map((d) => <DecisionItem key={d.id} d={d} purpose={props.purpose(d.purpose)} />)}
      </ul>
    </section>
  );
}
