// One button that files a request of one type at once (no form needed), then reports the reference.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';

/** Files `{ type }` for the signed-in person. */
export function RequestButton(props: { type: string; onFiled: () => void }) {
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [id, setId] = useState<string | null>(null);
  const file = async () => {
    const r = await call(personApi.POST('/v1/me/requests', { body: { type: props.type, language: lang } }));
    setProblem(r.problem ?? null);
    if (r.data) {
      setId(r.data.id);
      props.onFiled();
    }
  };
  return (
    <div>
      <button type="button" onClick={file} disabled={id !== null}>{tOr(t, 'request.', props.type)}</button>
      {id && <p class="alert alert-ok" role="status">{t('center.requests.submitted', { id })}</p>}
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}
