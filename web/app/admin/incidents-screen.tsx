// Breach incidents: record one, find the people affected, follow each law's clocks, record reports and queue notices.
import { rawJson } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { IncidentCard, type Incident } from './incident-card.tsx';
import { IncidentForm } from './incident-form.tsx';
import { staffKey } from './staff-session.ts';

/** The incidents screen. */
export function IncidentsScreen() {
  const { t } = useI18n();
  const list = useLoad(() => rawJson<{ incidents: Incident[] }>('GET', '/v1/incidents', staffKey()));
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.incidents.title')}</h1>
      <p class="lead">{t('admin.incidents.lead')}</p>
      {list.problem && <ProblemAlert problem={list.problem} />}
      {list.data && (
        <>
          {list.data.incidents.map((i) => <IncidentCard key={i.id} incident={i} onChanged={list.reload} />)}
          <IncidentForm onRecorded={list.reload} />
        </>
      )}
    </>
  );
}
