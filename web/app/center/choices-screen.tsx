// The person's optional consents and device permissions as switches, each with what it is for. On gives the consent
// (the server records the kind the law asks for), off withdraws it at once (PIPL 15, GDPR 7(3)); one call each.
// Consents given under an older notice are flagged and renewed by switching them on again.
import { useEffect, useState } from 'preact/hooks';
import { call, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { tOr } from '../i18n/index.ts';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { Switch } from '../ui/switch.tsx';
import { personApi } from './person-session.ts';

/** One switch on the screen: a consent (purpose, maybe for one recipient) or a device permission. */
interface Row {
  key: string;
  type: 'consent' | 'permission';
  target: string;
  recipient: string | null;
  /** the recipient's name in the reader's language */
  recipientName: string | null;
  label: string;
  about: string | null;
  on: boolean;
  stale: boolean;
  separate: boolean;
}

const keyOf = (type: string, target: string, recipient: string | null) => `${type}-${target}${recipient ? `-${recipient}` : ''}`.replace(/[^\w-]/g, '_');
const SEPARATE = new Set(['separate', 'explicit', 'written']);

/** The "my choices" screen. */
export function ChoicesScreen() {
  const { t, lang, list, date } = useI18n();
  const mine = useLoad(() => call(personApi.GET('/v1/me/consents')));
  // the person's role decides which purposes apply to them at all
  const me = useLoad(() => call(personApi.GET('/v1/me')));
  // what each purpose and permission is for, from the public notice data, in the reader's language; revalidated
  // (not taken from the minute-long HTTP cache) so the switches follow a registry version published since
  const about = useLoad(() => call(personApi.GET('/v1/notice/purposes', { params: { query: { lang } }, cache: 'no-cache' })), [lang]);
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ key: string; text: string } | null>(null);
  const [failed, setFailed] = useState<{ key: string; problem: Problem } | null>(null);
  // the state just written, shown until the reload brings it back from the server
  const [written, setWritten] = useState<Record<string, boolean>>({});
  useEffect(() => setWritten({}), [mine.data]);

  const purposeLabel = (id: string) => about.data?.purposes.find((p) => p.id === id)?.label ?? id;
  const recipientName = (purpose: string, id: string) => about.data?.purposes.find((p) => p.id === purpose)?.recipients.find((r) => r.id === id)?.name ?? id;
  const role = me.data?.subject.role;
  const state = mine.data?.state ?? [];
  const consentRow = (target: string, recipient: string | null): Row => {
    const p = about.data?.purposes.find((x) => x.id === target);
    const s = state.find((c) => c.type === 'consent' && c.target === target && c.recipient === recipient);
    const key = keyOf('consent', target, recipient);
    const on = written[key] ?? s?.status === 'granted';
    return { key, type: 'consent', target, recipient, recipientName: recipient && recipientName(target, recipient), label: p?.label ?? target, about: p?.description ?? null, on, stale: on && !(key in written) && !!s?.stale, separate: recipient !== null || SEPARATE.has(p?.consentMechanism ?? '') };
  };
  // every optional consent purpose of the notice that applies to the person's role, each followed by its declared
  // recipients other than processors (PIPL 23, 39: giving data to another handler needs a consent naming it) and any
  // other recipient the person agreed to; then any other consent on record (a recipient of a purpose the service
  // needs, agreed at checkout)
  const optional = about.data?.purposes.filter((p) => p.legalBasis === 'consent' && !p.required && (!p.roles || !role || p.roles.includes(role))) ?? [];
  const consents: Row[] = [];
  const has = (r: Row) => consents.some((x) => x.key === r.key);
  for (const p of optional) {
    consents.push(consentRow(p.id, null));
    // (the purpose's description is right above; not repeated under each recipient)
    for (const r of p.recipients) if (r.kind !== 'processor') consents.push({ ...consentRow(p.id, r.id), about: null });
    for (const s of state) if (s.type === 'consent' && s.target === p.id && s.recipient && !has(consentRow(p.id, s.recipient))) consents.push(consentRow(p.id, s.recipient));
  }
  for (const s of state) if (s.type === 'consent' && !consents.some((r) => r.key === keyOf('consent', s.target, s.recipient))) consents.push(consentRow(s.target, s.recipient));
  // a permission stops its purposes only once switched off here (the server never blocks one it has no record of)
  const permissions: Row[] = (about.data?.permissions ?? []).map((p) => {
    const key = keyOf('permission', p.id, null);
    const s = state.find((c) => c.type === 'permission' && c.target === p.id);
    return { key, type: 'permission', target: p.id, recipient: null, recipientName: null, label: p.label, about: t('center.choices.usedFor', { purposes: list(p.purposes.map(purposeLabel)) }), on: written[key] ?? s?.status !== 'off', stale: false, separate: false };
  });

  const change = async (row: Row, on: boolean, renew = false) => {
    if (busy) return;
    setBusy(row.key);
    setSaved(null);
    setFailed(null);
    const target = { purpose: row.target, ...(row.recipient ? { recipient: row.recipient } : {}) };
    const r = row.type === 'permission'
      ? await call(personApi.PUT('/v1/me/permissions/{permission}', { params: { path: { permission: row.target } }, body: { enabled: on } }))
      : on ? await call(personApi.POST('/v1/me/consents', { body: target })) : await call(personApi.POST('/v1/me/consents/withdraw', { body: target }));
    setBusy(null);
    if (r.problem) return setFailed({ key: row.key, problem: r.problem });
    const name = row.recipient ? `${row.label} → ${row.recipientName}` : row.label;
    setWritten((w) => ({ ...w, [row.key]: on }));
    setSaved({ key: row.key, text: t(renew ? 'center.choices.savedRenew' : on ? 'center.choices.savedOn' : 'center.choices.savedOff', { name }) });
    mine.reload();
  };

  const item = (row: Row) => {
    const described = [row.about && `${row.key}-about`, row.stale && `${row.key}-stale`, failed?.key === row.key && `${row.key}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <li key={row.key} data-testid={row.key}>
        <div class="toggle-row">
          <div class="toggle-text">
            <span class="toggle-label" id={`${row.key}-label`}>
              {row.label}
              {row.recipient && <span class="muted"> → {row.recipientName}</span>}
            </span>
            {(row.separate || row.stale) && (
              <span class="toggle-badges">
                {row.separate && <span class="badge info">{t('center.choices.separate')}</span>}
                {row.stale && <span class="badge warning">{t('center.choices.renewNeeded')}</span>}
              </span>
            )}
          </div>
          <Switch id={row.key} on={row.on} busy={busy === row.key} labelledBy={`${row.key}-label`} describedBy={described} onText={t('center.choices.on')} offText={t('center.choices.off')} onToggle={() => void change(row, !row.on)} />
        </div>
        {row.about && <p class="hint" id={`${row.key}-about`}>{row.about}</p>}
        {row.stale && (
          <div class="stale">
            <p class="hint" id={`${row.key}-stale`}>{t('center.choices.stale')}</p>
            <button type="button" class="secondary small" disabled={busy !== null} onClick={() => void change(row, true, true)}>{t('center.choices.renew')}</button>
          </div>
        )}
        {saved?.key === row.key && <p class="saved-note" aria-hidden="true">{saved.text}</p>}
        {failed?.key === row.key && <ProblemAlert problem={failed.problem} id={`${row.key}-error`} />}
      </li>
    );
  };

  const history = mine.data?.history ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('center.choices.title')}</h1>
      <p class="lead">{t('center.choices.lead')}</p>
      {(mine.problem ?? about.problem ?? me.problem) && <ProblemAlert problem={(mine.problem ?? about.problem ?? me.problem)!} />}
      {/* announced once here; the same words show beside the switch that changed */}
      <div role="status" class="visually-hidden">{saved?.text}</div>
      {mine.data && about.data && (me.data || me.problem) && (
        <>
          <section class="card" aria-labelledby="consents-h">
            <h2 id="consents-h" class="card-title">{t('center.choices.consents')}</h2>
            {consents.length === 0 ? <p class="muted">{t('common.none')}</p> : <ul class="toggle-list">{consents.map(item)}</ul>}
          </section>
          <section class="card" aria-labelledby="perms-h">
            <h2 id="perms-h" class="card-title">{t('center.choices.permissions')}</h2>
            <p class="hint">{t('center.choices.permissionsHint')}</p>
            {permissions.length === 0 ? <p class="muted">{t('common.none')}</p> : <ul class="toggle-list">{permissions.map(item)}</ul>}
          </section>
          {history.length > 0 && (
            <details class="card">
              <summary><h2 class="card-title inline">{t('center.choices.history')}</h2></summary>
              <table class="stack">
                <thead><tr><th>{t('center.data.when')}</th><th>{t('center.choices.historyWhat')}</th><th>{t('center.choices.historyChange')}</th><th>{t('center.choices.historyWhere')}</th></tr></thead>
                <tbody>
                  {[...history].reverse().map((h) => (
                    <tr key={h.id}>
                      <th scope="row">{date(h.occurredAt, true)}</th>
                      <td data-label={t('center.choices.historyWhat')}>{h.type === 'permission' ? about.data!.permissions.find((p) => p.id === h.target)?.label ?? h.target : purposeLabel(h.target)}{h.recipient && <span class="muted"> → {recipientName(h.target, h.recipient)}</span>}</td>
                      <td data-label={t('center.choices.historyChange')}>{tOr(t, 'consentEvent.', h.event)}</td>
                      <td data-label={t('center.choices.historyWhere')}>{tOr(t, 'channel.', h.channel)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </>
  );
}
