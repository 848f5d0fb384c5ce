// The person's consents and device permissions with what each is for; switching a consent off files a
// withdrawal that takes effect at once (PIPL 15, GDPR 7(3)).
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { personApi } from './person-session.ts';

/** The "my choices" screen. */
export function ChoicesScreen() {
  const { t, lang, list } = useI18n();
  const me = useLoad(() => call(personApi.GET('/v1/me')));
  // what each purpose and permission is for, from the public notice data, in the reader's language
  const about = useLoad(() => call(personApi.GET('/v1/notice/purposes', { params: { query: { lang } } })), [lang]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const purpose = (id: string) => about.data?.purposes.find((p) => p.id === id);
  const permission = (id: string) => about.data?.permissions.find((p) => p.id === id);
  const consents = me.data?.consents.filter((c) => c.type === 'consent') ?? [];
  const permissions = me.data?.consents.filter((c) => c.type === 'permission') ?? [];

  const withdraw = async (target: string) => {
    setSaved(false);
    const r = await call(personApi.POST('/v1/me/requests', { body: { type: 'consent-scope', purposes: [target], language: lang } }));
    setProblem(r.problem ?? null);
    if (r.data) {
      setSaved(true);
      setTimeout(me.reload, 800);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('center.choices.title')}</h1>
      <p class="lead">{t('center.choices.lead')}</p>
      {me.problem && <ProblemAlert problem={me.problem} />}
      {problem && <ProblemAlert problem={problem} />}
      {saved && <p class="alert alert-ok" role="status">{t('center.choices.saved')}</p>}
      {me.data && (
        <>
          <section class="card" aria-labelledby="consents-h">
            <h2 id="consents-h" style="margin-top:0">{t('center.choices.consents')}</h2>
            {consents.length === 0 ? <p class="muted">{t('common.none')}</p> : (
              <ul class="toggle-list">
                {consents.map((c) => {
                  const on = c.status === 'granted';
                  const id = `consent-${c.target}-${c.recipient ?? ''}`;
                  const p = purpose(c.target);
                  return (
                    <li key={id}>
                      <div>
                        <label for={id}>{p?.label ?? c.target}{c.recipient && <span class="muted"> → {c.recipient}</span>}</label>
                        {p?.description && <div class="hint" id={`${id}-about`}>{p.description}</div>}
                        {c.stale && <div class="badge warning">{t('center.choices.stale')}</div>}
                        <div class="hint"><em>{on ? t('center.choices.withdrawHint') : t('center.choices.onlyOff')}</em></div>
                      </div>
                      <input id={id} type="checkbox" role="switch" class="switch" checked={on} disabled={!on} aria-describedby={p?.description ? `${id}-about` : undefined} onChange={(e) => { if (!e.currentTarget.checked) void withdraw(c.target); }} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="perms-h">
            <h2 id="perms-h" style="margin-top:0">{t('center.choices.permissions')}</h2>
            <p class="hint">{t('center.choices.permissionsHint')}</p>
            {permissions.length === 0 ? <p class="muted">{t('common.none')}</p> : (
              <ul class="toggle-list">
                {permissions.map((x) => {
                  const p = permission(x.target);
                  return (
                    <li key={x.target}>
                      <div>
                        <label for={`perm-${x.target}`}>{p?.label ?? x.target}</label>
                        {p && <div class="hint">{t('center.choices.usedFor', { purposes: list(p.purposes.map((id) => purpose(id)?.label ?? id)) })}</div>}
                      </div>
                      <input id={`perm-${x.target}`} type="checkbox" role="switch" class="switch" checked={x.status === 'on'} disabled />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
