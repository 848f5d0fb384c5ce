// The form for a new request: the type, what it needs (the corrected value for a correction, the use objected to,
// the automated decision referred to), and a message. A copy's fee, if any, is shown as soon as it is filed.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { money } from '../lib/requests.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';

const TYPES = ['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'adm-explanation', 'adm-human-review', 'close-account'] as const;
const MARKETING = '';

/** Files a request; `categories` are what we hold, for corrections; `objectable` the uses one may object to (GDPR 21(1)). */
export function RequestForm(props: { categories: { category: string; label: string }[]; objectable: { id: string; label: string }[]; onFiled: () => void }) {
  const { t, lang } = useI18n();
  const [type, setType] = useState<(typeof TYPES)[number]>('access');
  const [category, setCategory] = useState('');
  const [value, setValue] = useState('');
  const [objected, setObjected] = useState(MARKETING);
  const [decisionRef, setDecisionRef] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filed, setFiled] = useState<{ id: string; fee: { amount: number; currency: string; copyNo: number } | null; type: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const cat = category || props.categories[0]?.category;
    const body = {
      type,
      language: lang,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(type === 'rectify' && cat ? { values: [{ category: cat, value: value.trim() }] } : {}),
      ...(type === 'object' ? (objected === MARKETING ? { marketing: true } : { purposes: [objected] }) : {}),
      ...(type.startsWith('adm-') && decisionRef.trim() ? { decisionRef: decisionRef.trim() } : {}),
    };
    const r = await call(personApi.POST('/v1/me/requests', { body }));
    setProblem(r.problem ?? null);
    setFiled(r.data ? { id: r.data.id, fee: r.data.fee, type: r.data.type } : null);
    if (r.data) {
      setMessage('');
      setValue('');
      setDecisionRef('');
      props.onFiled();
    }
  };
  return (
    <form onSubmit={submit}>
      <div class="field">
        <label for="req-type">{t('center.requests.type')}</label>
        <select id="req-type" value={type} onChange={(e) => setType(e.currentTarget.value as (typeof TYPES)[number])}>
          {TYPES.map((x) => <option key={x} value={x}>{tOr(t, 'request.', x)}</option>)}
        </select>
      </div>
      {type === 'close-account' && <p class="alert alert-warn">{t('center.requests.closeWarning')}</p>}
      {type === 'rectify' && (
        <>
          <div class="field">
            <label for="req-cat">{t('center.requests.correctCategory')}</label>
            <select id="req-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
              {props.categories.map((c) => <option key={c.category} value={c.category}>{c.label}</option>)}
            </select>
          </div>
          <div class="field"><label for="req-value">{t('center.requests.correctValue')}</label><input id="req-value" required value={value} onInput={(e) => setValue(e.currentTarget.value)} /></div>
        </>
      )}
      {type === 'object' && (
        <div class="field">
          <label for="req-object">{t('center.requests.objectWhich')}</label>
          <select id="req-object" value={objected} onChange={(e) => setObjected(e.currentTarget.value)} aria-describedby="req-object-hint">
            <option value={MARKETING}>{t('center.requests.objectMarketing')}</option>
            {props.objectable.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
          <span id="req-object-hint" class="hint">{t('center.requests.objectHint')}</span>
        </div>
      )}
      {type.startsWith('adm-') && (
        <div class="field">
          <label for="req-decision">{t('center.requests.decisionRef')}</label>
          <input id="req-decision" placeholder="adm_…" maxLength={200} value={decisionRef} onInput={(e) => setDecisionRef(e.currentTarget.value)} aria-describedby="req-decision-hint" />
          <span id="req-decision-hint" class="hint">{t('center.requests.decisionRefHint')}</span>
        </div>
      )}
      <div class="field">
        <label for="req-message">{t('center.requests.message')}</label>
        <textarea id="req-message" rows={3} maxLength={4000} style="font-family:inherit;font-size:1rem" value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      </div>
      {/* a value that fails its check is told in the reader's words; the server's list names fields, not what a person typed */}
      {problem && (type === 'rectify' && problem.code === 'VALIDATION_FAILED'
        ? <ProblemAlert problem={{ ...problem, errors: undefined }} title={t('center.requests.invalidValue')} />
        : <ProblemAlert problem={problem} />)}
      {filed && (
        <div class="alert alert-ok" role="status">
          <p>{t('center.requests.submitted', { id: filed.id })}</p>
          {filed.type === 'copy' && <p data-testid="request-fee">{filed.fee && filed.fee.amount > 0 ? t('center.requests.fee', { amount: money(filed.fee, lang), n: String(filed.fee.copyNo) }) : t('center.requests.feeFree')}</p>}
        </div>
      )}
      <button type="submit">{t('center.requests.submit')}</button>
    </form>
  );
}
