// One incident: severity, people found, the legal clocks (overdue ones marked), and the next actions.
import { useState } from 'preact/hooks';
import { rawJson, type Problem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { staffKey } from './staff-session.ts';

/** The parts of an incident view this card shows. */
export interface Incident {
  id: string;
  status: string;
  incident: { title: string | Record<string, string>; discoveredAt: string; regimes: string[] };
  affected: { total: number };
  severity: { severity: string; reasons: string[] };
  clocks: { regime: string; audience: 'regulator' | 'individuals'; required: boolean; immediate: boolean; due: string | null; rule: string; done: boolean; overdue: boolean }[];
  overdue: boolean;
  reported: Record<string, unknown>;
}

const SEVERITY_BADGE: Record<string, string> = { low: 'info', medium: 'warning', high: 'error', critical: 'error' };

/** An incident and its actions; `onChanged` reloads the list. */
export function IncidentCard(props: { incident: Incident; onChanged: () => void }) {
  const { t, date, lang } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const i = props.incident;
  const title = typeof i.incident.title === 'string' ? i.incident.title : i.incident.title[lang] ?? Object.values(i.incident.title)[0];
  const act = async (path: string, body?: unknown, done?: (data: any) => string) => {
    const r = await rawJson<any>('POST', `/v1/incidents/${encodeURIComponent(i.id)}${path}`, staffKey(), body);
    setProblem(r.problem ?? null);
    if (r.data && done) setNote(done(r.data));
    props.onChanged();
  };
  const unreported = [...new Set(i.clocks.filter((c) => c.audience === 'regulator' && c.required && !c.done).map((c) => c.regime))];
  return (
    <section class="card" aria-labelledby={`inc-${i.id}`} data-testid="incident">
      <h2 id={`inc-${i.id}`} style="margin-top:0">{title} {i.overdue && <span class="badge overdue">{t('status.overdue')}</span>}</h2>
      <p>
        <span class={`badge ${SEVERITY_BADGE[i.severity.severity] ?? ''}`}>{t('admin.incidents.severity')}: {i.severity.severity}</span>{' '}
        <span class="muted"><code>{i.id}</code> · {t('admin.incidents.discovered')} {date(i.incident.discoveredAt, true)}</span>
      </p>
      <p>{t('admin.incidents.affected', { n: i.affected.total })}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('admin.incidents.clocks')}</caption>
          <thead><tr><th>{t('admin.incidents.regimes')}</th><th>{t('admin.incidents.to')}</th><th>{t('admin.requests.due')}</th><th>{t('admin.requests.status')}</th></tr></thead>
          <tbody>
            {i.clocks.map((c, n) => (
              <tr key={n} class={c.overdue ? 'overdue' : undefined}>
                <td>{c.regime.toUpperCase()} <span class="muted">{c.rule}</span></td>
                <td>{t(`admin.incidents.audience.${c.audience}`)}</td>
                <td>{!c.required ? '—' : c.due ? date(c.due, true) : t('admin.incidents.immediately')}</td>
                <td>{!c.required ? <span class="badge info">{t('admin.incidents.notRequired')}</span> : c.done ? <span class="badge ok">{t('admin.incidents.done')}</span> : c.overdue ? <span class="badge overdue">{t('status.overdue')}</span> : <span class="badge warning">{t('status.open')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="row" style="margin-top:.8rem">
        <button type="button" class="secondary" onClick={() => act('/scope', undefined, (d) => t('admin.incidents.affected', { n: d.total }))}>{t('admin.incidents.scope')}</button>
        {unreported.map((regime) => <button key={regime} type="button" class="secondary" onClick={() => act('/reported', { regime })}>{t('admin.incidents.markReported', { regime: regime.toUpperCase() })}</button>)}
        {i.affected.total > 0 && <button type="button" class="secondary" onClick={() => act('/notify', { channels: ['email'] }, (d) => t('admin.incidents.queued', { n: d.queued }))}>{t('admin.incidents.notify')}</button>}
      </div>
      {note && <p class="alert alert-ok" role="status">{note}</p>}
      {problem && <ProblemAlert problem={problem} />}
    </section>
  );
}
