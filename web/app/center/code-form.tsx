// Verifying a contact with a one-time code: ask for the code, then exchange it for a session.
import { useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { personApi, startSession, verifiedContact } from './person-session.ts';

/** Two steps in one form; `onVerified` runs once a new session is kept. `codeLabel` replaces the code prompt. */
export function CodeForm(props: { onVerified: () => void; codeLabel?: string; submitLabel?: string }) {
  const { t } = useI18n();
  const [contact, setContact] = useState(verifiedContact() ?? '');
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [devMailbox, setDevMailbox] = useState<string | null>(null);

  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await call(personApi.POST('/v1/me/verify', { body: { contact: contact.trim() } }));
    setBusy(false);
    setProblem(r.problem ?? null);
    if (r.data) {
      setSent(true);
      // development servers keep codes in a mailbox instead of sending them; production servers have no such route
      const box = `/dev/mailbox?to=${encodeURIComponent(contact.trim())}`;
      fetch(box).then((res) => setDevMailbox(res.ok ? box : null), () => setDevMailbox(null));
    }
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await call(personApi.POST('/v1/me/verify/confirm', { body: { contact: contact.trim(), code: code.trim() } }));
    setBusy(false);
    setProblem(r.problem ?? null);
    if (r.data) {
      startSession(r.data.session, r.data.expiresAt, contact.trim());
      props.onVerified();
    }
  };
  const message = (p: Problem) =>
    p.code === 'RIGHTS_CODE_LOCKED' || p.status === 429 ? t('center.signIn.tooMany') : p.code.startsWith('RIGHTS_CODE') || p.code === 'VALIDATION_FAILED' ? t('center.signIn.wrongCode') : t('common.error', { detail: p.detail });

  if (!sent) {
    return (
      <form onSubmit={send}>
        <div class="field">
          <label for="contact">{t('center.signIn.contact')}</label>
          <input id="contact" name="contact" autoComplete="email" required minLength={3} maxLength={320} value={contact} onInput={(e) => setContact(e.currentTarget.value)} aria-describedby="contact-hint" />
          <span id="contact-hint" class="hint">{t('center.signIn.contactHint')}</span>
        </div>
        {problem && <div class="alert alert-error" role="alert"><p>{message(problem)}</p></div>}
        <button type="submit" disabled={busy}>{t('center.signIn.send')}</button>
      </form>
    );
  }
  return (
    <form onSubmit={confirm}>
      <p class="alert alert-ok" role="status">{t('center.signIn.sent')}</p>
      {devMailbox && <p class="hint"><a href={devMailbox} target="_blank" rel="noopener">{t('center.signIn.devMailbox')}</a></p>}
      <div class="field">
        <label for="otp">{props.codeLabel ?? t('center.signIn.code')}</label>
        <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onInput={(e) => setCode(e.currentTarget.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'otp-error' : undefined} />
      </div>
      {problem && <div id="otp-error" class="alert alert-error" role="alert"><p>{message(problem)}</p></div>}
      <div class="row" style="align-items:center">
        <button type="submit" disabled={busy}>{props.submitLabel ?? t('center.signIn.verify')}</button>
        <button type="button" class="link" onClick={() => { setSent(false); setCode(''); setProblem(null); }}>{t('center.signIn.restart')}</button>
      </div>
    </form>
  );
}
