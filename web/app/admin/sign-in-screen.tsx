// Staff sign-in with an API key, checked against the API before it is kept.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';
import { signIn } from './staff-session.ts';

/** Asks for an API key and keeps it for this tab once the API accepts it. */
export function SignInScreen(props: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // any staff role may read the registry, so this checks the key without needing more
      const res = await fetch('/v1/registry/', { headers: { authorization: `Bearer ${key.trim()}` } });
      if (res.status === 401) return setError(t('admin.signIn.invalid'));
      signIn(key.trim());
      props.onSignedIn();
    } catch (err) {
      setError(t('common.error', { detail: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card narrow">
      <h1 tabIndex={-1}>{t('admin.signIn.title')}</h1>
      <form onSubmit={submit}>
        <div class="field">
          <label for="api-key">{t('admin.signIn.key')}</label>
          <input id="api-key" name="api-key" type="password" autoComplete="off" spellcheck={false} required value={key} onInput={(e) => setKey(e.currentTarget.value)} aria-describedby="api-key-hint" aria-invalid={error ? true : undefined} />
          <span id="api-key-hint" class="hint">{t('admin.signIn.hint')}</span>
        </div>
        {error && <div class="alert alert-error" role="alert"><p>{error}</p></div>}
        <button type="submit" disabled={busy}>{t('admin.signIn.submit')}</button>
      </form>
    </div>
  );
}
