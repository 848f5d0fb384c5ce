// Signing in to the privacy center with a one-time code sent to the contact on file.
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate } from '../lib/use-route.ts';
import { CodeForm } from './code-form.tsx';

/** The sign-in screen; after verification it goes to `next`. */
export function SignInScreen(props: { next: string; reason?: string }) {
  const { t } = useI18n();
  return (
    <div class="card narrow">
      <h1 tabIndex={-1}>{t('center.signIn.title')}</h1>
      {props.reason && <p class="muted">{props.reason}</p>}
      <CodeForm onVerified={() => navigate(props.next)} />
    </div>
  );
}
