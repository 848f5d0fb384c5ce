// Opening a request by its reference (as quoted in a letter or email).
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';
import { navigate } from '../lib/use-route.ts';

/** A small form that goes to /requests/<id>. */
export function RequestLookup() {
  const { t } = useI18n();
  const [id, setId] = useState('');
  return (
    <form style="margin-top:1rem" onSubmit={(e) => { e.preventDefault(); if (id.trim()) navigate(`/requests/${encodeURIComponent(id.trim())}`); }}>
      <h3>{t('center.requests.find')}</h3>
      <div class="row">
        <div class="field"><label for="lookup-id">{t('center.requests.reference')}</label><input id="lookup-id" placeholder="req_…" value={id} onInput={(e) => setId(e.currentTarget.value)} /></div>
        <div class="field" style="flex:0 0 auto"><button type="submit" class="secondary">{t('center.requests.open')}</button></div>
      </div>
    </form>
  );
}
