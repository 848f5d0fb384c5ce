// A newly issued key, shown once with a copy button; it lives only in this component's state.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The secret panel; focus moves to it so screen readers announce it. */
export function OneTimeSecret(props: { secret: string; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => ref.current?.focus(), [props.secret]);
  return (
    <div class="alert alert-ok" role="alert" tabIndex={-1} ref={ref}>
      <p>{t('admin.keys.secret')}</p>
      <code class="secret" data-testid="new-secret">{props.secret}</code>
      <button type="button" class="secondary" onClick={() => navigator.clipboard?.writeText(props.secret).then(() => setCopied(true))}>{copied ? t('common.copied') : t('common.copy')}</button>{' '}
      <button type="button" class="link" onClick={props.onClose}>{t('common.close')}</button>
    </div>
  );
}
