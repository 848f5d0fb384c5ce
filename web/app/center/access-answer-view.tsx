// The access answer: the values (masked until the person verifies again), recipients and the access report.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { maskValue } from '../lib/mask.ts';
import { CodeForm } from './code-form.tsx';

/** The parts of the access answer this screen shows. */
export interface AccessAnswer {
  data: { category: string; label: string; value: string | null; collectedAt: string }[];
  purposes: { id: string; label: string; legalBasis: string; categories: string[]; consent: string | null }[];
  recipients: { recipient: string; name: string; country: string; purpose: string; categories: string[]; sharedAt: string }[];
  declaredRecipients: { recipient: string; name: string; kind: string; country: string; categories: string[] }[];
  accessReport: { at: string; actor: string; action: string; purpose: string | null; categories: string[]; recipient: string | null }[];
}

/** Shows the answer; `revealed` after a fresh verification. */
export function AccessAnswerView(props: { answer: AccessAnswer; revealed: boolean; onRevealed: () => void }) {
  const { t, date, list } = useI18n();
  const cats = (ids: string[]) => list(ids.map((c) => a.data.find((d) => d.category === c)?.label ?? c));
  const [verifying, setVerifying] = useState(false);
  const a = props.answer;
  return (
    <>
      <section class="card" aria-labelledby="values-h">
        <h2 id="values-h" style="margin-top:0">{t('center.nav.data')}</h2>
        {!props.revealed && <p class="muted">{t('center.data.lead')}</p>}
        <div class="table-wrap">
          <table>
            <thead><tr><th>{t('center.data.category')}</th><th>{t('center.data.value')}</th></tr></thead>
            <tbody>
              {a.data.map((d) => (
                <tr key={d.category}><td>{d.label}</td><td data-testid="value">{d.value === null ? '—' : props.revealed ? d.value : maskValue(d.value)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {!props.revealed && !verifying && <p><button type="button" class="secondary" onClick={() => setVerifying(true)}>{t('center.data.reveal')}</button></p>}
        {!props.revealed && verifying && <div class="card" style="margin-top:1rem"><CodeForm codeLabel={t('center.data.revealCode')} submitLabel={t('center.data.reveal')} onVerified={() => { setVerifying(false); props.onRevealed(); }} /></div>}
      </section>
      <section class="card" aria-labelledby="recipients-h">
        <h2 id="recipients-h" style="margin-top:0">{t('center.data.recipients')}</h2>
        <p class="hint">{t('center.data.recipientsHint')}</p>
        {a.recipients.length === 0 && a.declaredRecipients.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <div class="table-wrap">
            <table>
              <thead><tr><th>{t('center.data.recipient')}</th><th>{t('center.data.purpose')}</th><th>{t('center.data.category')}</th><th>{t('center.data.when')}</th></tr></thead>
              <tbody>
                {a.recipients.map((r, i) => <tr key={`s${i}`}><td>{r.name} <span class="muted">({r.country})</span></td><td>{a.purposes.find((p) => p.id === r.purpose)?.label ?? r.purpose}</td><td>{cats(r.categories)}</td><td>{date(r.sharedAt, true)}</td></tr>)}
                {a.declaredRecipients.filter((d) => !a.recipients.some((r) => r.recipient === d.recipient)).map((d) => <tr key={d.recipient}><td>{d.name} <span class="muted">({d.country})</span></td><td class="muted">—</td><td>{cats(d.categories)}</td><td class="muted">—</td></tr>)}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="accesses-h">
        <h2 id="accesses-h" style="margin-top:0">{t('center.data.accesses')}</h2>
        {a.accessReport.length === 0 ? <p class="muted">{t('common.none')}</p> : (
          <div class="table-wrap">
            <table>
              <thead><tr><th>{t('center.data.when')}</th><th>{t('center.data.who')}</th><th>{t('center.data.purpose')}</th><th>{t('center.data.category')}</th></tr></thead>
              <tbody>
                {a.accessReport.map((r, i) => <tr key={i}><td>{date(r.at, true)}</td><td>{tOr(t, 'action.', r.action)} <span class="muted"><code>{r.actor}</code></span></td><td>{r.purpose ? a.purposes.find((p) => p.id === r.purpose)?.label ?? r.purpose : '—'}</td><td>{cats(r.categories)}</td></tr>)}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
