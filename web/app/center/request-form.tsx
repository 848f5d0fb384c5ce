// The form for a new request: the type, what it needs (the corrected value for a correction), and a message.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';

const TYPES = ['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'close-account'] as const;

/** Files a request; `categories` are what we hold, for corrections. */
export function RequestForm(props: { categories: { category: string; label: string }[]; onFiled: () => void }) {
  const { t, lang } = useI18n();
  const [type, setType] = useState<(typeof TYPES)[number]>('access');
  const [category, setCategory] = useState('');
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const cat = category || props.categories[0]?.category;
    const body = {
      type,
      language: lang,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(type === 'rectify' && cat ? { values: [{ category: cat, value: value.trim() }] } : {}),
    };
    const r = await call(personApi.POST('/v1/me/requests', { body }));
    setProblem(r.problem ?? null);
    setFiled(r.data?.id ?? null);
    if (r.data) {
      setMessage('');
      setValue('');
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
      <div class="field">
        <label for="req-message">{t('center.requests.message')}</label>
        <textarea id="req-message" rows={3} maxLength={4000} style="font-family:inherit;font-size:1rem" value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {filed && <p class="alert alert-ok" role="status">{t('center.requests.submitted', { id: filed })}</p>}
      <button type="submit">{t('center.requests.submit')}</button>
    </form>
  );
}
