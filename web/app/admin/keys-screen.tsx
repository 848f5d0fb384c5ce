// API keys: the list with state and last use, creation (the secret shown once), rotation and revocation.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { KeyCreateForm } from './key-create-form.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { staffApi } from './staff-session.ts';

/** The keys screen; roles without keys:manage see the refusal. */
export function KeysScreen() {
  const { t, date } = useI18n();
  const keys = useLoad(() => call(staffApi.GET('/v1/keys/')));
  const [secret, setSecret] = useState<{ id: string; key: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const rotate = async (id: string) => {
    const r = await call(staffApi.POST('/v1/keys/{id}/rotate', { params: { path: { id } } }));
    if (r.data) setSecret(r.data);
    setProblem(r.problem ?? null);
    keys.reload();
  };
  const revoke = async (id: string, name: string) => {
    if (!confirm(t('admin.keys.confirmRevoke', { name }))) return;
    const r = await call(staffApi.DELETE('/v1/keys/{id}', { params: { path: { id } } }));
    setProblem(r.problem ?? null);
    keys.reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('admin.keys.title')}</h1>
      {keys.problem && <ProblemAlert problem={keys.problem} />}
      {problem && <ProblemAlert problem={problem} />}
      {secret && <OneTimeSecret secret={secret.key} onClose={() => setSecret(null)} />}
      {keys.data && (
        <>
          <section class="card">
            <KeyCreateForm onCreated={(s) => { setSecret(s); keys.reload(); }} />
          </section>
          <section class="card table-wrap">
            <table>
              <thead><tr><th>{t('admin.keys.name')}</th><th>{t('admin.keys.role')}</th><th>{t('admin.keys.state')}</th><th>{t('admin.keys.lastUsed')}</th><th><span class="visually-hidden">{t('admin.keys.rotate')}</span></th></tr></thead>
              <tbody>
                {keys.data.keys.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}<div class="muted"><code>{k.id}</code>{k.purposes.length > 0 && ` · ${k.purposes.join(', ')}`}{k.department && ` · ${k.department}`}</div></td>
                    <td>{t(`role.${k.role}`)}</td>
                    <td>{k.revokedAt ? <span class="badge info">{t('admin.keys.revoked')}</span> : <span class="badge ok">{t('admin.keys.active')}</span>}</td>
                    <td>{k.lastUsedAt ? date(k.lastUsedAt, true) : t('admin.keys.never')}</td>
                    <td style="white-space:nowrap">
                      {!k.revokedAt && (
                        <>
                          <button type="button" class="secondary" onClick={() => rotate(k.id)} aria-label={`${t('admin.keys.rotate')} ${k.name}`}>{t('admin.keys.rotate')}</button>{' '}
                          <button type="button" class="danger" onClick={() => revoke(k.id, k.name)} aria-label={`${t('admin.keys.revoke')} ${k.name}`}>{t('admin.keys.revoke')}</button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
